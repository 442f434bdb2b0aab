#!/usr/bin/env bash
# Installs every Debian package that building, testing and running ShelfSense needs (the last
# lines: the package checks the test suite runs on the built .deb, and clang with libFuzzer for the
# fuzz targets CI runs).
# Idempotent: packages already present are skipped; runs as root or through sudo.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache dpkg-dev pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
  libsqlite3-dev sqlite3 zlib1g-dev libzip-dev tzdata
  libtorch-dev libopenblas0-pthread
  libboost1.81-dev libboost-json1.81-dev libboost-iostreams1.81-dev
  libboost-program-options1.81-dev libutf8proc-dev
  xvfb xauth imagemagick fonts-wqy-microhei
  python3 python3-pip python3-venv
  lintian desktop-file-utils appstream groff-base
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  # Another apt (e.g. unattended-upgrades on a fresh machine) may hold the lock: wait for it.
  apt_opts=(-o DPkg::Lock::Timeout=600)
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}"
fi

# LibTorch uses whichever BLAS is selected; the reference BLAS is ~18x slower.
for alt in libblas.so.3-x86_64-linux-gnu liblapack.so.3-x86_64-linux-gnu; do
  target=$(update-alternatives --list "$alt" 2>/dev/null | grep openblas-pthread | head -n1 || true)
  if [ -n "$target" ]; then "${sudo_cmd[@]}" update-alternatives --set "$alt" "$target" >/dev/null; fi
done
echo "install-deps: done" >&2

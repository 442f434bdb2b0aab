#!/usr/bin/env bash
# Writes the source release shelfsense-VERSION.tar.xz (the committed tree at REV, default HEAD) into
# OUT_DIR (default: build/). VERSION is read from project() in CMakeLists.txt, the one place it is
# set. The tarball builds with the README's instructions (scripts/workbench.sh, scripts/test.sh);
# without .git, --version shows the version alone.
# Usage: packaging/make-source-tarball.sh [OUT_DIR] [REV]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build}
rev=${2:-HEAD}
version=$(sed -n 's/^project(ShelfSense VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ -n "$version" ] || { echo "make-source-tarball: no version in CMakeLists.txt" >&2; exit 1; }
mkdir -p "$out"
tarball="$out/shelfsense-$version.tar.xz"
git -C "$root" archive --format=tar --prefix="shelfsense-$version/" "$rev" | xz -9 -T2 > "$tarball.partial"
mv "$tarball.partial" "$tarball"
echo "$tarball"

#!/usr/bin/env bash
# packaging/test-install.sh — installs a ShelfSense .deb "as a person would" on a clean Debian 12
# (bookworm, minbase) root and checks that it works:
#   install  apt-get update; apt-get install -y ./shelfsense_*.deb (every dependency from Debian),
#            and every library the installed programs link resolves (ldd);
#   (a)      shelfsense-cli --version, shelfsense --version (offscreen), shelfsense-cli --help on stdout;
#   (b)      shelfsense-cli sample + evaluate (popularity, item-kNN: no text model needed), and a
#            command that needs the (not packaged) sentence model fails cleanly, naming the model;
#   (c)      the workbench's first start under Xvfb: a window within 60 s, a screenshot
#            (RESULTS/install-screenshot.png), still alive afterwards; the X test tools (xvfb xauth
#            x11-apps x11-utils imagemagick) are installed only after the package, so they cannot
#            hide a missing Depends;
#   (d)      apt-get remove / purge: the programs go, the user's projects, settings and files stay.
# Every check prints PASS or FAIL with what it saw; a summary ends the run, which exits non-zero if
# any check failed. The log, outputs and screenshot are kept in RESULTS (WORK/results, printed at
# the end); the root is deleted unless --keep.
#
# Needs root (debootstrap, chroot, mount). Runs in its own mount namespace; mounts /proc, /sys,
# /dev, /dev/pts (and a private /dev/shm) into the root and unmounts them on exit, failure included.
# Touches nothing on the host outside WORK. Network: deb.debian.org only.
# Time: about 3.5–6 min with --base (copy of a pristine root: seconds; apt downloads ~380 MB of Qt,
# LibTorch, OpenBLAS, Boost, Python); add ~30 s without --base (debootstrap).
#
# Usage: packaging/test-install.sh [--base DIR] [--work DIR] [--keep] DEB
#   --base DIR   copy this pristine root (debootstrap --variant=minbase bookworm) instead of
#                running debootstrap
#   --work DIR   work folder (must not exist or be empty); default: a new /var/tmp/ss-test-install.*
#   --keep       keep WORK/root afterwards (for inspection; nothing stays mounted)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=clean-root.sh source-path=SCRIPTDIR
. "$here/clean-root.sh"   # check/note/step/oneline/summary, options, the root, window_test
script_name=test-install

base="" work="" keep=0 deb=""
while [ $# -gt 0 ]; do
  common_option "$@"; [ "$took" -eq 0 ] || { shift "$took"; continue; }
  case $1 in
    -*) echo "test-install: unknown option $1" >&2; usage 1 ;;
    *) [ -z "$deb" ] || die "one .deb only (got $deb and $1)"; deb=$1; shift ;;
  esac
done
[ -n "$deb" ] || { echo "test-install: no .deb given" >&2; usage 1; }
need_root
deb=$(readlink -f "$deb"); [ -f "$deb" ] || die "no such file: $deb"
dpkg-deb -f "$deb" Package >/dev/null 2>&1 || die "$deb is not a Debian package"
check_base

enter_mount_namespace ${base:+--base "$base"} ${work:+--work "$work"} $([ $keep -eq 1 ] && echo --keep) "$deb"
open_work
echo "test-install: $(date -Is) deb=$deb work=$work base=${base:-<debootstrap>}"

# ---- setup ------------------------------------------------------------------------------------
make_root "making the root" 512m

debname=$(basename "$deb")
cp "$deb" "$root/tmp/$debname"; chmod 644 "$root/tmp/$debname"
echo "package: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), $(( $(stat -c %s "$deb") / 1024 )) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
pkgversion=$(dpkg-deb -f "$deb" Version)

# ---- install ----------------------------------------------------------------------------------
step "install: apt-get update && apt-get install -y ./$debname"
inroot 'dpkg-query -W -f "\${Package}\n" | sort' > "$out/packages-before.txt"
if inroot "${apt_env[@]}" "apt-get update -q && cd /tmp && apt-get install -y -q ./$debname" > "$out/apt-install.log" 2>&1; then
  inroot 'dpkg-query -W -f "\${Package}\n" | sort' > "$out/packages-after-install.txt"
  added=$(comm -13 "$out/packages-before.txt" "$out/packages-after-install.txt" | wc -l)
  check "install: apt-get install ./deb" pass "installed with $added packages ($(grep -Eo 'Need to get [^ ]+ [kMG]?B' "$out/apt-install.log" | head -1 || true))"
else
  tail -25 "$out/apt-install.log"
  check "install: apt-get install ./deb" fail "apt-get failed; see $out/apt-install.log"
  exit 1
fi

inroot 'dpkg -L shelfsense' > "$out/package-files.txt"
cat > "$root/tmp/ldd-check.sh" <<'EOF2'
# Every ELF file of the package: libraries ldd cannot find.
for f in $(dpkg -L shelfsense); do
  [ -f "$f" ] && [ ! -L "$f" ] && [ "$(head -c4 "$f" | tail -c3)" = ELF ] || continue
  ldd "$f" 2>&1 | sed -n "s|^[[:space:]]*\([^ ]*\) => not found|$f: \1|p"
done
EOF2
missing_libs=$(inroot 'bash /tmp/ldd-check.sh' || true)
if [ -z "$missing_libs" ]; then
  check "install: shared libraries resolve" pass "ldd finds every library of the $(inroot 'n=0; for f in $(dpkg -L shelfsense); do [ -f "$f" ] && [ ! -L "$f" ] && [ "$(head -c4 "$f" | tail -c3)" = ELF ] && n=$((n+1)); done; echo $n') ELF files in the package"
else
  check "install: shared libraries resolve" fail "$(echo "$missing_libs" | oneline 300)"
fi

# ---- (a) version and help ---------------------------------------------------------------------
step "(a) --version and --help"
run_capture() {  # run_capture NAME [VAR=value...] 'commands' -> $out/NAME.{out,err}, sets rc
  local name=$1; shift
  rc=0; inroot "$@" > "$out/$name.out" 2> "$out/$name.err" || rc=$?
}
version_re='[0-9]+\.[0-9]+(\.[0-9]+)?'
run_capture cli-version 'shelfsense-cli --version'
seen="exit $rc, stdout: '$(oneline < "$out/cli-version.out")' stderr: '$(oneline 100 < "$out/cli-version.err")'"
if [ $rc -eq 0 ] && grep -Eq "$version_re" "$out/cli-version.out"; then
  check "(a) shelfsense-cli --version" pass "$seen (package $pkgversion)"
else check "(a) shelfsense-cli --version" fail "$seen"; fi

run_capture gui-version QT_QPA_PLATFORM=offscreen 'shelfsense --version'
seen="exit $rc, stdout: '$(oneline < "$out/gui-version.out")' stderr: '$(oneline 100 < "$out/gui-version.err")'"
if [ $rc -eq 0 ] && grep -Eq "$version_re" "$out/gui-version.out"; then
  check "(a) shelfsense --version (offscreen)" pass "$seen (package $pkgversion)"
else check "(a) shelfsense --version (offscreen)" fail "$seen"; fi

run_capture cli-help 'shelfsense-cli --help'
seen="exit $rc, stdout $(wc -l < "$out/cli-help.out") lines ('$(head -1 "$out/cli-help.out" | oneline 60)'), stderr $(wc -l < "$out/cli-help.err") lines ('$(head -1 "$out/cli-help.err" | oneline 60)')"
if [ $rc -eq 0 ] && grep -qi 'usage' "$out/cli-help.out"; then
  check "(a) shelfsense-cli --help on stdout" pass "$seen"
else check "(a) shelfsense-cli --help on stdout" fail "$seen"; fi

# ---- (b) the command line without a text model -----------------------------------------------
step "(b) sample, evaluate, a model command without the model"
run_capture sample 'shelfsense-cli sample --db /root/s.shelfsense --quiet'
seen="exit $rc: $(oneline < "$out/sample.out") $(oneline 120 < "$out/sample.err")"
if [ $rc -eq 0 ] && inroot 'test -s /root/s.shelfsense'; then
  check "(b) shelfsense-cli sample" pass "$seen"
else check "(b) shelfsense-cli sample" fail "$seen"; fi

t0=$(date +%s)
run_capture evaluate 'shelfsense-cli evaluate --db /root/s.shelfsense --recommenders popularity,itemknn --split temporal --k 10 --bootstrap 200 --quiet'
rows=$(grep -Ec '^(popularity|itemknn) ' "$out/evaluate.out" || true)
seen="exit $rc in $(( $(date +%s) - t0 )) s, $rows model rows; $(head -1 "$out/evaluate.out" | oneline 90)$(oneline 120 < "$out/evaluate.err")"
if [ $rc -eq 0 ] && [ "$rows" -eq 2 ]; then
  check "(b) evaluate popularity,itemknn" pass "$seen"
else check "(b) evaluate popularity,itemknn" fail "$seen"; fi
sed -n '1,4p' "$out/evaluate.out" | cut -c1-150

run_capture encode-nomodel 'shelfsense-cli encode --db /root/s.shelfsense --target items'
msg=$(cat "$out/encode-nomodel.out" "$out/encode-nomodel.err" | oneline 220)
seen="exit $rc: '$msg'"
if [ $rc -ne 0 ] && [ $rc -lt 128 ] && echo "$msg" | grep -Eqi 'install[^.]*model|model[^.]*install' \
   && ! echo "$msg" | grep -Eqi 'segmentation|core dumped|terminate called|aborted'; then
  check "(b) encode without a model fails cleanly" pass "$seen"
else check "(b) encode without a model fails cleanly" fail "$seen"; fi
# Does the advice name something an installed user has?
for named in $(echo "$msg" | grep -Eo '[A-Za-z0-9_./-]*install-model[A-Za-z0-9_.-]*' | sort -u); do
  if inroot "command -v $named >/dev/null || test -e /usr/$named || test -e $named"; then note "the message names '$named': present on the installed system"
  else note "the message names '$named', which an installed system does not have (the package ships $(grep -m1 'install-model' "$out/package-files.txt" || echo 'no install-model script'))"; fi
done

# ---- (c) the workbench's first start under Xvfb ----------------------------------------------
step "(c) workbench first start under Xvfb"
inroot 'dpkg-query -W -f "\${Package}\n" | sort' > "$out/packages-before-tools.txt"
tools="xvfb xauth x11-apps x11-utils imagemagick"   # x11-utils has xwininfo
if ! inroot "${apt_env[@]}" "apt-get install -y -q --no-install-recommends $tools" > "$out/apt-tools.log" 2>&1; then
  tail -15 "$out/apt-tools.log"; check "(c) install test tools" fail "apt-get install $tools failed"
else
  echo "test tools installed: $tools (+$(( $(inroot 'dpkg-query -W -f "\${Package}\n"' | wc -l) - $(wc -l < "$out/packages-before-tools.txt") )) packages)"
  list_windows=1
  window_test "(c) " "workbench window within 60 s" "workbench still running" 60 2 workbench.log install-screenshot.png 'exec shelfsense'
  [ ! -e "$out/workbench.log" ] \
    || grep -Ei 'qt\.qpa|plugin|could not|error|warning' "$out/workbench.log" | head -5 | sed 's/^/workbench.log: /' || true
fi

# ---- (d) removal ------------------------------------------------------------------------------
step "(d) apt-get remove and purge"
user_paths="/root/.local/share/ShelfSense /root/.config/ShelfSense /root/s.shelfsense"
cat > "$root/tmp/fingerprint.sh" <<'EOF2'
# For each path: its content hash and file count, or "absent".
for p in "$@"; do
  if [ -e "$p" ]; then
    echo "$p $(find "$p" -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-12) $(find "$p" -type f | wc -l)"
  else echo "$p absent"; fi
done
EOF2
fingerprint() { inroot "bash /tmp/fingerprint.sh $user_paths"; }
before=$(fingerprint)
echo "$before" | sed 's/^/before removal: /'
for p in $user_paths; do
  echo "$before" | grep -q "^$p absent" && note "$p did not exist before removal (the first start did not create it), so its check only shows it is not created"
done
for action in remove purge; do
  # A package without conffiles is gone after remove: apt-get purge would not find it, dpkg --purge does.
  cmd="apt-get $action -y -q shelfsense"
  [ $action = purge ] && ! inroot 'dpkg-query -W shelfsense >/dev/null 2>&1' && cmd="dpkg --purge shelfsense"
  if inroot "${apt_env[@]}" "$cmd" > "$out/apt-$action.log" 2>&1; then
    after=$(fingerprint)
    gone=$(inroot 'for f in /usr/bin/shelfsense /usr/bin/shelfsense-cli; do [ -e $f ] && echo "$f still there"; done; true')
    state=$(inroot 'dpkg-query -W -f "\${Status}" shelfsense 2>/dev/null || echo "not known to dpkg"')
    if [ -z "$gone" ]; then check "(d) $action: programs gone" pass "/usr/bin/shelfsense and shelfsense-cli removed; dpkg: $state"
    else check "(d) $action: programs gone" fail "$gone; dpkg: $state"; fi
    if [ "$after" = "$before" ]; then
      check "(d) $action: user data kept" pass "$(echo "$after" | awk '{ printf "%s%s", (NR>1?", ":""), ($2=="absent" ? $1 " absent" : $1 " unchanged (" $3 " files)") }')"
    else
      check "(d) $action: user data kept" fail "before: $(echo "$before" | oneline 200) after: $(echo "$after" | oneline 200)"
    fi
  else
    tail -10 "$out/apt-$action.log"; check "(d) $action" fail "$cmd failed"
  fi
done
leftover=$(inroot 'ls -d /usr/share/shelfsense /usr/lib/*/shelfsense /usr/lib/shelfsense 2>/dev/null; true')
[ -z "$leftover" ] || note "left after purge: $(echo "$leftover" | oneline)"

# ---- summary ----------------------------------------------------------------------------------
summary "$debname"

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

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "test-install: $*" >&2; exit 2; }

base="" work="" keep=0 deb=""
while [ $# -gt 0 ]; do
  case $1 in
    --base) base=${2:?--base needs a folder}; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "test-install: unknown option $1" >&2; usage 1 ;;
    *) [ -z "$deb" ] || die "one .deb only (got $deb and $1)"; deb=$1; shift ;;
  esac
done
[ -n "$deb" ] || { echo "test-install: no .deb given" >&2; usage 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
deb=$(readlink -f "$deb"); [ -f "$deb" ] || die "no such file: $deb"
dpkg-deb -f "$deb" Package >/dev/null 2>&1 || die "$deb is not a Debian package"
if [ -n "$base" ]; then
  base=$(readlink -f "$base"); [ -x "$base/bin/bash" ] && [ -d "$base/etc/apt" ] || die "$base is not a Debian root"
else
  command -v debootstrap >/dev/null || die "debootstrap is not installed (or pass --base DIR)"
fi

# A private mount namespace: whatever happens, no mount made here outlives the script or shows on
# the host. The trap below still unmounts everything (the root is deleted afterwards).
if [ -z "${SS_TEST_INSTALL_NS:-}" ]; then
  export SS_TEST_INSTALL_NS=1
  exec unshare --mount --propagation private -- "$(readlink -f "$0")" \
    ${base:+--base "$base"} ${work:+--work "$work"} $([ $keep -eq 1 ] && echo --keep) "$deb"
fi

if [ -n "$work" ]; then
  mkdir -p "$work"; work=$(readlink -f "$work")
  [ -z "$(ls -A "$work")" ] || die "--work $work is not empty"
else
  work=$(mktemp -d /var/tmp/ss-test-install.XXXXXX)
fi
case $work in *[[:space:]]*) die "work folder path must not contain spaces: $work" ;; esac
root=$work/root out=$work/results
mkdir -p "$root" "$out"
exec > >(tee -a "$out/test-install.log") 2>&1
started=$(date +%s)
echo "test-install: $(date -Is) deb=$deb work=$work base=${base:-<debootstrap>}"

# ---- checks -----------------------------------------------------------------------------------
names=() results=()
check() {  # check NAME pass|fail DETAIL...
  local name=$1 ok=$2; shift 2
  local word=FAIL; [ "$ok" = pass ] && word=PASS
  names+=("$name"); results+=("$word")
  printf '%s  %-34s %s\n' "$word" "$name" "$*"
}
note() { printf 'NOTE  %s\n' "$*"; }
step() { printf '\n== %s (%ds)\n' "$*" $(( $(date +%s) - started )); }
oneline() { tr '\n' ' ' | sed 's/  */ /g; s/ $//' | cut -c1-"${1:-160}"; }

# ---- the root: mounts, processes, cleanup -----------------------------------------------------
mounts_under_root() { awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r; }
kill_root_processes() {
  local sig pid found
  for sig in TERM KILL; do
    found=0
    for pid in /proc/[0-9]*; do
      [ "$(readlink "$pid/root" 2>/dev/null)" = "$root" ] || continue
      kill -"$sig" "${pid#/proc/}" 2>/dev/null && found=1
    done
    [ $found -eq 1 ] || break
    sleep 2
  done
}
unmount_root() {
  local m
  for m in $(mounts_under_root); do umount "$m" 2>/dev/null || umount -l "$m" || true; done
}
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  kill_root_processes
  unmount_root
  if [ -n "$(mounts_under_root)" ]; then
    echo "test-install: still mounted under $root, not deleting it:" >&2; mounts_under_root >&2
  elif [ $keep -eq 0 ]; then
    rm -rf --one-file-system "$root"
  fi
  echo "test-install: results in $out$([ $keep -eq 1 ] && echo "; root kept in $root")"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mount_root() {
  mount -t proc proc "$root/proc" 2>/dev/null || mount --bind /proc "$root/proc"
  mount --bind /sys "$root/sys"
  mount --bind /dev "$root/dev"
  mkdir -p "$root/dev/pts" "$root/dev/shm"
  mount --bind /dev/pts "$root/dev/pts"
  mount -t tmpfs -o mode=1777,size=512m shm "$root/dev/shm"   # the root's own, not the host's
  for m in proc sys dev dev/pts dev/shm; do mount --make-private "$root/$m"; done
}

inroot_cmd=(chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)
inroot() {  # inroot [VAR=value...] 'bash commands'   (a login shell in the root, clean environment)
  local envs=()
  while [ $# -gt 1 ] && [[ $1 == [A-Za-z_]*=* ]]; do envs+=("$1"); shift; done
  "${inroot_cmd[@]}" "${envs[@]}" bash -lc "$1"
}

# ---- setup ------------------------------------------------------------------------------------
step "making the root"
t0=$(date +%s)
if [ -n "$base" ]; then
  cp -a "$base/." "$root/"
else
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian > "$out/debootstrap.log" 2>&1 \
    || { tail -20 "$out/debootstrap.log"; die "debootstrap failed"; }
fi
echo "root ready in $(( $(date +%s) - t0 )) s: $root"
# What a Debian 12 machine has: main with updates and security.
cat > "$root/etc/apt/sources.list" <<'EOF'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
rm -f "$root/etc/resolv.conf"; cp -L /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod 755 "$root/usr/sbin/policy-rc.d"  # no daemons in a chroot
mount_root

apt_env=(DEBIAN_FRONTEND=noninteractive)
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
  # A display number nobody uses (X sockets are abstract: shared with the host's network namespace).
  disp=99
  while grep -q "@/tmp/.X11-unix/X$disp\$" /proc/net/unix || [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "$root/tmp/.X11-unix/X$disp" ]; do disp=$((disp + 1)); done
  # Background jobs run chroot itself (not a shell function), so $! is the program's own pid.
  "${inroot_cmd[@]}" bash -lc "exec Xvfb :$disp -screen 0 1280x800x24 -nolisten tcp" > "$out/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -S "$root/tmp/.X11-unix/X$disp" ] && break; sleep 0.2; done
  if [ ! -S "$root/tmp/.X11-unix/X$disp" ]; then
    check "(c) Xvfb starts" fail "no X socket for :$disp after 10 s: $(oneline < "$out/xvfb.log")"
  else
    echo "Xvfb on :$disp (pid $xvfb_pid)"
    "${inroot_cmd[@]}" DISPLAY=:$disp bash -lc 'exec shelfsense' > "$out/workbench.log" 2>&1 &
    gui_pid=$!
    t0=$(date +%s) window="" alive=1
    while [ $(( $(date +%s) - t0 )) -lt 60 ]; do
      kill -0 $gui_pid 2>/dev/null || { alive=0; break; }
      window=$(inroot DISPLAY=:$disp 'xwininfo -root -tree' 2>/dev/null | grep -m1 -E '"ShelfSense|"shelfsense" "[^"]*"\) +[0-9]{3,}x[0-9]{3,}' || true)
      [ -n "$window" ] && break
      sleep 2
    done
    waited=$(( $(date +%s) - t0 ))
    if [ -n "$window" ]; then
      check "(c) workbench window within 60 s" pass "after ${waited} s: $(echo "$window" | oneline 140)"
      sleep 8   # first start writes the sample shop and opens it
      if inroot DISPLAY=:$disp 'import -window root /tmp/install-screenshot.png' > "$out/import.log" 2>&1 \
         && cp "$root/tmp/install-screenshot.png" "$out/install-screenshot.png"; then
        check "(c) screenshot" pass "$out/install-screenshot.png ($(stat -c %s "$out/install-screenshot.png") bytes); top-level windows: $(inroot DISPLAY=:$disp 'xwininfo -root -children' | grep -o '"[^"]*":' | tr -d ':' | oneline 120)"
      else
        check "(c) screenshot" fail "import failed: $(oneline < "$out/import.log")"
      fi
      if kill -0 $gui_pid 2>/dev/null; then check "(c) workbench still running" pass "pid $gui_pid alive after the screenshot"
      else wait $gui_pid; check "(c) workbench still running" fail "exited with status $? after the window appeared"; fi
    elif [ $alive -eq 0 ]; then
      st=0; wait $gui_pid || st=$?
      check "(c) workbench window within 60 s" fail "shelfsense exited with status $st after ${waited} s: $(tail -5 "$out/workbench.log" | oneline 300)"
    else
      inroot DISPLAY=:$disp 'xwininfo -root -tree' > "$out/xwininfo.txt" 2>&1 || true
      check "(c) workbench window within 60 s" fail "no ShelfSense window after ${waited} s; xwininfo -root -tree: $(grep -v '^ *$' "$out/xwininfo.txt" | oneline 200)"
    fi
    kill -TERM $gui_pid 2>/dev/null || true
    for _ in $(seq 10); do kill -0 $gui_pid 2>/dev/null || break; sleep 0.5; done
    kill -KILL $gui_pid 2>/dev/null || true; wait $gui_pid 2>/dev/null || true
    grep -Ei 'qt\.qpa|plugin|could not|error|warning' "$out/workbench.log" | head -5 | sed 's/^/workbench.log: /' || true
  fi
  kill -TERM $xvfb_pid 2>/dev/null || true; wait $xvfb_pid 2>/dev/null || true
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
failed=0
printf '\n== summary: %s, %d s\n' "$debname" $(( $(date +%s) - started ))
for i in "${!names[@]}"; do
  printf '%s  %s\n' "${results[$i]}" "${names[$i]}"
  [ "${results[$i]}" = PASS ] || failed=$((failed + 1))
done
echo "$(( ${#names[@]} - failed )) passed, $failed failed; log: $out/test-install.log"
[ $failed -eq 0 ]

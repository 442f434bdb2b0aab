#!/usr/bin/env bash
# packaging/test-quickstart.sh — the README's Quick start ("scripts/test.sh", "scripts/workbench.sh")
# on a fresh Debian 12 (bookworm, minbase) root, run as root the way a new user would:
#   setup      only git and ca-certificates are installed (a user who clones the repository has
#              git); the repository is cloned at REV (a bare mirror of REPO is made inside the root,
#              then cloned to /root/src/main) and the shared data is bind-mounted read-only beside
#              it at /root/src/shared (the README's realdata tests read ../shared/data);
#   tests      cd /root/src/main && scripts/test.sh — it installs the Debian packages, downloads the
#              model with pip, builds on 2 cores and runs ctest; exit status, ctest's passed/failed
#              counts and the wall time are recorded (RESULTS/quickstart-test.log);
#   workbench  scripts/workbench.sh under Xvfb (installed by the project's install-deps.sh; the test
#              tools xvfb xauth x11-utils imagemagick are added only after the tests, or before the
#              workbench when the tests are skipped): a ShelfSense window, a screenshot
#              (RESULTS/quickstart-workbench.png), still alive; then it is stopped.
# Every check prints PASS or FAIL with what it saw; a summary ends the run, which exits non-zero if
# any check failed. RESULTS is WORK/results (printed at the end); the root is deleted unless --keep.
# Only commits are cloned: uncommitted changes in REPO are not part of the run (a warning says so).
#
# Needs root (debootstrap, chroot, mount). Runs in its own mount namespace; mounts /proc, /sys,
# /dev, /dev/pts (and a private /dev/shm) into the root and unmounts them on exit, failure included.
# Touches nothing on the host outside WORK. Network: deb.debian.org and PyPI.
# Time: about an hour on 2 cores (apt ~5 min, full build ~45–60 min, tests several minutes, the
# workbench under a minute); --dry-run (setup only) about 1 min with --base. Heavy steps run with
# nice -n 10.
#
# Usage: packaging/test-quickstart.sh [--base DIR] [--work DIR] [--shared DIR] [--rev REV]
#                                     [--repo DIR] [--tests-only|--workbench-only] [--dry-run] [--keep]
#   --base DIR        copy this pristine root (debootstrap --variant=minbase bookworm) instead of
#                     running debootstrap
#   --work DIR        work folder (must not exist or be empty); default: a new /var/tmp/ss-test-quickstart.*
#   --shared DIR      shared data folder mounted at ../shared (default /work/shared; skipped if absent)
#   --rev REV         commit to test (default: HEAD of the repository)
#   --repo DIR        repository to clone (default: the one this script is in)
#   --tests-only      run scripts/test.sh only;  --workbench-only: scripts/workbench.sh only
#   --dry-run         stop after the setup checks (root, clone, ../shared, scripts parse)
#   --keep            keep WORK/root afterwards
#   --window-timeout S  seconds to wait for the workbench window (default 300; 7200 with
#                     --workbench-only, where workbench.sh builds first)
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "test-quickstart: $*" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
base="" work="" shared=/work/shared rev=HEAD repo=$(cd "$here/.." && pwd) mode=both dry=0 keep=0 window_timeout=""
orig_args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --base) base=${2:?--base needs a folder}; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --shared) shared=${2:?--shared needs a folder}; shift 2 ;;
    --rev) rev=${2:?--rev needs a revision}; shift 2 ;;
    --repo) repo=${2:?--repo needs a folder}; shift 2 ;;
    --tests-only) mode=tests; shift ;;
    --workbench-only) mode=workbench; shift ;;
    --dry-run) dry=1; shift ;;
    --keep) keep=1; shift ;;
    --window-timeout) window_timeout=${2:?--window-timeout needs seconds}; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "test-quickstart: unknown argument $1" >&2; usage 1 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
[ -n "$window_timeout" ] || { [ $mode = workbench ] && window_timeout=7200 || window_timeout=300; }
repo=$(readlink -f "$repo")
commit=$(git -C "$repo" rev-parse --verify -q "$rev^{commit}") || die "$rev is not a commit in $repo"
if [ -n "$base" ]; then
  base=$(readlink -f "$base"); [ -x "$base/bin/bash" ] && [ -d "$base/etc/apt" ] || die "$base is not a Debian root"
else
  command -v debootstrap >/dev/null || die "debootstrap is not installed (or pass --base DIR)"
fi

# A private mount namespace: no mount made here outlives the script or shows on the host. The
# trap below still unmounts everything before the root is deleted.
if [ -z "${SS_TEST_QUICKSTART_NS:-}" ]; then
  export SS_TEST_QUICKSTART_NS=1
  exec unshare --mount --propagation private -- "$(readlink -f "$0")" "${orig_args[@]}"
fi

if [ -n "$work" ]; then
  mkdir -p "$work"; work=$(readlink -f "$work")
  [ -z "$(ls -A "$work")" ] || die "--work $work is not empty"
else
  work=$(mktemp -d /var/tmp/ss-test-quickstart.XXXXXX)
fi
case $work in *[[:space:]]*) die "work folder path must not contain spaces: $work" ;; esac
root=$work/root out=$work/results
mkdir -p "$root" "$out"
exec > >(tee -a "$out/test-quickstart.log") 2>&1
started=$(date +%s)
echo "test-quickstart: $(date -Is) repo=$repo rev=$rev ($commit) shared=$shared work=$work base=${base:-<debootstrap>} mode=$mode$([ $dry -eq 1 ] && echo ' (dry run)')"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "test-quickstart: warning: $repo has uncommitted changes; they are not part of this run:"
  git -C "$repo" status --short --untracked-files=no | sed 's/^/  /'
fi

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
summary() {
  local failed=0 i
  printf '\n== summary: %s at %s, %d s\n' "$(basename "$repo")" "${commit:0:12}" $(( $(date +%s) - started ))
  for i in "${!names[@]}"; do
    printf '%s  %s\n' "${results[$i]}" "${names[$i]}"
    [ "${results[$i]}" = PASS ] || failed=$((failed + 1))
  done
  [ -z "${tests_line:-}" ] || echo "scripts/test.sh: $tests_line"
  echo "$(( ${#names[@]} - failed )) passed, $failed failed; log: $out/test-quickstart.log"
  [ $failed -eq 0 ]
}

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
    echo "test-quickstart: still mounted under $root, not deleting it:" >&2; mounts_under_root >&2
  elif [ $keep -eq 0 ]; then
    rm -rf --one-file-system "$root"
  fi
  echo "test-quickstart: results in $out$([ $keep -eq 1 ] && echo "; root kept in $root")"
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
  mount -t tmpfs -o mode=1777,size=2g shm "$root/dev/shm"   # the root's own, not the host's
  for m in proc sys dev dev/pts dev/shm; do mount --make-private "$root/$m"; done
}

inroot_cmd=(chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb)
inroot() {  # inroot [VAR=value...] 'bash commands'   (a login shell in the root, clean environment)
  local envs=()
  while [ $# -gt 1 ] && [[ $1 == [A-Za-z_]*=* ]]; do envs+=("$1"); shift; done
  "${inroot_cmd[@]}" "${envs[@]}" bash -lc "$1"
}
apt_env=(DEBIAN_FRONTEND=noninteractive)

# ---- setup ------------------------------------------------------------------------------------
step "setup: a fresh Debian 12 root"
t0=$(date +%s)
if [ -n "$base" ]; then
  cp -a "$base/." "$root/"
else
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian > "$out/debootstrap.log" 2>&1 \
    || { tail -20 "$out/debootstrap.log"; die "debootstrap failed"; }
fi
echo "root ready in $(( $(date +%s) - t0 )) s: $root"
cat > "$root/etc/apt/sources.list" <<'EOF'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
rm -f "$root/etc/resolv.conf"; cp -L /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod 755 "$root/usr/sbin/policy-rc.d"  # no daemons in a chroot
mount_root

if inroot "${apt_env[@]}" 'apt-get update -q && apt-get install -y -q git ca-certificates' > "$out/apt-git.log" 2>&1; then
  check "setup: apt-get install git ca-certificates" pass "$(inroot 'git --version'), $(inroot 'dpkg-query -W -f "\${Package}\n" | wc -l') packages in the root"
else
  tail -15 "$out/apt-git.log"; check "setup: apt-get install git ca-certificates" fail "see $out/apt-git.log"; summary; exit 1
fi

# Where the network reaches PyPI through a TLS-intercepting proxy (as in a sandboxed CI), pip in the
# root must trust that proxy's CA as the host does; a machine on the open internet has none of these.
if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  inroot 'update-ca-certificates' > "$out/ca.log" 2>&1 && echo "note: the host's local CA certificates were added to the root (network proxy)"
fi

# The repository reaches the root as a bare mirror; the root's own git clones and checks it out.
mkdir -p "$root/root/src"
git clone -q --mirror --no-local "$repo" "$root/root/src/main.git"
if inroot "git clone -q /root/src/main.git /root/src/main && cd /root/src/main && git -c advice.detachedHead=false checkout -q $commit" > "$out/clone.log" 2>&1 \
   && [ "$(inroot 'git -C /root/src/main rev-parse HEAD')" = "$commit" ]; then
  check "setup: git clone at REV" pass "/root/src/main at $(inroot 'git -C /root/src/main log -1 --format="%h %s"' | cut -c1-100)"
else
  check "setup: git clone at REV" fail "$(oneline < "$out/clone.log")"; summary; exit 1
fi

mkdir -p "$root/root/src/shared"
if [ -d "$shared" ]; then
  mount --bind "$shared" "$root/root/src/shared"
  mount -o remount,bind,ro "$root/root/src/shared"
  mount --make-private "$root/root/src/shared"
  seen=$(inroot 'cd /root/src/main && ls ../shared/data | tr "\n" " "; touch ../shared/.write-test 2>/dev/null && echo "(WRITABLE)" || echo "(read-only)"')
  if echo "$seen" | grep -q '(read-only)' && [ "$(inroot 'ls /root/src/main/../shared/data | wc -l')" -gt 0 ]; then
    check "setup: ../shared/data visible" pass "$seen"
  else check "setup: ../shared/data visible" fail "$seen"; fi
else
  note "no shared folder $shared: scripts/test.sh will skip the realdata tests"
fi

if seen=$(inroot 'cd /root/src/main && for f in scripts/*.sh; do bash -n "$f" || exit 1; done; ls scripts/*.sh | tr "\n" " "' 2>&1); then
  check "setup: scripts parse (bash -n)" pass "$seen"
else check "setup: scripts parse (bash -n)" fail "$seen"; fi

if [ $dry -eq 1 ]; then
  note "dry run: stopping after setup (not running scripts/test.sh or scripts/workbench.sh)"
  summary; exit
fi

# ---- scripts/test.sh --------------------------------------------------------------------------
tests_ran=0
if [ $mode != workbench ]; then
  step "scripts/test.sh (installs, builds on 2 cores, runs ctest; about an hour)"
  t0=$(date +%s) rc=0
  nice -n 10 "${inroot_cmd[@]}" bash -lc 'cd /root/src/main && scripts/test.sh' > "$out/quickstart-test.log" 2>&1 || rc=$?
  secs=$(( $(date +%s) - t0 )) tests_ran=1
  ctest_line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$out/quickstart-test.log" | tail -1 || true)
  total=$(echo "$ctest_line" | sed -nE 's/.* out of ([0-9]+).*/\1/p')
  nfailed=$(echo "$ctest_line" | sed -nE 's/.*passed, ([0-9]+) tests? failed.*/\1/p')
  passed=$(( ${total:-0} - ${nfailed:-0} ))
  tests_line="exit $rc, ${total:+$passed passed, $nfailed failed of $total tests, }$((secs / 60)) min $((secs % 60)) s"
  if [ -n "$ctest_line" ]; then
    sed -n '/The following tests FAILED/,/^Errors while running/p' "$out/quickstart-test.log" | head -40
  else
    echo "no ctest summary; the log ends:"; tail -25 "$out/quickstart-test.log"
  fi
  if [ $rc -eq 0 ] && [ -n "$ctest_line" ] && [ "${nfailed:-1}" -eq 0 ]; then
    check "scripts/test.sh" pass "$tests_line ($ctest_line)"
  else check "scripts/test.sh" fail "$tests_line${ctest_line:+ ($ctest_line)}; log: $out/quickstart-test.log"; fi
fi

# ---- scripts/workbench.sh under Xvfb ----------------------------------------------------------
if [ $mode != tests ]; then
  step "scripts/workbench.sh under Xvfb"
  tools="xvfb xauth x11-utils imagemagick"   # x11-utils: xwininfo; the rest come with install-deps.sh
  [ $tests_ran -eq 1 ] || note "the tests were skipped: installing $tools before scripts/workbench.sh"
  if ! inroot "${apt_env[@]}" "apt-get update -q && apt-get install -y -q --no-install-recommends $tools" > "$out/apt-tools.log" 2>&1; then
    tail -15 "$out/apt-tools.log"; check "workbench: install test tools" fail "apt-get install $tools failed"
  else
    disp=99   # a display number nobody uses (X sockets are abstract: shared with the host)
    while grep -q "@/tmp/.X11-unix/X$disp\$" /proc/net/unix || [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "$root/tmp/.X11-unix/X$disp" ]; do disp=$((disp + 1)); done
    # Background jobs run chroot itself (not a shell function), so $! is the program's own pid.
    "${inroot_cmd[@]}" bash -lc "exec Xvfb :$disp -screen 0 1280x800x24 -nolisten tcp" > "$out/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do [ -S "$root/tmp/.X11-unix/X$disp" ] && break; sleep 0.2; done
    if [ ! -S "$root/tmp/.X11-unix/X$disp" ]; then
      check "workbench: Xvfb starts" fail "no X socket for :$disp after 10 s: $(oneline < "$out/xvfb.log")"
    else
      echo "Xvfb on :$disp (pid $xvfb_pid); waiting up to $window_timeout s for the window"
      nice -n 10 "${inroot_cmd[@]}" DISPLAY=:$disp bash -lc 'cd /root/src/main && exec scripts/workbench.sh' > "$out/quickstart-workbench.log" 2>&1 &
      gui_pid=$!
      t0=$(date +%s) window="" alive=1
      while [ $(( $(date +%s) - t0 )) -lt "$window_timeout" ]; do
        kill -0 $gui_pid 2>/dev/null || { alive=0; break; }
        window=$(inroot DISPLAY=:$disp 'command -v xwininfo >/dev/null && xwininfo -root -tree' 2>/dev/null \
                 | grep -m1 -E '"ShelfSense|"shelfsense" "[^"]*"\) +[0-9]{3,}x[0-9]{3,}' || true)
        [ -n "$window" ] && break
        sleep 5
      done
      waited=$(( $(date +%s) - t0 ))
      if [ -n "$window" ]; then
        check "workbench: window" pass "after ${waited} s: $(echo "$window" | oneline 140)"
        sleep 8   # let it open the sample shop and render
        if inroot DISPLAY=:$disp 'import -window root /tmp/quickstart-workbench.png' > "$out/import.log" 2>&1 \
           && cp "$root/tmp/quickstart-workbench.png" "$out/quickstart-workbench.png"; then
          check "workbench: screenshot" pass "$out/quickstart-workbench.png ($(stat -c %s "$out/quickstart-workbench.png") bytes)"
        else check "workbench: screenshot" fail "import failed: $(oneline < "$out/import.log")"; fi
        if kill -0 $gui_pid 2>/dev/null; then check "workbench: still running" pass "pid $gui_pid alive after the screenshot"
        else st=0; wait $gui_pid || st=$?; check "workbench: still running" fail "exited with status $st after the window appeared"; fi
      elif [ $alive -eq 0 ]; then
        st=0; wait $gui_pid || st=$?
        check "workbench: window" fail "scripts/workbench.sh exited with status $st after ${waited} s: $(tail -5 "$out/quickstart-workbench.log" | oneline 300)"
      else
        check "workbench: window" fail "no ShelfSense window after ${waited} s; log ends: $(tail -3 "$out/quickstart-workbench.log" | oneline 200)"
      fi
      kill -TERM $gui_pid 2>/dev/null || true
      for _ in $(seq 10); do kill -0 $gui_pid 2>/dev/null || break; sleep 0.5; done
      kill -KILL $gui_pid 2>/dev/null || true; wait $gui_pid 2>/dev/null || true
    fi
    kill -TERM $xvfb_pid 2>/dev/null || true; wait $xvfb_pid 2>/dev/null || true
  fi
fi

summary

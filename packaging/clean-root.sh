# shellcheck shell=bash disable=SC2034,SC2154  # variables shared with the scripts that source this
# packaging/clean-root.sh — what packaging/test-install.sh and packaging/test-quickstart.sh share: a
# fresh Debian 12 (bookworm, minbase) root to try things in as a new user would, and the PASS/FAIL
# reporting around it. It is SOURCED by those scripts (". packaging/clean-root.sh"), not run, and
# like them it needs root (debootstrap, chroot, mount, unshare).
#
# It provides
#   reporting  check NAME pass|fail DETAIL..., note, step, oneline [WIDTH] (a filter),
#              summary TITLE [LINE...] (status 0 only if every check passed), usage, die
#   options    common_option "$@" (--base DIR, --work DIR, --keep or -h/--help at $1; sets took to
#              the words it used, 0 for none of these), need_root, check_base
#   the root   enter_mount_namespace ARGS... (once: runs the script again with ARGS in a private mount
#              namespace); open_work (the work folder, WORK/root, WORK/results, the log
#              RESULTS/NAME.log, the cleanup traps); make_root TITLE SHM_SIZE [VAR=value...] (a copy of
#              --base or debootstrap, apt sources, resolv.conf, policy-rc.d; /proc /sys /dev /dev/pts
#              and a private /dev/shm mounted); inroot [VAR=value...] 'commands', inroot_cmd, apt_env.
#              On exit, failure included, the root's processes are stopped, its mounts undone and the
#              root deleted unless keep=1.
#   a display  window_test: Xvfb, a program's first window, a screenshot, still running, stopped.
#
# The script sets script_name (used in messages, the log's name and the default work folder
# /var/tmp/ss-NAME.*) and base, work, keep (common_option sets them from the options) before it
# calls these; open_work sets work, root, out and started, make_root sets inroot_cmd.
# Written for set -euo pipefail: call the functions as plain commands, not as if/&&/|| conditions
# (bash suspends set -e there, also inside the function).

names=() results=()
apt_env=(DEBIAN_FRONTEND=noninteractive)
list_windows=0   # window_test: 1 = name the top-level windows, show xwininfo when there is no window

# ---- reporting --------------------------------------------------------------------------------
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "$script_name: $*" >&2; exit 2; }
check() {  # check NAME pass|fail DETAIL...
  local name=$1 ok=$2; shift 2
  local word=FAIL; [ "$ok" = pass ] && word=PASS
  names+=("$name"); results+=("$word")
  printf '%s  %-34s %s\n' "$word" "$name" "$*"
}
note() { printf 'NOTE  %s\n' "$*"; }
step() { printf '\n== %s (%ds)\n' "$*" $(( $(date +%s) - started )); }
oneline() { tr '\n' ' ' | sed 's/  */ /g; s/ $//' | cut -c1-"${1:-160}"; }
summary() {  # summary TITLE [LINE...]: each check's result, the LINEs that are not empty, the counts
  local title=$1 failed=0 i line; shift
  printf '\n== summary: %s, %d s\n' "$title" $(( $(date +%s) - started ))
  for i in "${!names[@]}"; do
    printf '%s  %s\n' "${results[$i]}" "${names[$i]}"
    [ "${results[$i]}" = PASS ] || failed=$((failed + 1))
  done
  for line in "$@"; do [ -z "$line" ] || echo "$line"; done
  echo "$(( ${#names[@]} - failed )) passed, $failed failed; log: $out/$script_name.log"
  [ $failed -eq 0 ]
}

# ---- options ----------------------------------------------------------------------------------
common_option() {  # common_option "$@": --base DIR, --work DIR, --keep, -h/--help; took = words used
  took=0
  case $1 in
    --base) base=${2:?--base needs a folder}; took=2 ;;
    --work) work=${2:?--work needs a folder}; took=2 ;;
    --keep) keep=1; took=1 ;;
    -h|--help) usage 0 ;;
  esac
}
need_root() { [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"; }
check_base() {  # --base must be a Debian root (made absolute); without it, debootstrap must be there
  if [ -n "$base" ]; then
    base=$(readlink -f "$base")
    if ! { [ -x "$base/bin/bash" ] && [ -d "$base/etc/apt" ]; }; then die "$base is not a Debian root"; fi
  else
    command -v debootstrap >/dev/null || die "debootstrap is not installed (or pass --base DIR)"
  fi
}

# ---- the root: namespace, work folder, mounts, processes, cleanup -----------------------------
# A private mount namespace: whatever happens, no mount made here outlives the script or shows on
# the host. The cleanup trap still unmounts everything (before the root is deleted). The variable
# SS_<SCRIPT_NAME>_NS marks the second run.
enter_mount_namespace() {  # enter_mount_namespace ARGS...: the script's arguments for that run
  local flag=SS_${script_name^^}_NS
  flag=${flag//-/_}
  [ -z "${!flag:-}" ] || return 0
  export "$flag=1"
  exec unshare --mount --propagation private -- "$(readlink -f "$0")" "$@"
}

open_work() {  # WORK (--work, empty or new; default a new /var/tmp/ss-NAME.*), root, results, log, traps
  if [ -n "$work" ]; then
    mkdir -p "$work"; work=$(readlink -f "$work")
    [ -z "$(ls -A "$work")" ] || die "--work $work is not empty"
  else
    work=$(mktemp -d "/var/tmp/ss-$script_name.XXXXXX")
  fi
  case $work in *[[:space:]]*) die "work folder path must not contain spaces: $work" ;; esac
  root=$work/root out=$work/results
  mkdir -p "$root" "$out"
  exec > >(tee -a "$out/$script_name.log") 2>&1
  started=$(date +%s)
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

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
    echo "$script_name: still mounted under $root, not deleting it:" >&2; mounts_under_root >&2
  elif [ "$keep" -eq 0 ]; then
    rm -rf --one-file-system "$root"
  fi
  echo "$script_name: results in $out$([ "$keep" -eq 1 ] && echo "; root kept in $root")"
  exit $rc
}

mount_root() {  # mount_root SHM_SIZE
  local m
  mount -t proc proc "$root/proc" 2>/dev/null || mount --bind /proc "$root/proc"
  mount --bind /sys "$root/sys"
  mount --bind /dev "$root/dev"
  mkdir -p "$root/dev/pts" "$root/dev/shm"
  mount --bind /dev/pts "$root/dev/pts"
  mount -t tmpfs -o "mode=1777,size=$1" shm "$root/dev/shm"   # the root's own, not the host's
  for m in proc sys dev dev/pts dev/shm; do mount --make-private "$root/$m"; done
}

make_root() {  # make_root TITLE SHM_SIZE [VAR=value...]: the root made and mounted; VARs join inroot's environment
  local title=$1 shm_size=$2 t0; shift 2
  step "$title"
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
  mount_root "$shm_size"
  inroot_cmd=(chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@")
}

inroot() {  # inroot [VAR=value...] 'bash commands'   (a login shell in the root, clean environment)
  local envs=()
  while [ $# -gt 1 ] && [[ $1 == [A-Za-z_]*=* ]]; do envs+=("$1"); shift; done
  "${inroot_cmd[@]}" "${envs[@]}" bash -lc "$1"
}

# ---- a program's window under Xvfb ------------------------------------------------------------
# window_test PREFIX WINDOW ALIVE TIMEOUT POLL LOG SHOT 'COMMAND' [RUNNER...]
#   Xvfb on a free display in the root; then bash -lc COMMAND in the root with DISPLAY set (RUNNER,
#   e.g. nice -n 10, in front; output to RESULTS/LOG); waits up to TIMEOUT s, looking every POLL s,
#   for a ShelfSense window; a screenshot (RESULTS/SHOT); the program still running; then it and Xvfb
#   are stopped. Checks: PREFIX+WINDOW, PREFIX+"screenshot", PREFIX+ALIVE (PREFIX+"Xvfb starts" only
#   when it does not). Messages call the program what follows COMMAND's last "exec ". Without a
#   window the detail is the end of LOG, or with list_windows=1 xwininfo -root -tree (also kept in
#   RESULTS/xwininfo.txt), which also names the top-level windows after a screenshot.
window_test() {
  local prefix=$1 window_name=$2 alive_name=$3 timeout=$4 poll=$5 log=$6 shot=$7 cmd=$8; shift 8
  local what=${cmd##*exec } disp=99 xvfb_pid gui_pid t0 window="" alive=1 waited st detail
  # A display number nobody uses (X sockets are abstract: shared with the host's network namespace).
  while grep -q "@/tmp/.X11-unix/X$disp\$" /proc/net/unix || [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "$root/tmp/.X11-unix/X$disp" ]; do disp=$((disp + 1)); done
  # Background jobs run chroot itself (not a shell function), so $! is the program's own pid.
  "${inroot_cmd[@]}" bash -lc "exec Xvfb :$disp -screen 0 1280x800x24 -nolisten tcp" > "$out/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -S "$root/tmp/.X11-unix/X$disp" ] && break; sleep 0.2; done
  if [ ! -S "$root/tmp/.X11-unix/X$disp" ]; then
    check "${prefix}Xvfb starts" fail "no X socket for :$disp after 10 s: $(oneline < "$out/xvfb.log")"
  else
    echo "Xvfb on :$disp (pid $xvfb_pid); waiting up to $timeout s for the window"
    "$@" "${inroot_cmd[@]}" DISPLAY=:$disp bash -lc "$cmd" > "$out/$log" 2>&1 &
    gui_pid=$!
    t0=$(date +%s)
    while [ $(( $(date +%s) - t0 )) -lt "$timeout" ]; do
      kill -0 "$gui_pid" 2>/dev/null || { alive=0; break; }
      window=$(inroot DISPLAY=:$disp 'command -v xwininfo >/dev/null && xwininfo -root -tree' 2>/dev/null \
               | grep -m1 -E '"ShelfSense|"shelfsense" "[^"]*"\) +[0-9]{3,}x[0-9]{3,}' || true)
      [ -n "$window" ] && break
      sleep "$poll"
    done
    waited=$(( $(date +%s) - t0 ))
    if [ -n "$window" ]; then
      check "$prefix$window_name" pass "after ${waited} s: $(echo "$window" | oneline 140)"
      sleep 8   # the first start writes the sample shop, opens it and renders
      if inroot DISPLAY=:$disp "import -window root /tmp/$shot" > "$out/import.log" 2>&1 \
         && cp "$root/tmp/$shot" "$out/$shot"; then
        detail="$out/$shot ($(stat -c %s "$out/$shot") bytes)"
        [ "$list_windows" -eq 0 ] \
          || detail+="; top-level windows: $(inroot DISPLAY=:$disp 'xwininfo -root -children' | grep -o '"[^"]*":' | tr -d ':' | oneline 120)"
        check "${prefix}screenshot" pass "$detail"
      else
        check "${prefix}screenshot" fail "import failed: $(oneline < "$out/import.log")"
      fi
      if kill -0 "$gui_pid" 2>/dev/null; then check "$prefix$alive_name" pass "pid $gui_pid alive after the screenshot"
      else st=0; wait "$gui_pid" || st=$?; check "$prefix$alive_name" fail "exited with status $st after the window appeared"; fi
    elif [ $alive -eq 0 ]; then
      st=0; wait "$gui_pid" || st=$?
      check "$prefix$window_name" fail "$what exited with status $st after ${waited} s: $(tail -5 "$out/$log" | oneline 300)"
    elif [ "$list_windows" -eq 1 ]; then
      inroot DISPLAY=:$disp 'xwininfo -root -tree' > "$out/xwininfo.txt" 2>&1 || true
      check "$prefix$window_name" fail "no ShelfSense window after ${waited} s; xwininfo -root -tree: $(grep -v '^ *$' "$out/xwininfo.txt" | oneline 200)"
    else
      check "$prefix$window_name" fail "no ShelfSense window after ${waited} s; log ends: $(tail -3 "$out/$log" | oneline 200)"
    fi
    kill -TERM "$gui_pid" 2>/dev/null || true
    for _ in $(seq 10); do kill -0 "$gui_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$gui_pid" 2>/dev/null || true; wait "$gui_pid" 2>/dev/null || true
  fi
  kill -TERM "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true
}

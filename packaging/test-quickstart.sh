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

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=clean-root.sh source-path=SCRIPTDIR
. "$here/clean-root.sh"   # check/note/step/oneline/summary, options, the root, window_test
script_name=test-quickstart

base="" work="" shared=/work/shared rev=HEAD repo=$(cd "$here/.." && pwd) mode=both dry=0 keep=0 window_timeout=""
orig_args=("$@")
while [ $# -gt 0 ]; do
  common_option "$@"; [ "$took" -eq 0 ] || { shift "$took"; continue; }
  case $1 in
    --shared) shared=${2:?--shared needs a folder}; shift 2 ;;
    --rev) rev=${2:?--rev needs a revision}; shift 2 ;;
    --repo) repo=${2:?--repo needs a folder}; shift 2 ;;
    --tests-only) mode=tests; shift ;;
    --workbench-only) mode=workbench; shift ;;
    --dry-run) dry=1; shift ;;
    --window-timeout) window_timeout=${2:?--window-timeout needs seconds}; shift 2 ;;
    *) echo "test-quickstart: unknown argument $1" >&2; usage 1 ;;
  esac
done
need_root
[ -n "$window_timeout" ] || { [ $mode = workbench ] && window_timeout=7200 || window_timeout=300; }
repo=$(readlink -f "$repo")
commit=$(git -C "$repo" rev-parse --verify -q "$rev^{commit}") || die "$rev is not a commit in $repo"
check_base

enter_mount_namespace "${orig_args[@]}"
open_work
title="$(basename "$repo") at ${commit:0:12}"   # for the summary
echo "test-quickstart: $(date -Is) repo=$repo rev=$rev ($commit) shared=$shared work=$work base=${base:-<debootstrap>} mode=$mode$([ $dry -eq 1 ] && echo ' (dry run)')"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "test-quickstart: warning: $repo has uncommitted changes; they are not part of this run:"
  git -C "$repo" status --short --untracked-files=no | sed 's/^/  /'
fi

# ---- setup ------------------------------------------------------------------------------------
make_root "setup: a fresh Debian 12 root" 2g TERM=dumb

if inroot "${apt_env[@]}" 'apt-get update -q && apt-get install -y -q git ca-certificates' > "$out/apt-git.log" 2>&1; then
  check "setup: apt-get install git ca-certificates" pass "$(inroot 'git --version'), $(inroot 'dpkg-query -W -f "\${Package}\n" | wc -l') packages in the root"
else
  tail -15 "$out/apt-git.log"; check "setup: apt-get install git ca-certificates" fail "see $out/apt-git.log"; summary "$title"; exit 1
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
  check "setup: git clone at REV" fail "$(oneline < "$out/clone.log")"; summary "$title"; exit 1
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
  summary "$title"; exit
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
    window_test "workbench: " window "still running" "$window_timeout" 5 quickstart-workbench.log quickstart-workbench.png \
      'cd /root/src/main && exec scripts/workbench.sh' nice -n 10
  fi
fi

summary "$title" "${tests_line:+scripts/test.sh: $tests_line}"

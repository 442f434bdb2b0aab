#!/usr/bin/env bash
# Storage faults on real mounts, as a user meets them: a full disk (an 8 MB tmpfs), a read-only
# drive (a tmpfs remounted read-only) and a SQLite file of another program. Each must end with the
# documented exit status and message, and leave every file exactly as it was. Needs root (mount);
# exits 77 (skipped) without it.
# usage: storage_faults.sh SHELFSENSE_CLI
set -euo pipefail
cli=$1
work=$(mktemp -d)
mnt=$work/mnt
mkdir "$mnt"
cleanup() { umount "$mnt" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=8m tmpfs "$mnt" 2>/dev/null; then
  echo "SKIP: mounting a tmpfs needs root"
  exit 77
fi
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect STATUS MESSAGE-PART -- COMMAND...
  local want=$1 text=$2; shift 3
  local rc=0
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  [ "$rc" = "$want" ] || fail "$* exited $rc, expected $want: $(cat "$work/err")"
  grep -qF -- "$text" "$work/err" || fail "$*: message lacks '$text': $(cat "$work/err")"
  echo "ok: exit $rc: $(head -c 200 "$work/err")"
}
integrity() {
  python3 -c "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True); r=c.execute('pragma integrity_check').fetchone()[0]; sys.exit(r!='ok')" "$1" ||
    fail "integrity_check of $1 is not ok"
}

# 1. Disk full: an import that does not fit is undone; the project reads as before.
"$cli" sample --db "$mnt/shop.shelfsense" --users 300 --items 200 --days 30 --quiet >/dev/null
before=$("$cli" stats --db "$mnt/shop.shelfsense" --json)
python3 - "$work/big.csv" <<'PY'
import random, sys
random.seed(7)
with open(sys.argv[1], "w") as f:
    for i in range(400000):
        f.write(f"{random.randint(1, 40000)},{random.randint(1, 90000)},{random.randint(1, 300)},pv,{1511539200 + random.randint(0, 700000)}\n")
PY
expect 4 "nothing was imported: the disk holding the project file is full" -- \
  "$cli" import --db "$mnt/shop.shelfsense" --format taobao "$work/big.csv" --quiet
[ "$("$cli" stats --db "$mnt/shop.shelfsense" --json)" = "$before" ] || fail "the project changed after the failed import"
integrity "$mnt/shop.shelfsense"
# Still usable: a small import into the same project on the same (nearly full) disk works.
head -n 200 "$work/big.csv" >"$work/small.csv"
"$cli" import --db "$mnt/shop.shelfsense" --format taobao "$work/small.csv" --quiet >/dev/null || fail "a small import after the failed one"
integrity "$mnt/shop.shelfsense"

# 2. A read-only drive: reading commands work, writing commands say it is read-only.
cp "$mnt/shop.shelfsense" "$work/shop.shelfsense"
umount "$mnt"
mount -t tmpfs -o size=8m tmpfs "$mnt"
"$cli" stats --db "$work/shop.shelfsense" >/dev/null  # checkpointed into one file
cp "$work/shop.shelfsense" "$mnt/"
mount -o remount,ro "$mnt"
sum=$(sha256sum <"$mnt/shop.shelfsense")
"$cli" stats --db "$mnt/shop.shelfsense" >/dev/null || fail "stats on a read-only drive"
"$cli" cohorts --db "$mnt/shop.shelfsense" --quiet >/dev/null || fail "cohorts on a read-only drive"
"$cli" evaluate --db "$mnt/shop.shelfsense" --recommenders popularity --no-store --quiet >/dev/null 2>&1 ||
  echo "note: evaluate --no-store on a read-only drive did not run (model module missing?)"
expect 4 "the project file is read-only" -- "$cli" import --db "$mnt/shop.shelfsense" --format taobao "$work/small.csv" --quiet
printf 'U00001\n' >"$work/customers.txt"
expect 4 "the project file is read-only" -- "$cli" segments --db "$mnt/shop.shelfsense" save vip --customers "$work/customers.txt"
[ "$(sha256sum <"$mnt/shop.shelfsense")" = "$sum" ] || fail "the read-only project changed"

# 3. A SQLite file of another program is refused, byte for byte unchanged, by reading and writing commands.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.execute('insert into t values (1)'); c.commit()" "$work/other.sqlite"
sum=$(sha256sum <"$work/other.sqlite")
expect 2 "not a ShelfSense project" -- "$cli" stats --db "$work/other.sqlite"
expect 2 "not a ShelfSense project" -- "$cli" import --db "$work/other.sqlite" --format taobao "$work/small.csv" --quiet
[ "$(sha256sum <"$work/other.sqlite")" = "$sum" ] || fail "the foreign SQLite file changed"
[ ! -e "$work/other.sqlite-wal" ] || fail "a WAL file was left beside the foreign file"
echo "storage faults: all checks passed"

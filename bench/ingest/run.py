#!/usr/bin/env python3
"""Ingest benchmark: ShelfSense `import --format taobao` vs the sqlite3 shell's `.import`.

Generates a Taobao UserBehavior-format CSV (default 5,000,000 rows, seeded), then on the same
machine, one after the other:
  * shelfsense-cli import (validation, id mapping, integer events, index build, one transaction)
  * sqlite3 .import into an equivalent 5-column table (no validation, no id mapping)
  * sqlite3 .import followed by the same three event indexes ShelfSense builds
Prints rows/second, the ratios, and the peak resident memory of each process. ShelfSense reports how
long its index build took, so the import is also compared phase by phase: rows validated, mapped and
stored vs `.import` (the same work minus validation and mapping), and the whole import vs `.import`
plus the same indexes.
Usage: bench/ingest/run.py --cli build/default/app/shelfsense-cli [--rows N] [--workdir DIR]
"""
import argparse, json, os, random, resource, subprocess, sys, tempfile, time


def generate(path, rows, seed=7):
    rng = random.Random(seed)
    behaviours = ["pv"] * 90 + ["cart"] * 5 + ["fav"] * 3 + ["buy"] * 2
    start, end = 1511539200, 1512316800
    users = max(1, rows // 100)
    with open(path, "w") as f:
        buf = []
        for i in range(rows):
            u = rng.randrange(1, users + 1)
            item = rng.randrange(1, rows // 20 + 2)
            buf.append(f"{u},{item},{item % 5000},{behaviours[rng.randrange(100)]},{rng.randrange(start, end)}\n")
            if len(buf) == 100000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))


def measured(cmd, stdin=None):
    """Runs cmd; returns (stdout, wall seconds, peak RSS MiB). Output goes to files, not pipes, so a
    child that writes a lot never blocks while we wait4() for its own resource usage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        if stdin:
            inp.write(stdin.encode())
            inp.seek(0)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode(errors="replace")
    if status != 0:
        sys.exit(f"command failed ({status}): {' '.join(cmd)}\n{stderr}")
    return stdout, elapsed, usage.ru_maxrss / 1024.0  # MiB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="ss-ingest-")
    os.makedirs(work, exist_ok=True)
    csv = os.path.join(work, "UserBehavior.csv")
    if not os.path.exists(csv) or sum(1 for _ in open(csv)) != args.rows:
        print(f"generating {args.rows:,} rows into {csv}", file=sys.stderr)
        generate(csv, args.rows)
    size = os.path.getsize(csv)

    ours_db = os.path.join(work, "bench.shelfsense")
    peer_db = os.path.join(work, "peer.sqlite")
    for p in (ours_db, ours_db + "-wal", ours_db + "-shm", peer_db):
        if os.path.exists(p):
            os.remove(p)

    out, ours_s, ours_mb = measured([args.cli, "import", "--db", ours_db, "--format", "taobao", "--json", "--quiet", csv])
    report = json.loads(out)
    assert report["rows_imported"] == args.rows, report
    index_s = report["index_seconds"]
    load_s = ours_s - index_s  # process start, parse, validate, map ids, insert, commit

    script = (
        "CREATE TABLE behaviour(user_id INTEGER, item_id INTEGER, category_id INTEGER, behavior TEXT, ts INTEGER);\n"
        ".mode csv\n"
        f".import {csv} behaviour\n"
        "SELECT count(*) FROM behaviour;\n"
    )
    out, peer_s, peer_mb = measured(["sqlite3", peer_db], stdin=script)
    assert int(out.strip().splitlines()[-1]) == args.rows, out

    # The same .import followed by the indexes a usable project needs (ShelfSense builds them too).
    peer2_db = peer_db + "-indexed"
    if os.path.exists(peer2_db):
        os.remove(peer2_db)
    script_indexed = script.replace("SELECT count(*) FROM behaviour;\n",
                                    "CREATE INDEX b_user_ts ON behaviour(user_id, ts);\n"
                                    "CREATE INDEX b_item ON behaviour(item_id);\n"
                                    "CREATE INDEX b_ts ON behaviour(ts);\n"
                                    "SELECT count(*) FROM behaviour;\n")
    out, peer2_s, peer2_mb = measured(["sqlite3", peer2_db], stdin=script_indexed)
    assert int(out.strip().splitlines()[-1]) == args.rows, out

    result = {
        "rows": args.rows,
        "bytes": size,
        "shelfsense": {"seconds": round(ours_s, 3), "rows_per_second": round(args.rows / ours_s), "peak_rss_mib": round(ours_mb, 1)},
        "sqlite3_import": {"seconds": round(peer_s, 3), "rows_per_second": round(args.rows / peer_s), "peak_rss_mib": round(peer_mb, 1)},
        "sqlite3_import_plus_indexes": {"seconds": round(peer2_s, 3), "rows_per_second": round(args.rows / peer2_s), "peak_rss_mib": round(peer2_mb, 1)},
        "shelfsense_phases": {"rows_stored_seconds": round(load_s, 3), "index_build_seconds": round(index_s, 3)},
        "speed_ratio_rows_stored_over_sqlite3_import": round(peer_s / load_s, 3),
        "speed_ratio_whole_import_over_sqlite3_import_plus_indexes": round(peer2_s / ours_s, 3),
        "speed_ratio_whole_import_over_bare_sqlite3_import": round(peer_s / ours_s, 3),
    }
    result["meta"] = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "sqlite3": subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0],
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"rows: {args.rows:,} ({size / 1e6:.0f} MB)")
        print(f"shelfsense-cli import : {ours_s:7.2f} s  {args.rows / ours_s:>12,.0f} rows/s  peak {ours_mb:7.1f} MiB")
        print(f"sqlite3 .import       : {peer_s:7.2f} s  {args.rows / peer_s:>12,.0f} rows/s  peak {peer_mb:7.1f} MiB")
        print(f"sqlite3 .import+indexes: {peer2_s:7.2f} s  {args.rows / peer2_s:>12,.0f} rows/s  peak {peer2_mb:7.1f} MiB")
        print(f"  of which rows validated, mapped and stored: {load_s:.2f} s; index build: {index_s:.2f} s")
        print(f"speed ratios (ShelfSense / sqlite3, higher is faster):")
        print(f"  rows stored vs .import                      : {peer_s / load_s:.2f}x")
        print(f"  whole import vs .import + the same indexes  : {peer2_s / ours_s:.2f}x")
        print(f"  whole import vs bare .import (no indexes)   : {peer_s / ours_s:.2f}x")


if __name__ == "__main__":
    main()

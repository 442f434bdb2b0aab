#!/usr/bin/env python3
"""Retention-cohort benchmark: ShelfSense `cohorts` / `survival` vs the same matrices in DuckDB SQL.

Generates a Taobao UserBehavior-format CSV (no header; user_id,item_id,category_id,behavior,timestamp;
default 20,000,000 rows, seeded) whose customers are acquired over ~120 days ending 2017-12-03 and come
back less and less often, imports it with `shelfsense-cli import --format taobao` (rows before the
official 2017-11-25..12-03 window are flagged and kept), then on the same machine, one process after
another:
  * shelfsense-cli cohorts --period week|month --mode on|on-or-after (first-time cohorts, cohort and
    return event any, UTC): wall seconds and peak RSS of the whole process (it opens the project, reads
    every event from it and computes the matrix);
  * DuckDB (the Python package, default threads) in a child process per query: loads the same CSV into
    an in-memory table (timed apart), then runs one SQL query for the same matrix (timed: `ratio`
    compares this with the ShelfSense process). That child's peak RSS includes the load;
  * DuckDB again, one process per query opening a DuckDB database file loaded once from the CSV,
    timed as a whole process like ShelfSense (`ratio_process`);
  * shelfsense-cli survival --segment-by acquisition-category for the two largest acquisition
    categories (ShelfSense only: DuckDB picks the two categories and checks each group's customers
    and churned customers; it computes no Kaplan-Meier curve, so there is no ratio).
Every cell count of the four matrices must be identical in both DuckDB runs (DuckDB has no row for a
zero cell: missing counts as 0; ShelfSense's full row width is checked), and the survival groups must
agree, else the script exits with status 1 and leaves its report in the work directory.

Peak RSS comes from os.wait4() (bench/ingest/run.py's measured()). Linux starts a child's peak at the
high-water mark of the process that spawned it, so the data is generated in a child and this process
stays small; its own mark (rss_floor_mib, ~16 MiB) is the lowest peak the report can show.

Usage: ~/.cache/shelfsense/peers-venv/bin/python bench/cohorts/run.py [--cli build/default/app/shelfsense-cli]
       [--rows N] [--users N] [--seed S] [--workdir DIR] [--repeat R] [--out FILE]
(The peers venv has duckdb and numpy.)
"""
import argparse, datetime, importlib.util, json, os, platform, statistics, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
# measured(cmd) -> (stdout, wall seconds, peak RSS MiB via os.wait4), shared with the ingest benchmark.
_spec = importlib.util.spec_from_file_location("ingest_run", os.path.join(HERE, "..", "ingest", "run.py"))
_ingest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ingest)
measured = _ingest.measured

GENERATOR_VERSION = 2
# The official collection window ends 2017-12-03T24:00+08:00; every generated time is before it, so the
# last day of data is 2017-12-03 in UTC too. Times before 2017-11-25T00:00+08:00 (all but the last ~9
# days) are outside the window: `import --format taobao` flags those rows and keeps them.
WINDOW_START, WINDOW_END = 1511539200, 1512316800
SPAN_DAYS = 120
BEHAVIOURS = [b"pv", b"cart", b"fav", b"buy"]
BEHAVIOUR_SHARE = [0.895, 0.055, 0.029, 0.021]
CHURN_GAP_DAYS = 30  # `survival` default


# ---------------------------------------------------------------------------------------------------
# Data

def csv_bytes(fields, np):
    """CSV lines for non-negative integer columns and (codes, [labels]) columns, built with numpy
    (vectorised digit by digit; no per-row Python). Returns a memoryview of the bytes."""
    n = len(fields[0][0]) if isinstance(fields[0], tuple) else len(fields[0])
    lens = []
    for f in fields:
        if isinstance(f, tuple):
            codes, labels = f
            lens.append(np.array([len(l) for l in labels], np.int64)[codes])
        else:
            ln = np.ones(n, np.int64)
            p, mx = 10, int(f.max())
            while p <= mx:
                ln += f >= p
                p *= 10
            lens.append(ln)
    linelen = sum(lens) + len(fields)
    ends = np.cumsum(linelen)
    total = int(ends[-1])
    buf = np.empty(total + 1, np.uint8)  # the extra byte absorbs digits beyond a number's width
    pos = ends - linelen
    for j, (f, ln) in enumerate(zip(fields, lens)):
        if isinstance(f, tuple):
            codes, labels = f
            for c, label in enumerate(labels):
                at = pos[codes == c]
                for k, ch in enumerate(label):
                    buf[at + k] = ch
        else:
            v = f.astype(np.int64, copy=True)
            last = pos + ln - 1
            for k in range(int(ln.max())):
                idx = last - k if k == 0 else np.where(ln > k, last - k, total)
                buf[idx] = (v % 10).astype(np.uint8) + 48
                v //= 10
        pos += ln
        buf[pos] = 44 if j < len(fields) - 1 else 10
        pos += 1
    return memoryview(buf)[:total]


def _customers(rng, users, np):
    """Customers: acquisition time, activity weight, return-delay scale (the generator's first draws)."""
    end = WINDOW_END - 1
    start = WINDOW_END - SPAN_DAYS * 86400
    acquired = start + ((end - 3600 - start) * rng.random(users) ** 0.75).astype(np.int64)
    room = (end - acquired).astype(np.float64)  # seconds left after acquisition (>= 3600)
    weight = rng.lognormal(0.0, 1.5, users) * np.minimum(1.0, room / (30 * 86400.0)) ** 0.5
    tau = 86400.0 * np.exp(rng.uniform(np.log(1.0), np.log(60.0), users))
    return acquired, weight, tau


def _catalog(rng, items, categories, np):
    """Catalog: each item's category (Zipf category sizes), random external ids like the real data's."""
    cat_cdf = np.cumsum(1.0 / np.arange(1, categories + 1) ** 1.1)
    cat_cdf /= cat_cdf[-1]
    item_category = np.minimum(np.searchsorted(cat_cdf, rng.random(items)), categories - 1)
    item_ext = rng.choice(max(5_163_070, 2 * items), items, replace=False) + 1
    cat_ext = rng.choice(max(5_162_429, 2 * categories), categories, replace=False) + 1
    return item_category, item_ext, cat_ext


def catalog(rows, users, seed, items=None, categories=None):
    """The catalog generate() draws for the same arguments: (item_category, item_ext, cat_ext, item
    popularity rank 0.. = index) — for writing item titles that match a generated event file."""
    import numpy as np

    rng = np.random.default_rng(seed)
    users = max(1, min(users, rows))
    items = max(10, items if items else rows // 20)
    categories = max(5, categories if categories else items // 250)
    _customers(rng, users, np)
    return _catalog(rng, items, categories, np)


def generate(path, rows, users, seed, items=None, categories=None):
    """Writes `rows` Taobao-format rows. Each customer has an acquisition time (denser towards the end)
    and an acquisition event there; their other events come strictly later, at truncated-exponential
    delays (per-customer mean 1-60 days, log-uniform), so returns thin out and retention decays. Item popularity and
    category sizes are Zipf-like; an item always has the same category. Rows are grouped by customer,
    in no particular time order within one (like the real file). Items default to rows / 20 and
    categories to items / 250 (bench/scale passes the real set's counts instead)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    end = WINDOW_END - 1                      # 2017-12-03T15:59:59Z, the last possible event
    start = WINDOW_END - SPAN_DAYS * 86400    # 2017-08-05T16:00:00Z
    users = max(1, min(users, rows))
    items = max(10, items if items else rows // 20)
    categories = max(5, categories if categories else items // 250)

    acquired, weight, tau = _customers(rng, users, np)
    room = (end - acquired).astype(np.float64)
    item_category, item_ext, cat_ext = _catalog(rng, items, categories, np)
    item_cdf = np.cumsum(1.0 / np.arange(1, items + 1) ** 1.0)  # Zipf item popularity
    item_cdf /= item_cdf[-1]
    user_ext = rng.choice(max(1_018_011, 2 * users), users, replace=False) + 1

    # Events: one acquisition event per customer, then the rest by activity weight.
    rest = rows - users
    owner = np.concatenate([np.arange(users, dtype=np.int64),
                            np.minimum(np.searchsorted(np.cumsum(weight) / weight.sum(), rng.random(rest)), users - 1)])
    ts = np.empty(rows, np.int64)
    ts[:users] = acquired
    o = owner[users:]
    r, t = room[o] - 1.0, tau[o]
    delay = -t * np.log1p(-rng.random(rest) * -np.expm1(-r / t))  # truncated exponential on [0, r)
    ts[users:] = acquired[o] + 1 + np.minimum(delay.astype(np.int64), (r - 1).astype(np.int64))
    del r, t, delay, o
    item = np.minimum(np.searchsorted(item_cdf, rng.random(rows)), items - 1)
    behaviour = np.searchsorted(np.cumsum(BEHAVIOUR_SHARE), rng.random(rows) * 0.999999).astype(np.int64)

    order = np.argsort(owner, kind="stable")  # grouped by customer, acquisition event first
    chunk = 2_000_000
    with open(path + ".tmp", "wb") as f:
        for lo in range(0, rows, chunk):
            sel = order[lo:lo + chunk]
            it = item[sel]
            f.write(csv_bytes([user_ext[owner[sel]], item_ext[it], cat_ext[item_category[it]],
                               (behaviour[sel], BEHAVIOURS), ts[sel]], np))
    os.replace(path + ".tmp", path)
    return {"rows": rows, "users": users, "items": items, "categories": categories, "seed": seed,
            "first_ts": int(ts.min()), "last_ts": int(ts.max()),
            "rows_in_official_window": int(((ts >= WINDOW_START) & (ts < WINDOW_END)).sum()),
            "behaviour_share": {b.decode(): round(float((behaviour == i).mean()), 4) for i, b in enumerate(BEHAVIOURS)},
            "version": GENERATOR_VERSION}


# ---------------------------------------------------------------------------------------------------
# DuckDB child: python run.py --duckdb-child --csv F --query Q [--repeat R]

def period_sql(period, x):
    if period == "week":  # ISO week, Monday start: 1970-01-01 was a Thursday
        return f"(({x}) // 86400 + 3) // 7"
    t = f"make_timestamp(({x})::BIGINT * 1000000)"  # naive UTC timestamp
    return f"(year({t}) * 12 + month({t}) - 1)"


def cohort_sql(period, mode):
    """(cohort period index, column, count) for every non-zero cell, column 0 = cohort size."""
    p = period_sql(period, "ts")
    if mode == "on":
        # Period index is non-decreasing in time, so the cohort's period is the smallest one seen.
        return f"""
        WITH up AS (SELECT DISTINCT user_id, {p} AS p FROM events),
             c AS (SELECT user_id, min(p) AS cp FROM up GROUP BY user_id)
        SELECT c.cp, up.p - c.cp AS col, count(*) AS n
        FROM up JOIN c USING (user_id) GROUP BY ALL ORDER BY 1, 2"""
    first, last = period_sql(period, "t0"), period_sql(period, "t1")
    end = period_sql(period, "(SELECT max(t1) FROM u)")
    return f"""
        WITH u AS (SELECT user_id, min(ts) AS t0, max(ts) AS t1 FROM events GROUP BY user_id),
             h AS (SELECT {first} AS cp, {last} - {first} AS reach, count(*) AS n FROM u GROUP BY ALL),
             grid AS (SELECT cp, unnest(range(0, {end} - cp + 1)) AS col FROM (SELECT DISTINCT cp FROM h))
        SELECT g.cp, g.col, sum(h.n)::BIGINT AS n
        FROM grid g JOIN h ON h.cp = g.cp AND h.reach >= g.col GROUP BY ALL ORDER BY 1, 2"""


def acquisition_sql(gap_seconds):
    """The two largest acquisition categories (category of the first event's item; ties in time go to
    the earlier row of the file, as in ShelfSense), with customers and churned customers per group
    (churned: a gap of more than the churn gap between consecutive events, or a last event at least the
    churn gap before the data's end)."""
    return f"""
        WITH acq AS (SELECT user_id, arg_min(category_id, {{'t': ts, 'r': rowid}}) AS cat FROM events GROUP BY user_id),
             top AS (SELECT cat, count(*) AS customers FROM acq GROUP BY cat ORDER BY customers DESC, cat LIMIT 2),
             ev AS (SELECT e.user_id, f.cat, e.ts, lead(e.ts) OVER (PARTITION BY e.user_id ORDER BY e.ts) AS next_ts
                    FROM events e JOIN acq f USING (user_id) WHERE f.cat IN (SELECT cat FROM top)),
             per AS (SELECT user_id, any_value(cat) AS cat, max(ts) AS last_ts, max(next_ts - ts) AS widest FROM ev GROUP BY user_id)
        SELECT cat, count(*) AS customers,
               count(*) FILTER (WHERE coalesce(widest, 0) > {gap_seconds}
                                   OR (SELECT max(ts) FROM events) - last_ts >= {gap_seconds}) AS churned
        FROM per GROUP BY cat ORDER BY customers DESC, cat"""


def period_label(period, index):
    if period == "week":
        return (datetime.date(1970, 1, 1) + datetime.timedelta(days=7 * index - 3)).isoformat()
    return f"{index // 12:04d}-{index % 12 + 1:02d}-01"


def duckdb_child(args):
    """--query load: CSV into the persistent database --duckdb-db (timed, checkpointed). Otherwise
    one query, repeated, on either the CSV loaded into an in-memory table (--csv; the load is timed
    apart) or the persistent database opened read-only (--duckdb-db). Prints JSON."""
    import duckdb

    load_sql = f"""CREATE TABLE events AS SELECT * FROM read_csv('{args.csv}', header = false, delim = ',',
                   columns = {{'user_id': 'BIGINT', 'item_id': 'BIGINT', 'category_id': 'BIGINT',
                               'behavior': 'VARCHAR', 'ts': 'BIGINT'}})"""
    t = time.perf_counter()
    if args.query == "load":
        con = duckdb.connect(args.duckdb_db)
        con.execute(load_sql)
        con.execute("CHECKPOINT")
        print(json.dumps({"load_seconds": time.perf_counter() - t}))
        return
    if args.duckdb_db:
        con = duckdb.connect(args.duckdb_db, read_only=True)
        load = None
    else:
        con = duckdb.connect()
        con.execute(load_sql)
        load = time.perf_counter() - t
    con.execute("SET TimeZone = 'UTC'")
    out = {"load_seconds": load, "threads": int(con.execute("SELECT current_setting('threads')").fetchone()[0]),
           "duckdb": duckdb.__version__}
    if args.query == "acquisition":
        sql = acquisition_sql(CHURN_GAP_DAYS * 86400)
    else:
        period, mode = args.query.split(":")
        sql = cohort_sql(period, mode)
    seconds = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        result = con.execute(sql).fetchall()
        seconds.append(time.perf_counter() - t)
    out["query_seconds"] = seconds
    out["rows"], out["data_end"] = con.execute("SELECT count(*), max(ts) FROM events").fetchone()
    if args.query == "acquisition":
        out["groups"] = [{"category": str(c), "customers": n, "churned": k} for c, n, k in result]
    else:
        out["cells"] = [[period_label(period, cp), col, n] for cp, col, n in result]
        out["data_end_index"] = con.execute(f"SELECT {period_sql(period, str(out['data_end']))}").fetchone()[0]
    print(json.dumps(out))


# ---------------------------------------------------------------------------------------------------
# Comparison

def compare(ours, peer, data_end_index, period):
    """Cell-by-cell: every ShelfSense cohort row over its full width against DuckDB's non-zero cells.
    Returns (cells compared, list of mismatch descriptions)."""
    theirs = {}
    for label, col, n in peer["cells"]:
        theirs[(label, col)] = n
    problems, compared, seen = [], 0, set()
    index_of = {}
    for row in ours["cohorts"]:
        label, counts = row["start"], row["counts"]
        seen.add(label)
        # The row's width must reach the data's last period (ShelfSense reports zero columns too).
        if period == "week":
            d = (datetime.date.fromisoformat(label) - datetime.date(1970, 1, 1)).days
            index = (d + 3) // 7
        else:
            y, m = int(label[:4]), int(label[5:7])
            index = y * 12 + m - 1
        index_of[label] = index
        if len(counts) != data_end_index - index + 1:
            problems.append(f"cohort {label}: {len(counts)} columns, expected {data_end_index - index + 1}")
        if counts and counts[0] != row["size"]:
            problems.append(f"cohort {label}: counts[0] {counts[0]} != size {row['size']}")
        for col, n in enumerate(counts):
            compared += 1
            other = theirs.get((label, col), 0)
            if n != other:
                problems.append(f"cohort {label} column {col}: shelfsense {n}, duckdb {other}")
    for (label, col), n in theirs.items():
        if label not in seen:
            problems.append(f"cohort {label} column {col}: duckdb {n}, no such cohort in shelfsense")
        elif col >= len(next(r for r in ours["cohorts"] if r["start"] == label)["counts"]) and n != 0:
            problems.append(f"cohort {label} column {col}: duckdb {n}, beyond shelfsense's row")
    return compared, problems


def rows_tag(n):
    for unit, div in (("m", 1_000_000), ("k", 1_000)):
        if n >= div and n % div == 0:
            return f"{n // div}{unit}"
    return str(n)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "..", "build", "default", "app", "shelfsense-cli"))
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--users", type=int, default=None, help="customers (default rows / 50)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=None, help="reuses the CSV there when it was generated with the same settings")
    ap.add_argument("--repeat", type=int, default=1, help="runs per query; the median is reported")
    ap.add_argument("--out", default=None, help="JSON report (default bench/results/<date>-cpu-cohorts-<rows>.json)")
    ap.add_argument("--duckdb-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--generate-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--csv", help=argparse.SUPPRESS)
    ap.add_argument("--duckdb-db", help=argparse.SUPPRESS)
    ap.add_argument("--query", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if args.duckdb_child:
        return duckdb_child(args)
    if args.generate_child:
        print(json.dumps(generate(args.csv, args.rows, args.users, args.seed)))
        return

    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        sys.exit(f"no shelfsense-cli at {cli} (build it or pass --cli)")
    users = args.users or max(1, args.rows // 50)
    work = args.workdir or tempfile.mkdtemp(prefix="ss-cohorts-")
    os.makedirs(work, exist_ok=True)
    csv = os.path.join(work, "UserBehavior.csv")
    meta_path = csv + ".json"
    wanted = {"rows": args.rows, "users": users, "seed": args.seed, "version": GENERATOR_VERSION}
    gen = None
    if os.path.exists(csv) and os.path.exists(meta_path):
        gen = json.load(open(meta_path))
        if any(gen.get(k) != v for k, v in wanted.items()):
            gen = None
    if gen is None:
        # In a child process: measured() takes peak RSS from wait4(), and a child's peak starts at the
        # high-water mark of the process that spawned it, so this process must never hold the data.
        print(f"generating {args.rows:,} rows ({users:,} customers) into {csv}", file=sys.stderr)
        out, gen_s, _ = measured([sys.executable, os.path.abspath(__file__), "--generate-child", "--csv", csv,
                                  "--rows", str(args.rows), "--users", str(users), "--seed", str(args.seed)])
        gen = json.loads(out)
        gen["seconds"] = round(gen_s, 2)
        json.dump(gen, open(meta_path, "w"), indent=1)
    size = os.path.getsize(csv)

    # Import.
    db = os.path.join(work, "shop.shelfsense")
    for p in (db, db + "-wal", db + "-shm"):
        if os.path.exists(p):
            os.remove(p)
    print("importing", file=sys.stderr)
    out, import_s, import_mb = measured([cli, "import", "--db", db, "--format", "taobao", "--json", "--quiet", csv])
    imp = json.loads(out)
    if imp["rows_imported"] != args.rows or imp["rows_rejected"] != 0:
        sys.exit(f"import kept {imp['rows_imported']:,} of {args.rows:,} rows ({imp['rows_rejected']:,} rejected)")

    # DuckDB's own database file, loaded once: its query processes then open it like ShelfSense opens
    # its project (a second, process-against-process view; the main comparison is the in-memory one).
    peer_db = os.path.join(work, "peer.duckdb")
    for p in (peer_db, peer_db + ".wal"):
        if os.path.exists(p):
            os.remove(p)
    print("duckdb: loading the CSV into peer.duckdb", file=sys.stderr)
    out, file_load_s, file_load_mb = measured([sys.executable, os.path.abspath(__file__), "--duckdb-child", "--csv", csv,
                                               "--duckdb-db", peer_db, "--query", "load"])

    def peer(query, from_file=False):
        out, wall, mb = measured([sys.executable, os.path.abspath(__file__), "--duckdb-child", "--csv", csv,
                                  "--query", query, "--repeat", str(args.repeat)] + (["--duckdb-db", peer_db] if from_file else []))
        res = json.loads(out)
        if res["rows"] != args.rows:
            sys.exit(f"duckdb loaded {res['rows']:,} rows, expected {args.rows:,}")
        return res, wall, mb

    def ours(cmd):
        runs = [measured(cmd) for _ in range(args.repeat)]
        return json.loads(runs[0][0]), statistics.median(r[1] for r in runs), max(r[2] for r in runs), [r[1] for r in runs]

    results, failures = [], []
    for period in ("week", "month"):
        for mode in ("on", "on-or-after"):
            name = f"cohorts {period} {mode}"
            print(name, file=sys.stderr)
            cmd = [cli, "cohorts", "--db", db, "--period", period, "--mode", mode, "--timezone", "UTC", "--json", "--quiet"]
            matrix, ss_s, ss_mb, ss_runs = ours(cmd)
            opts = matrix["options"]
            if (opts["cohort_type"], opts["cohort_event"], opts["return_events"], opts["window"], opts["time_zone"]) != \
                    ("first-time", "any", [], "calendar", "UTC"):
                sys.exit(f"{name}: unexpected cohort definition {opts}")
            res, dk_wall, dk_mb = peer(f"{period}:{mode}")
            fres, file_runs = None, []
            for _ in range(args.repeat):  # the whole process is what is timed here
                fres, fwall, fmb = peer(f"{period}:{mode}", from_file=True)
                file_runs.append((fwall, fmb, statistics.median(fres["query_seconds"])))
            ss_end = datetime.datetime.fromisoformat(matrix["data_end"].replace("Z", "+00:00")).timestamp()
            problems = [] if int(ss_end) == res["data_end"] else [f"data_end: shelfsense {matrix['data_end']}, duckdb {res['data_end']}"]
            compared, more = compare(matrix, res, res["data_end_index"], period)
            problems += more
            problems += [f"(duckdb file) {p}" for p in compare(matrix, fres, fres["data_end_index"], period)[1]]
            file_s = statistics.median(r[0] for r in file_runs)
            dk_s = statistics.median(res["query_seconds"])
            results.append({
                "query": name, "command": " ".join(["shelfsense-cli"] + cmd[1:]).replace(db, "DB"),
                "shelfsense_seconds": round(ss_s, 3), "shelfsense_peak_mib": round(ss_mb, 1),
                "duckdb_seconds": round(dk_s, 3), "duckdb_peak_mib": round(dk_mb, 1),
                "duckdb_load_seconds": round(res["load_seconds"], 3), "duckdb_process_seconds": round(dk_wall, 3),
                "ratio": round(dk_s / ss_s, 3),
                "duckdb_file_process_seconds": round(file_s, 3), "duckdb_file_peak_mib": round(max(r[1] for r in file_runs), 1),
                "duckdb_file_query_seconds": round(statistics.median(r[2] for r in file_runs), 3),
                "ratio_process": round(file_s / ss_s, 3),
                "cohorts": len(matrix["cohorts"]), "columns": len(matrix["periods"]), "customers": matrix["customers"],
                "cells_compared": compared, "all_equal": not problems,
                "runs": {"shelfsense_seconds": [round(x, 3) for x in ss_runs], "duckdb_seconds": [round(x, 3) for x in res["query_seconds"]]},
            })
            if problems:
                failures.append((name, problems))

    # Survival by acquisition category: ShelfSense timed; DuckDB picks the two largest groups and checks
    # their customers and churn counts (not a timed comparison: it computes no Kaplan-Meier curve).
    print("survival", file=sys.stderr)
    acq, _, _ = peer("acquisition")
    cats = [g["category"] for g in acq["groups"]]
    cmd = [cli, "survival", "--db", db, "--segment-by", "acquisition-category"]
    for c in cats:
        cmd += ["--segment", c]
    cmd += ["--json", "--quiet"]
    surv, ss_s, ss_mb, ss_runs = ours(cmd)
    got = {c["group"]: (c["customers"], c["churned"]) for c in surv["curves"]}
    problems = [f"group {g['category']}: shelfsense customers/churned {got.get(g['category'])}, duckdb {(g['customers'], g['churned'])}"
                for g in acq["groups"] if got.get(g["category"]) != (g["customers"], g["churned"])]
    results.append({
        "query": "survival acquisition-category (2 largest)", "command": " ".join(["shelfsense-cli"] + cmd[1:]).replace(db, "DB"),
        "shelfsense_seconds": round(ss_s, 3), "shelfsense_peak_mib": round(ss_mb, 1),
        "duckdb_seconds": None, "duckdb_peak_mib": None, "ratio": None,
        "groups": acq["groups"], "log_rank_p": (surv.get("log_rank") or {}).get("p_value"),
        "groups_compared": len(acq["groups"]), "all_equal": not problems,
        "duckdb_check_seconds": round(statistics.median(acq["query_seconds"]), 3),
        "runs": {"shelfsense_seconds": [round(x, 3) for x in ss_runs]},
    })
    if problems:
        failures.append(("survival", problems))

    # No peak below this one can be told apart: it is this process's own high-water mark, inherited
    # by every child it starts (see generate's comment).
    floor_mib = measured(["true"])[2]
    # What a duckdb process costs before it does anything (interpreter start and `import duckdb`).
    baseline_s = statistics.median(measured([sys.executable, "-c", "import duckdb"])[1] for _ in range(3))
    cohort_rows = [r for r in results if r["ratio"] is not None]
    report = {
        "rows": args.rows, "bytes": size, "generator": gen,
        "import": {"seconds": round(import_s, 3), "peak_rss_mib": round(import_mb, 1), "index_seconds": round(imp["index_seconds"], 3),
                   **{k: imp[k] for k in ("rows_read", "rows_imported", "rows_rejected", "rows_flagged", "rows_duplicate")}},
        "duckdb_load_seconds": round(statistics.median(r["duckdb_load_seconds"] for r in cohort_rows), 3),
        "duckdb_file_load": {"seconds": round(file_load_s, 3), "peak_rss_mib": round(file_load_mb, 1),
                             "bytes": os.path.getsize(peer_db)},
        "queries": results,
        "all_equal": not failures,
        "notes": ["shelfsense_seconds: the whole process (start, read every event from the project, compute, JSON out)",
                  "duckdb_seconds: the query alone on an in-memory table (fetch included); the CSV load is duckdb_load_seconds",
                  "duckdb_peak_mib: the child process (CSV load + query); ratio = duckdb_seconds / shelfsense_seconds, > 1: ShelfSense faster",
                  "duckdb_file_*: a separate duckdb process per run opening peer.duckdb (loaded once, read-only) and running the query: "
                  "timed as a whole process like shelfsense; ratio_process = duckdb_file_process_seconds / shelfsense_seconds",
                  f"peaks come from wait4() and cannot read below the runner's own high-water mark, rss_floor_mib ({floor_mib:.1f} MiB here)"],
        "rss_floor_mib": round(floor_mib, 1),
        "duckdb_process_baseline_seconds": round(baseline_s, 3),
        "meta": {"date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(), "machine": platform.processor() or platform.machine(),
                 "duckdb": acq["duckdb"], "duckdb_threads": acq["threads"], "python": platform.python_version(),
                 "repeat": args.repeat},
    }

    print(f"rows: {args.rows:,} ({size / 1e6:.0f} MB), customers {users:,}; "
          f"import {import_s:.2f} s, peak {import_mb:.0f} MiB ({imp['rows_imported']:,} imported, {imp['rows_flagged']:,} flagged "
          f"outside the official window, {imp['rows_rejected']} rejected)")
    fl = report["duckdb_file_load"]
    print(f"duckdb ({acq['threads']} threads) load: CSV -> in-memory table {report['duckdb_load_seconds']:.2f} s; "
          f"CSV -> peer.duckdb {fl['seconds']:.2f} s ({fl['bytes'] / 1e6:.0f} MB; the project is {os.path.getsize(db) / 1e6:.0f} MB)")
    print(f"{'':<42} {'shelfsense':>20} {'duckdb, in memory':>25} {'duckdb process, file':>27}")
    print(f"{'query':<42} {'s':>12} {'MiB':>7} {'query s':>9} {'MiB*':>7} {'ratio':>7} {'s':>10} {'MiB':>7} {'ratio':>8} {'cells':>6} equal")
    for r in results:
        if r["ratio"] is not None:
            dk = (f"{r['duckdb_seconds']:9.3f} {r['duckdb_peak_mib']:7.0f} {r['ratio']:7.2f} "
                  f"{r['duckdb_file_process_seconds']:10.3f} {r['duckdb_file_peak_mib']:7.0f} {r['ratio_process']:8.2f}")
        else:
            dk = f"{'-':>9} {'-':>7} {'-':>7} {'-':>10} {'-':>7} {'-':>8}"
        cells = r.get("cells_compared", r.get("groups_compared"))
        print(f"{r['query']:<42} {r['shelfsense_seconds']:12.3f} {r['shelfsense_peak_mib']:7.0f} {dk} {cells:>6} {'yes' if r['all_equal'] else 'NO'}")
    print("ratio = duckdb query seconds / shelfsense process seconds; ratio (process) = duckdb process seconds / shelfsense "
          "process seconds; > 1: ShelfSense faster.\n* the in-memory child's peak includes loading the CSV. "
          f"No peak reads below {floor_mib:.0f} MiB (the runner's own high-water mark).\n"
          f"A duckdb process spends {baseline_s:.2f} s starting Python and importing duckdb before its query.")

    if failures:
        path = os.path.join(work, "cohorts-mismatch.json")
        json.dump(report, open(path, "w"), indent=1)
        for name, problems in failures:
            print(f"MISMATCH in {name}: {len(problems)} problem(s)", file=sys.stderr)
            for p in problems[:20]:
                print("  " + p, file=sys.stderr)
        sys.exit(f"shelfsense and duckdb disagree (report in {path})")
    out_path = args.out or os.path.join(HERE, "..", "results", f"{report['meta']['date']}-cpu-cohorts-{rows_tag(args.rows)}.json")
    with open(out_path, "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    print(f"written {os.path.normpath(out_path)}", file=sys.stderr)


if __name__ == "__main__":
    main()

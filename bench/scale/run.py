#!/usr/bin/env python3
"""Scale benchmark: a shop of the full Taobao UserBehavior's shape on one workstation.

Generates Taobao-format events with the real set's proportions (100,150,807 events, 987,994 customers,
4,162,024 items, 9,439 categories; scaled to --rows), a Zipf item popularity, Zipf category sizes,
customers acquired over ~120 days who come back less and less often, and the real behaviour mix (about
89.5% views, 5.5% carts, 2.9% favourites, 2.1% purchases), seeded: the generator of bench/cohorts/run.py
with the real counts. Then, one process after another on the same machine:
  import     shelfsense-cli import --format taobao: wall seconds, peak RSS, project bytes per event;
             next to the sqlite3 shell's `.import` of the same CSV into a plain 5-column table (the
             peer: no validation, no id mapping, no indexes) as a ratio;
  overview   shelfsense-cli stats --json (counts, ranges, daily activity) on the fresh project;
  catalog    item titles for the generated items (bench/scale/catalog.py: about --listings-per-title
             listings share a product line's title, as a marketplace lists one product in several shops),
             imported with shelfsense-cli import --format csv --map item_id=item --map title=title;
  encode     shelfsense-cli encode --target items --precision P: the catalog's vectors (identical texts
             are encoded once), wall seconds, peak RSS, texts encoded and shared, texts/s;
  evaluate   shelfsense-cli evaluate --recommenders R --split temporal --test-users N --no-store, one
             process per recommender (content and twotower with --cached-vectors: the encode step's vectors): fit and score seconds from the run's own timings, users/s, the
             process's wall seconds and peak RSS; for the dense models (als, twotower, content) the
             achieved GFLOP/s of the scoring products (2 · users · items · dimension / score seconds)
             against this machine's measured fp32 matrix-product rate (below);
  serve      shelfsense-cli recommend --user U --explain 3 (a kept model: the evaluate runs keep none,
             so the first call trains and keeps, the second is timed): wall seconds of the whole process;
  serve-steps  one customer's lists in the core, step by step (bench/rec/ServeBench.cpp, ss-bench-serve):
             the session opened and --serve-recommenders loaded (kept) or trained once, then for 20
             customers the history, each model's top-10 without and with explanations (median and
             largest milliseconds) — what the Recommendations screen's job does, without the window;
  browse     the data browser's paging (bench/scale/BrowseBench.cpp, ss-bench-browse): each table in
             storage order and by each indexed column both ways, the first page and 50 more scrolled
             one after another, 200 rows each; the slowest page's milliseconds;
  ui         the Recommendations screen (offscreen) on the project, through the measurement program
             tests/ui/recommendations/TestRecommendationsTiming.cpp with --serve-recommenders: opening the
             session, the first lists, typing five customers' ids into the search field (longest key
             press) and each one's history and top-10 with explanations; for each step its seconds
             and the longest the window stopped answering (a 5 ms timer's worst lateness);
  peak       the machine's fp32 matrix-product rate: numpy's sgemm (OpenBLAS) on 4096 x 4096 float32,
             best of 5, with every core.
Peak RSS comes from os.wait4() (bench/ingest/run.py's measured()).

Usage: ~/.cache/shelfsense/peers-venv/bin/python bench/scale/run.py [--cli build/default/app/shelfsense-cli]
       [--rows N] [--seed S] [--workdir DIR] [--test-users N] [--recommenders popularity,itemknn,als]
       [--steps import,overview,browse,catalog,encode,evaluate,serve,serve-steps,ui]
       [--listings-per-title F] [--precision fast|fp32] [--param model.name=value ...] [--serve-recommenders popularity,als] [--out FILE]
(The peers venv has numpy; sqlite3 is Debian's sqlite3 shell.)
"""
import argparse, datetime, importlib.util, json, os, platform, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ingest = load("ingest_run", os.path.join(HERE, "..", "ingest", "run.py"))
measured = _ingest.measured

# The public Taobao UserBehavior set, as published (../shared/data/taobao_userbehavior_sample/PROVENANCE.md).
TAOBAO = {"rows": 100_150_807, "users": 987_994, "items": 4_162_024, "categories": 9_439}
DENSE_DIMENSION = {"als": "factors", "twotower": "dim", "content": "dim"}


def shape(rows):
    scale = rows / TAOBAO["rows"]
    return {k: max(1, round(v * scale)) for k, v in TAOBAO.items() if k != "rows"}


def generate_child(args):
    cohorts = load("cohorts_run", os.path.join(HERE, "..", "cohorts", "run.py"))
    s = shape(args.rows)
    print(json.dumps(cohorts.generate(args.csv, args.rows, s["users"], args.seed, s["items"], s["categories"])))


def matmul_peak():
    """fp32 GFLOP/s of numpy's matrix product on this machine (every core), best of 5."""
    import numpy as np
    n = 4096
    a = np.random.default_rng(1).random((n, n), dtype=np.float32)
    b = np.random.default_rng(2).random((n, n), dtype=np.float32)
    a @ b  # warm up
    best = 0.0
    for _ in range(5):
        t = time.perf_counter()
        a @ b
        best = max(best, 2 * n ** 3 / (time.perf_counter() - t) / 1e9)
    return round(best, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "default", "app", "shelfsense-cli"))
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default="/tmp/scalebench")
    ap.add_argument("--test-users", type=int, default=20_000)
    ap.add_argument("--threads", type=int, default=os.cpu_count(),
                    help="evaluate's --threads (default: every core, as the workbench's Models screen uses)")
    ap.add_argument("--recommenders", default="popularity,itemknn,als")
    ap.add_argument("--steps", default="import,overview,evaluate,serve")
    ap.add_argument("--serve-recommenders", default="popularity,als")
    ap.add_argument("--param", action="append", default=[],
                    help="evaluate's --param model.name=value (repeatable), recorded in the report")
    ap.add_argument("--listings-per-title", type=float, default=8.0)
    ap.add_argument("--precision", default="fast", help="encode's --precision (fast: the CPU's fast mode)")
    ap.add_argument("--out")
    ap.add_argument("--generate-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--csv", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate_child:
        return generate_child(args)

    steps = set(args.steps.split(","))
    os.makedirs(args.workdir, exist_ok=True)
    tag = f"{args.rows // 1_000_000}m" if args.rows >= 1_000_000 else str(args.rows)
    csv = os.path.join(args.workdir, f"taobao-{tag}-seed{args.seed}.csv")
    meta_path = csv + ".json"
    report = {"meta": {"date": datetime.date.today().isoformat(), "machine": platform.machine(), "cpus": os.cpu_count(),
                       "python": platform.python_version(), "rows": args.rows, "seed": args.seed, "shape": shape(args.rows),
                       "test_users": args.test_users},
              "steps": {}}
    if not os.path.exists(meta_path):
        print(f"generating {args.rows:,} events ...", flush=True)
        out, _, _ = measured([sys.executable, os.path.abspath(__file__), "--generate-child", "--csv", csv,
                                       "--rows", str(args.rows), "--seed", str(args.seed)])
        with open(meta_path, "w") as f:
            f.write(out)
    report["meta"]["generated"] = json.load(open(meta_path))
    report["meta"]["csv_bytes"] = os.path.getsize(csv)
    report["meta"]["matmul_peak_gflops"] = peak = matmul_peak()
    print(f"machine fp32 matrix product: {peak} GFLOP/s", flush=True)

    db = os.path.join(args.workdir, f"taobao-{tag}.shelfsense")
    cli = os.path.abspath(args.cli)
    if "import" in steps or not os.path.exists(db):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        out, seconds, rss = measured([cli, "import", "--db", db, "--format", "taobao", "--json", csv])
        imported = json.loads(out)
        size = os.path.getsize(db)
        entry = {"seconds": round(seconds, 1), "peak_rss_mib": round(rss, 1), "project_bytes": size,
                 "bytes_per_event": round(size / args.rows, 1), "rows_imported": imported.get("rows_imported"),
                 "report": {k: v for k, v in imported.items() if k not in ("rejects", "flagged")}}
        peer_db = os.path.join(args.workdir, "peer.sqlite")
        if os.path.exists(peer_db):
            os.remove(peer_db)
        sqlite3 = shutil.which("sqlite3")
        if sqlite3:
            script = "CREATE TABLE events(user_id INTEGER, item_id INTEGER, category_id INTEGER, behavior TEXT, ts INTEGER);\n" \
                     f".mode csv\n.import {csv} events\n"
            _, peer_seconds, peer_rss = measured([sqlite3, peer_db], stdin=script)
            entry["peer_sqlite3_import"] = {"seconds": round(peer_seconds, 1), "bytes": os.path.getsize(peer_db)}
            entry["ratio_vs_sqlite3_import"] = round(peer_seconds / seconds, 3)
            os.remove(peer_db)
        report["steps"]["import"] = entry
        print(f"import: {entry['seconds']} s, peak {entry['peak_rss_mib']} MiB, {entry['bytes_per_event']} bytes/event", flush=True)

    if "overview" in steps:
        out, seconds, rss = measured([cli, "stats", "--db", db, "--json"])
        report["steps"]["overview"] = {"seconds": round(seconds, 3), "peak_rss_mib": round(rss, 1)}
        print(f"overview: {seconds:.3f} s", flush=True)

    if "catalog" in steps:
        _catalog = load("scale_catalog", os.path.join(HERE, "catalog.py"))
        titles = os.path.join(args.workdir, f"taobao-{tag}-seed{args.seed}-titles-{args.listings_per_title:g}.csv")
        s = shape(args.rows)
        written = _catalog.write_catalog(titles, args.rows, s["users"], args.seed, s["items"], s["categories"],
                                         args.listings_per_title)
        out, seconds, rss = measured([cli, "import", "--db", db, "--format", "csv", "--map", "item_id=item",
                                      "--map", "title=title", "--json", titles])
        imported = json.loads(out)
        report["steps"]["catalog"] = {"written": written, "import_seconds": round(seconds, 1), "peak_rss_mib": round(rss, 1),
                                      "rows_imported": imported.get("rows_imported"), "rows_rejected": imported.get("rows_rejected")}
        print(f"catalog: {json.dumps(report['steps']['catalog'])}", flush=True)

    if "encode" in steps:
        out, seconds, rss = measured([cli, "encode", "--db", db, "--target", "items", "--precision", args.precision,
                                      "--json", "--quiet"])
        encoded = json.loads(out)
        distinct = encoded["encoded"] - encoded["shared_text"]
        report["steps"]["encode"] = {"precision": args.precision, "seconds": round(seconds, 1), "peak_rss_mib": round(rss, 1),
                                     "items": encoded["total"], "given_vectors": encoded["encoded"],
                                     "texts_encoded": distinct, "shared_text": encoded["shared_text"], "cached": encoded["cached"],
                                     "texts_per_second": round(distinct / seconds, 1) if seconds else None,
                                     "device": encoded.get("device")}
        print(f"encode: {json.dumps(report['steps']['encode'])}", flush=True)

    if "evaluate" in steps:
        runs = {}
        for name in args.recommenders.split(","):
            out, seconds, rss = measured([cli, "evaluate", "--db", db, "--recommenders", name, "--split", "temporal",
                                          "--test-users", str(args.test_users), "--threads", str(args.threads),
                                          "--no-store", "--bootstrap", "200", "--json", "--quiet"]
                                         + (["--cached-vectors"] if name in ("content", "twotower") else [])
                                         + [a for p in args.param for a in ("--param", p)])
            result = json.loads(out)
            run = result["runs"][0]
            t = run["timings"]
            entry = {"threads": args.threads, "params": args.param, "process_seconds": round(seconds, 1), "peak_rss_mib": round(rss, 1),
                     "fit_seconds": round(t["fit_seconds"], 1), "score_seconds": round(t["score_seconds"], 2),
                     "users_per_second": round(t["users_per_second"], 1), "block_users": t.get("block_users"),
                     "test_users": result["split"]["test_users"],
                     "test_users_sampled_from": result["split"].get("test_users_sampled_from"),
                     "ndcg@10": run["metrics"].get("ndcg@10"), "recall@10": run["metrics"].get("recall@10")}
            if run.get("training"):
                entry["training"] = run["training"]
            dim_key = DENSE_DIMENSION.get(name)
            if dim_key and dim_key in run.get("parameters", {}):
                dim = run["parameters"][dim_key]
                scored = result["split"]["test_users"] - run.get("fallback_users", 0)
                # The rows actually multiplied: a model whose items share rows scores each distinct row once.
                rows = t.get("scored_rows") or result["dataset"]["items"]
                entry["scored_rows"] = rows
                flops = 2.0 * scored * rows * dim
                entry["gflops"] = round(flops / t["score_seconds"] / 1e9, 1)
                entry["share_of_matmul_peak"] = round(entry["gflops"] / peak, 3)
            runs[name] = entry
            print(f"evaluate {name}: {json.dumps(entry)}", flush=True)
        report["steps"]["evaluate"] = runs

    if "serve" in steps:
        import sqlite3 as sq
        con = sq.connect(db)
        user = con.execute("SELECT u.external_id FROM events e JOIN users u ON u.id = e.user_id "
                           "WHERE e.type = 3 ORDER BY e.ts DESC LIMIT 1").fetchone()[0]
        con.close()
        serve = {}
        for name in args.serve_recommenders.split(","):
            cmd = [cli, "recommend", "--db", db, "--user", str(user), "--recommender", name, "--k", "10", "--explain", "3",
                   "--threads", str(args.threads), "--json"]
            _, first, _ = measured(cmd)
            _, again, rss = measured(cmd)
            serve[name] = {"first_seconds": round(first, 2), "kept_seconds": round(again, 2), "peak_rss_mib": round(rss, 1)}
            print(f"serve {name}: {serve[name]}", flush=True)
        report["steps"]["serve"] = serve

    if "serve-steps" in steps:
        serve_bin = os.path.join(os.path.dirname(os.path.dirname(cli)), "bench", "rec", "ss-bench-serve")
        out, seconds, rss = measured([serve_bin, "--db", db, "--models", args.serve_recommenders, "--customers", "20",
                                      "--threads", str(args.threads)])
        served = json.loads(out)
        served["process_seconds"] = round(seconds, 1)
        served["peak_rss_mib"] = round(rss, 1)
        report["steps"]["serve-steps"] = served
        print(f"serve-steps: {json.dumps(served['steps'])}", flush=True)

    if "browse" in steps:
        browse_bin = os.path.join(os.path.dirname(os.path.dirname(cli)), "bench", "scale", "ss-bench-browse")
        out, seconds, rss = measured([browse_bin, "--db", db, "--pages", "50", "--tables", "events,users,items", "--skip-unindexed"])
        browse = json.loads(out)
        browse["process_seconds"] = round(seconds, 1)
        browse["peak_rss_mib"] = round(rss, 1)
        report["steps"]["browse"] = browse
        print(f"browse: slowest indexed page {browse['slowest_indexed_page_ms']:.1f} ms", flush=True)

    if "ui" in steps:
        timing = os.path.join(os.path.dirname(os.path.dirname(cli)), "tests", "ui", "timing_recommendations_screen")
        out_json = os.path.join(args.workdir, "ui-serve.json")
        saved = dict(os.environ)
        os.environ.update(SS_UI_TIMING="1", SS_UI_PROJECT=db, SS_UI_MODELS=args.serve_recommenders,
                          SS_UI_TIMING_JSON=out_json, QT_QPA_PLATFORM="offscreen")
        try:
            _, seconds, rss = measured([timing, "servingOnAProject"])  # exits with the output if it fails
        finally:
            os.environ.clear()
            os.environ.update(saved)
        with open(out_json) as f:
            ui = json.load(f)
        ui["process_seconds"] = round(seconds, 1)
        ui["peak_rss_mib"] = round(rss, 1)
        report["steps"]["ui"] = ui
        print(f"ui: {json.dumps(ui)}", flush=True)

    out = args.out or os.path.join(ROOT, "bench", "results", f"{report['meta']['date']}-cpu-scale-{tag}.json")
    with open(out, "w") as f:
        json.dump(report, f, indent=1)
    print(f"written {out}")


if __name__ == "__main__":
    sys.exit(main())

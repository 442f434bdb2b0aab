#!/usr/bin/env python3
"""ALS and encoding on Spark in local mode next to ShelfSense on one machine, in one run.

ALS: a Taobao-format shop of --rows generated events (bench/cohorts/run.py's generator, seeded;
imported with `shelfsense-cli import --format taobao`, exported with `shelfsense-cli export`):
  * ShelfSense: `shelfsense-cli recommend --recommender als` for one customer — a whole process that
    reads every event, trains ALS (64 factors, 15 iterations), keeps the model and serves a top 10;
  * Spark: `spark-submit --master local[2] cluster/als.py` on the export (reads the events CSV, sums
    the pair weights, trains MLlib ALS with the same factors, iterations, α and λ, writes the factors);
  * then `import-results --als` of those factors and one `recommend --recommender als_imported`, and
    the top-10 overlap of the two models for a few customers.
Encoding: a sample shop with --texts items (their titles, descriptions and categories, as the
workbench encodes them): `shelfsense-cli encode --target items` against `cluster/encode.py` in
local[2] (2 partitions, one `embed --jsonl` process each), then `import-results --vectors`.
Wall seconds and peak RSS (os.wait4; for spark-submit that is the driver JVM's) of every process.

usage: ~/.cache/shelfsense/cluster-venv/bin/python bench/cluster/jobs.py --workdir DIR [--rows 20000000]
           [--texts 2000] [--cli build/default/app/shelfsense-cli] [--out FILE]
"""
import argparse
import datetime
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
VENV_BIN = os.path.dirname(sys.executable)
FACTORS, ITERATIONS = 64, 15

# measured(cmd) -> (stdout, wall seconds, peak RSS MiB via os.wait4), shared with the ingest benchmark.
_spec = importlib.util.spec_from_file_location("ingest_run", os.path.join(HERE, "..", "ingest", "run.py"))
_ingest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ingest)
measured = _ingest.measured


def spark_submit(script, *args):
    os.environ["PYSPARK_PYTHON"] = sys.executable  # inherited: the executors' Python workers use this environment
    return measured([os.path.join(VENV_BIN, "spark-submit"), "--master", "local[2]", "--driver-memory", "8g",
                     "--conf", "spark.ui.enabled=false", os.path.join(ROOT, "cluster", script), *args])


def row(name, seconds, mib, **extra):
    print(f"{name:48} {seconds:8.1f} s {mib:8.0f} MiB", file=sys.stderr)
    return dict(step=name, seconds=round(seconds, 2), peak_mib=round(mib), **extra)


def als_part(cli, work, rows):
    csv = os.path.join(work, "UserBehavior.csv")
    if not os.path.exists(csv):
        measured([sys.executable, os.path.join(ROOT, "bench", "cohorts", "run.py"), "--generate-child", "--csv", csv,
                  "--rows", str(rows), "--users", str(rows // 50), "--seed", "7"])
    db = os.path.join(work, "shop.shelfsense")
    steps = []
    if not os.path.exists(db):
        _, s, m = measured([cli, "import", "--db", db, "--format", "taobao", "--quiet", csv])
        steps.append(row("import (shelfsense-cli import)", s, m))
    export = os.path.join(work, "export")
    if not os.path.exists(os.path.join(export, "manifest.json")):
        _, s, m = measured([cli, "export", "--db", db, "--to", export, "--replace", "--quiet"])
        steps.append(row("export (shelfsense-cli export, CSV)", s, m))
    # Customers to compare: the first few of the export's users with a long history.
    users = []
    with open(os.path.join(export, "users.csv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            users.append(line.split(",")[0])
            if len(users) == 200:
                break
    params = ["--param", f"als.factors={FACTORS}", "--param", f"als.iterations={ITERATIONS}"]
    # No model is kept yet for these settings: this process trains one (and keeps it for the calls below).
    out, s, m = measured([cli, "recommend", "--db", db, "--user", users[0], "--recommender", "als", "--k", "10",
                          "--json", "--quiet", *params])
    steps.append(row("ShelfSense ALS: read events, train, keep, serve (one process)", s, m))
    factors = os.path.join(work, "als-factors")
    _, s, m = spark_submit("als.py", "--export", export, "--out", factors, "--factors", str(FACTORS), "--iterations", str(ITERATIONS))
    steps.append(row("Spark local[2] ALS: read CSV, pairs, train, write factors", s, m))
    out, s, m = measured([cli, "import-results", "--db", db, "--als", factors, "--json"])
    matched = json.loads(out)
    steps.append(row("import-results --als", s, m, users_matched=matched["users_matched"], items_matched=matched["items_matched"]))
    overlaps = []
    for n, user in enumerate(users[:5]):
        got = {}
        for name in ("als", "als_imported"):
            out, s, m = measured([cli, "recommend", "--db", db, "--user", user, "--recommender", name, "--k", "10", "--json", "--quiet",
                                  *params])
            got[name] = [r["item"] for r in json.loads(out)["results"]]
            if n == 0:
                steps.append(row(f"serve one customer: recommend --recommender {name} (kept model)", s, m))
        overlaps.append(len(set(got["als"]) & set(got["als_imported"])) / 10)
    print(f"top-10 overlap ShelfSense ALS vs MLlib: {sum(overlaps) / len(overlaps):.2f} over {len(overlaps)} customers", file=sys.stderr)
    return steps, overlaps


def encode_part(cli, work, texts):
    db = os.path.join(work, f"catalog-{texts}.shelfsense")
    if not os.path.exists(db):
        measured([cli, "sample", "--db", db, "--users", "300", "--items", str(texts), "--days", "30", "--seed", "5", "--quiet"])
    export = os.path.join(work, f"catalog-{texts}-export")
    if not os.path.exists(os.path.join(export, "manifest.json")):
        measured([cli, "export", "--db", db, "--to", export, "--replace", "--quiet"])
    steps = []
    fresh = os.path.join(work, "encode-here.shelfsense")
    shutil.copy(db, fresh)
    _, s, m = measured([cli, "encode", "--db", fresh, "--target", "items", "--quiet"])
    steps.append(row(f"ShelfSense encode, {texts} item texts (one process)", s, m))
    vectors = os.path.join(work, "item-vectors")
    shutil.rmtree(vectors, ignore_errors=True)
    _, s, m = spark_submit("encode.py", "--export", export, "--target", "items", "--out", vectors, "--format", "jsonl",
                           "--partitions", "2", "--cli", cli)
    steps.append(row(f"Spark local[2] encode, {texts} item texts (2 partitions)", s, m))
    fresh2 = os.path.join(work, "encode-imported.shelfsense")
    shutil.copy(db, fresh2)
    _, s, m = measured([cli, "import-results", "--db", fresh2, "--vectors", vectors, "--target", "items", "--quiet"])
    steps.append(row("import-results --vectors", s, m))
    out, _, _ = measured([cli, "encode", "--db", fresh2, "--target", "items", "--json", "--quiet"])
    left = json.loads(out)["encoded"]
    if left != 0:
        sys.exit(f"after the import, encode still had {left} texts to encode")
    return steps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--texts", type=int, default=2000)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "default", "app", "shelfsense-cli"))
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)
    os.makedirs(args.workdir, exist_ok=True)
    spark_version = subprocess.run([sys.executable, "-c", "import pyspark; print(pyspark.__version__)"], capture_output=True,
                                   text=True).stdout.strip()
    report = {"meta": {"date": datetime.date.today().isoformat(), "machine": platform.machine(), "cpus": os.cpu_count(),
                       "spark": spark_version, "master": "local[2]", "driver_memory": "8g", "rows": args.rows, "texts": args.texts,
                       "als": {"factors": FACTORS, "iterations": ITERATIONS, "alpha": 1.0, "regularization": 0.01},
                       "what": "ALS and item encoding: ShelfSense on one machine against the cluster jobs in Spark local mode"}}
    report["encode"] = encode_part(cli, args.workdir, args.texts)
    report["als"], overlaps = als_part(cli, args.workdir, args.rows)
    report["als_top10_overlap"] = {"customers": len(overlaps), "mean": round(sum(overlaps) / len(overlaps), 3), "each": overlaps}
    out_path = args.out or os.path.join(HERE, "..", "results", f"{report['meta']['date']}-cpu-cluster-jobs.json")
    with open(out_path, "w") as f:
        json.dump(report, f, indent=1)
    print(f"written {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()

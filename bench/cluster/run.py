#!/usr/bin/env python3
"""Retention cohorts on Spark in local mode next to ShelfSense on one machine, in one run: the same
project (for example the one bench/cohorts/run.py imported), exported with `shelfsense-cli export`,
then for each matrix ShelfSense's time (whole process) and Spark's (cluster/cohorts.py on the
export's events, read from CSV, computed and collected), with every cell compared.

usage: ~/.cache/shelfsense/cluster-venv/bin/python bench/cluster/run.py --db PROJECT --workdir DIR
           [--cli build/default/app/shelfsense-cli] [--out bench/results/DATE-cpu-cluster-cohorts.json]
"""
import argparse
import csv
import datetime
import io
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "cluster"))
import cohorts  # noqa: E402

QUERIES = [("week", "on"), ("week", "on-or-after"), ("month", "on"), ("month", "on-or-after")]


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {done.stderr}")
    return done.stdout, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "..", "build", "default", "app", "shelfsense-cli"))
    ap.add_argument("--timezone", default="UTC")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)
    os.makedirs(args.workdir, exist_ok=True)
    export = os.path.join(args.workdir, "export")
    _, export_s = timed([cli, "export", "--db", args.db, "--to", export, "--replace", "--quiet"])
    with open(os.path.join(export, "manifest.json")) as f:
        events_rows = next(t["rows"] for t in json.load(f)["tables"] if t["name"] == "events")
    export_bytes = sum(os.path.getsize(os.path.join(export, n)) for n in os.listdir(export))
    print(f"export: {events_rows:,} events in {export_s:.1f} s ({export_bytes / 1e9:.2f} GB)", file=sys.stderr)

    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    start = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("shelfsense-bench-cohorts").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "8g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup_s = time.perf_counter() - start
    report = {"meta": {"date": datetime.date.today().isoformat(), "machine": platform.machine(), "cpus": os.cpu_count(),
                       "spark": spark.version, "master": "local[2]", "driver_memory": "8g", "timezone": args.timezone,
                       "what": "retention matrices (first-time cohorts, any behaviour) on one machine: shelfsense-cli cohorts as a "
                               "whole process against cluster/cohorts.py in Spark local mode reading the export's events CSV"},
              "events": events_rows, "export": {"seconds": round(export_s, 2), "bytes": export_bytes},
              "spark_startup_seconds": round(startup_s, 2), "queries": []}
    events, _ = cohorts.read_events(spark, export)
    for period, mode in QUERIES:
        out, ours = timed([cli, "cohorts", "--db", args.db, "--period", period, "--mode", mode, "--timezone", args.timezone, "--csv"])
        engine = {(r["cohort"], int(r["column"])): int(r["count"]) for r in csv.DictReader(io.StringIO(out)) if r["cohort"] != "mean"}
        start = time.perf_counter()
        cells = cohorts.cohort_cells(spark, events, period, mode, timezone=args.timezone).collect()
        theirs = time.perf_counter() - start
        spark_cells = {(r.cohort, r.column): r["count"] for r in cells}
        equal = spark_cells == engine
        report["queries"].append({"query": f"cohorts {period} {mode}", "shelfsense_seconds": round(ours, 3),
                                  "spark_seconds": round(theirs, 3), "ratio": round(theirs / ours, 1), "cells": len(engine),
                                  "all_equal": equal})
        print(f"{period:5} {mode:12} shelfsense {ours:6.2f} s   spark local[2] {theirs:6.1f} s   cells {len(engine)} equal {equal}",
              file=sys.stderr)
        if not equal:
            sys.exit("cells differ")
    spark.stop()
    out_path = args.out or os.path.join(HERE, "..", "results", f"{report['meta']['date']}-cpu-cluster-cohorts.json")
    with open(out_path, "w") as f:
        json.dump(report, f, indent=1)
    print(f"written {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()

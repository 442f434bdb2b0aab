#!/usr/bin/env python3
"""cluster/encode.py on Spark in local mode (local[2], 4 partitions) against shelfsense-cli alone, on
a small sample shop exported with `shelfsense-cli export`: the same vectors for every item (max
absolute difference < 1e-5), and one bad record fails the whole job with the command's message.

usage: test_encode.py --cli shelfsense-cli --model MODEL_DIR   (run by ctest, label "cluster")
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "cluster"))
import encode  # noqa: E402

ARGS = None


class EncodeOnSpark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' workers use this environment too
        from pyspark.sql import SparkSession
        cls.spark = (SparkSession.builder.master("local[2]").appName("shelfsense-cluster-test")
                     .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                     .config("spark.sql.shuffle.partitions", "4").getOrCreate())
        cls.spark.sparkContext.setLogLevel("ERROR")
        cls.work = tempfile.mkdtemp(prefix="ss-cluster-")
        cls.db = os.path.join(cls.work, "shop.shelfsense")
        cls.export = os.path.join(cls.work, "export")
        run([ARGS.cli, "sample", "--db", cls.db, "--users", "120", "--items", "48", "--days", "30", "--seed", "4", "--json"])
        run([ARGS.cli, "export", "--db", cls.db, "--to", cls.export, "--quiet"])

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_vectors_equal_the_command_alone(self):
        out = os.path.join(self.work, "vectors")
        encode.encode(self.spark, self.export, "items", out, ARGS.cli, model=ARGS.model, partitions=4)
        frame = self.spark.read.parquet(out)
        got = {r.id: np.array(r.vector, dtype=np.float64) for r in frame.collect()}

        with open(os.path.join(self.export, "items.csv"), newline="", encoding="utf-8") as f:
            items = list(csv.DictReader(f))
        records = "".join(json.dumps({"id": r["item"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in items)
        alone = run([ARGS.cli, "embed", "--jsonl", "--model", ARGS.model, "--quiet"], stdin=records)
        want = {}
        for line in alone.splitlines():
            record = json.loads(line)
            want[record["id"]] = np.array(record["vector"], dtype=np.float64)

        self.assertEqual(len(items), 48)
        self.assertEqual(set(got), set(want))
        worst = max(float(np.max(np.abs(got[k] - want[k]))) for k in want)
        print(f"spark (4 partitions) vs cli alone: {len(want)} items, max abs difference {worst:.2e}", file=sys.stderr)
        self.assertLess(worst, 1e-5)

    def test_one_bad_record_fails_the_job(self):
        rows = self.spark.createDataFrame([("a", "手机"), ("b", None), ("c", "电池")], "id string, text string").repartition(1)
        with self.assertRaises(Exception) as caught:
            encode.embed_dataframe(self.spark, rows, ARGS.cli, ARGS.model).collect()
        message = str(caught.exception)
        self.assertIn("shelfsense-cli embed failed", message)
        self.assertIn("field 'text'", message)


def run(command, stdin=None):
    done = subprocess.run(command, input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--model", required=True)
    ARGS, rest = ap.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)

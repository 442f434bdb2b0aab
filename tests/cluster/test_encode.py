#!/usr/bin/env python3
"""cluster/encode.py on Spark in local mode (local[2], 4 partitions) against shelfsense-cli alone, on
a small sample shop exported with `shelfsense-cli export`: the same vectors for every item (max
absolute difference < 1e-5); written as JSON Lines they come back into the project with
`import-results`, after which `encode` has nothing left to do; one bad record fails the whole job
with the command's message.

usage: test_encode.py --cli shelfsense-cli --model MODEL_DIR   (run by ctest, label "cluster")
"""
import csv
import json
import os
import shutil
import sys
import tempfile
import unittest

import numpy as np

import sparktest  # noqa: E402 (also puts cluster/ on the path)
from sparktest import run  # noqa: E402
import encode  # noqa: E402

ARGS = None


class EncodeOnSpark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spark = sparktest.local_spark("shelfsense-encode-test")
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

    def test_vectors_come_back_into_the_project(self):
        # Spark's JSON part files, imported: `encode` then finds every item cached and encodes none.
        out = os.path.join(self.work, "vectors-json")
        encode.encode(self.spark, self.export, "items", out, ARGS.cli, model=ARGS.model, partitions=3, fmt="jsonl")
        db = os.path.join(self.work, "imported.shelfsense")
        shutil.copy(self.db, db)
        imported = json.loads(run([ARGS.cli, "import-results", "--db", db, "--vectors", out, "--target", "items", "--model", ARGS.model,
                                   "--json", "--quiet"]))
        self.assertEqual(imported["stored"], 48)
        encoded = json.loads(run([ARGS.cli, "encode", "--db", db, "--target", "items", "--model", ARGS.model, "--json", "--quiet"]))
        self.assertEqual((encoded["encoded"], encoded["cached"]), (0, 48))

    def test_one_bad_record_fails_the_job(self):
        rows = self.spark.createDataFrame([("a", "手机"), ("b", None), ("c", "电池")], "id string, text string").repartition(1)
        with self.assertRaises(Exception) as caught:
            encode.embed_dataframe(self.spark, rows, ARGS.cli, ARGS.model).collect()
        message = str(caught.exception)
        self.assertIn("shelfsense-cli embed failed", message)
        self.assertIn("field 'text'", message)




if __name__ == "__main__":
    ARGS, run_tests = sparktest.main(["model"])
    run_tests()

#!/usr/bin/env python3
"""cluster/als.py (Spark MLlib, implicit feedback) and ShelfSense's ALS (`shelfsense-cli recommend
--recommender als`) on a matrix with planted structure: four groups of customers who each use only
their group's items (8 factors, regularisation 0.05, 15 iterations for both). Both must recover the
structure: on average at least 95% of a sampled customer's top 10 (unseen items) from their own
group, and at least 80% for every one (25% at random); how much their top 10s overlap is reported.
Then MLlib's factors are imported (`import-results --als`) and served by `recommend --recommender
als_imported`: its top 10 are the factors' own top 10 and its explanations add up to the scores; an
evaluation refuses factors trained on the test period and scores ones trained before the cut-off.

usage: test_als.py --cli shelfsense-cli   (run by ctest, label "cluster")
"""
import csv
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np

import sparktest  # noqa: E402 (also puts cluster/ on the path)
from sparktest import run  # noqa: E402
import als  # noqa: E402
from export import read_table  # noqa: E402

ARGS = None
GROUPS, USERS_PER_GROUP, ITEMS_PER_GROUP, FACTORS, REGULARIZATION = 4, 40, 25, 8, 0.05


def group_of(item):
    return int(item.split("-")[1]) // ITEMS_PER_GROUP


class AlsOnSpark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spark = sparktest.local_spark("shelfsense-als-test")
        cls.work = tempfile.mkdtemp(prefix="ss-als-")
        rng = random.Random(3)
        rows, t = [], 1700000000
        cls.seen = {}
        for g in range(GROUPS):
            for n in range(USERS_PER_GROUP):
                user = f"u{g}-{n:02d}"
                items = rng.sample(range(g * ITEMS_PER_GROUP, (g + 1) * ITEMS_PER_GROUP), 10)
                cls.seen[user] = {f"item-{i:03d}" for i in items}
                for i in items:
                    t += 60
                    rows.append((user, f"item-{i:03d}", rng.choice(["view", "view", "cart", "purchase"]), t))
        # Every customer's events spread over the whole period, so that a temporal split has history
        # before its cut-off for the customers it tests.
        times = sorted(r[3] for r in rows)
        rng.shuffle(rows)
        rows = [(u, i, b, t) for (u, i, b, _), t in zip(rows, times)]
        path = os.path.join(cls.work, "planted.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["user", "item", "type", "time"])
            w.writerows(rows)
        cls.db = os.path.join(cls.work, "planted.shelfsense")
        run([ARGS.cli, "import", "--db", cls.db, "--format", "csv", "--map", "user=user", "--map", "item=item", "--map", "type=type",
             "--map", "time=time", path, "--json"])
        cls.export = os.path.join(cls.work, "export")
        run([ARGS.cli, "export", "--db", cls.db, "--to", cls.export, "--quiet"])
        cls.sampled = [f"u{g}-{n:02d}" for g in range(GROUPS) for n in range(0, USERS_PER_GROUP, 8)]

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_both_recover_the_planted_groups(self):
        out = self.train_mllib("factors")
        users, items = self.factors(out)
        self.assertEqual(len(users), GROUPS * USERS_PER_GROUP)
        self.assertEqual(len(items), GROUPS * ITEMS_PER_GROUP)
        with open(os.path.join(out, "model.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["confidence"], "1 + alpha * weight")
        names = sorted(items)
        matrix = np.stack([items[n] for n in names])

        def mllib_top(user):
            scores = matrix @ users[user]
            ranked = [names[j] for j in np.argsort(-scores) if names[j] not in self.seen[user]]
            return ranked[:10]

        overlaps, in_group = [], {"mllib": [], "shelfsense": []}
        for user in self.sampled:
            answer = json.loads(run([ARGS.cli, "recommend", "--db", self.db, "--user", user, "--recommender", "als", "--k", "10",
                                     "--param", f"als.factors={FACTORS}", "--param", f"als.regularization={REGULARIZATION}", "--json", "--quiet"]))
            ours = [r["item"] for r in answer["results"]]
            theirs = mllib_top(user)
            self.assertEqual(len(ours), 10)
            group = int(user[1])
            for name, top in (("mllib", theirs), ("shelfsense", ours)):
                in_group[name].append(sum(group_of(i) == group for i in top) / len(top))
            overlaps.append(len(set(ours) & set(theirs)) / 10)
        for name, shares in in_group.items():
            print(f"{name}: top 10 from the customer's own group {np.mean(shares):.3f} (lowest {min(shares):.2f})", file=sys.stderr)
            self.assertGreaterEqual(np.mean(shares), 0.95, name)  # at random: 0.25
            self.assertGreaterEqual(min(shares), 0.8, name)
        print(f"top-10 overlap, MLlib vs ShelfSense: mean {np.mean(overlaps):.3f} over {len(overlaps)} customers", file=sys.stderr)

    def train_mllib(self, name, before=None):
        events = read_table(self.spark, self.export, "events").selectExpr("user", "item", "behaviour", "ts")
        return als.train(self.spark, events, os.path.join(self.work, name), factors=FACTORS, regularization=REGULARIZATION, iterations=15,
                         before=before)

    def factors(self, out):
        """The job's JSON Lines factors, as import-results reads them."""
        read = lambda side: {r.id: np.array(r.features, dtype=np.float32) for r in self.spark.read.json(os.path.join(out, side)).collect()}
        return read("users"), read("items")

    def test_imported_factors_serve_explain_and_evaluate(self):
        out = self.train_mllib("served")
        users, items = self.factors(out)
        imported = json.loads(run([ARGS.cli, "import-results", "--db", self.db, "--als", out, "--json"]))
        self.assertEqual((imported["users_matched"], imported["users_unknown"]), (GROUPS * USERS_PER_GROUP, 0))
        self.assertEqual((imported["items_matched"], imported["items_unknown"]), (GROUPS * ITEMS_PER_GROUP, 0))
        names = sorted(items)
        matrix = np.stack([items[n] for n in names])
        worst_sum_gap = 0.0
        for user in self.sampled:
            answer = json.loads(run([ARGS.cli, "recommend", "--db", self.db, "--user", user, "--recommender", "als_imported", "--k", "10",
                                     "--explain", "10", "--json", "--quiet"]))
            scores = {names[j]: float(s) for j, s in enumerate(matrix @ users[user])}
            unseen = sorted((s for n, s in scores.items() if n not in self.seen[user]), reverse=True)
            results = answer["results"]
            self.assertEqual(len(results), 10)
            for r in results:
                # Each score is the factors' own, and nothing unseen scores above the 10th.
                self.assertAlmostEqual(r["score"], scores[r["item"]], delta=1e-4)
                self.assertNotIn(r["item"], self.seen[user])
                self.assertGreaterEqual(r["score"], unseen[10] - 1e-4)
                # With the whole history explained, the contributions add up to the score (Hu et al.'s
                # decomposition with MLlib's regularisation, λ times the customer's number of pairs).
                self.assertEqual(len(r["because"]), 10)
                gap = abs(sum(b["contribution"] for b in r["because"]) - r["score"])
                worst_sum_gap = max(worst_sum_gap, gap)
                self.assertLess(gap, 2e-3 + 2e-3 * abs(r["score"]), f"{user} {r['item']}")
        print(f"imported factors: served top 10s equal the factors' own; explanations add up to the score within {worst_sum_gap:.2e}",
              file=sys.stderr)

        # Trained on every event, the factors have seen any temporal split's test period.
        times = sorted(int(r.ts) for r in read_table(self.spark, self.export, "events").select("ts").collect())
        cutoff = times[int(len(times) * 0.8)]
        iso = datetime.datetime.fromtimestamp(cutoff, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        evaluate = [ARGS.cli, "evaluate", "--db", self.db, "--split", "temporal", "--cutoff", iso, "--no-store", "--json",
                    "--quiet", "--param", f"als.factors={FACTORS}", "--param", f"als.regularization={REGULARIZATION}"]
        refused = subprocess.run(evaluate + ["--recommenders", "als_imported"], capture_output=True, text=True)
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("--before " + str(cutoff), refused.stderr)
        # Trained before the cut-off, they are evaluated beside ShelfSense's own ALS.
        before = self.train_mllib("before-cutoff", before=cutoff)
        run([ARGS.cli, "import-results", "--db", self.db, "--als", before, "--json"])
        report = json.loads(run(evaluate + ["--recommenders", "popularity,als,als_imported"]))
        recall = {r["recommender"]: r["metrics"]["recall@10"] for r in report["runs"]}
        print(f"evaluation at {iso}: recall@10 " + ", ".join(f"{k} {v:.3f}" for k, v in recall.items()), file=sys.stderr)
        self.assertGreater(recall["als_imported"], recall["popularity"])




if __name__ == "__main__":
    ARGS, run_tests = sparktest.main([])
    run_tests()

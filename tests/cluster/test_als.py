#!/usr/bin/env python3
"""cluster/als.py (Spark MLlib, implicit feedback) and ShelfSense's ALS (`shelfsense-cli recommend
--recommender als`) on a matrix with planted structure: four groups of customers who each use only
their group's items (8 factors, regularisation 0.05, 15 iterations for both). Both must recover the
structure: on average at least 95% of a sampled customer's top 10 (unseen items) from their own
group, and at least 80% for every one (25% at random); how much their top 10s overlap is reported.

usage: test_als.py --cli shelfsense-cli   (run by ctest, label "cluster")
"""
import csv
import json
import os
import random
import shutil
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
        events = read_table(self.spark, self.export, "events").selectExpr("user", "item", "behaviour")
        out = als.train(self.spark, events, os.path.join(self.work, "factors"), factors=FACTORS, regularization=REGULARIZATION, iterations=15)
        users = {r.id: np.array(r.features) for r in self.spark.read.parquet(os.path.join(out, "users")).collect()}
        items = {r.id: np.array(r.features) for r in self.spark.read.parquet(os.path.join(out, "items")).collect()}
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




if __name__ == "__main__":
    ARGS, run_tests = sparktest.main([])
    run_tests()

#!/usr/bin/env python3
"""cluster/cohorts.py (Spark SQL) against ShelfSense's cohort engine (`shelfsense-cli cohorts --csv`),
cell for cell — size, count and completeness of every cell — on a hand fixture that crosses both
daylight-saving changes of New York and on a generated sample shop, for both cohort types, both
counting modes, day/week/month periods, a chosen cohort or return behaviour, in three time zones.
Imported into the project (`import-results --cohorts`), Spark's matrix is the engine's: `cohorts
--stored NAME --json` equals `cohorts --json` in every count, base, rate, interval and mean.

usage: test_cohorts.py --cli shelfsense-cli   (run by ctest, label "cluster")
"""
import csv
import io
import json
import os
import shutil
import sys
import tempfile
import unittest

import sparktest  # noqa: E402 (also puts cluster/ on the path)
from sparktest import run  # noqa: E402
import cohorts  # noqa: E402

ARGS = None

# user, item, behaviour, unix time (UTC). Around New York's changes (2024-03-10 07:00 UTC, 2024-11-03
# 06:00 UTC) and month and week ends; customers who return, who do not, and who buy.
FIXTURE = [
    ("a", "i1", "view", 1709960000), ("a", "i2", "purchase", 1710050000), ("a", "i1", "view", 1710100000),
    ("a", "i3", "cart", 1711900000), ("a", "i3", "purchase", 1714500000),
    ("b", "i1", "view", 1710046000), ("b", "i1", "view", 1710049000), ("b", "i2", "favourite", 1712000000),
    ("c", "i2", "purchase", 1711929599), ("c", "i2", "view", 1711929601), ("c", "i4", "view", 1730600000),
    ("d", "i4", "view", 1730590000), ("d", "i4", "purchase", 1730615000), ("d", "i1", "view", 1730700000),
    ("e", "i5", "cart", 1714521600), ("e", "i5", "view", 1717200000), ("e", "i5", "purchase", 1730650000),
    ("f", "i6", "view", 1730639999),
]


class CohortsOnSpark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spark = sparktest.local_spark("shelfsense-cohorts-test")
        cls.work = tempfile.mkdtemp(prefix="ss-cohorts-")
        # The hand fixture, imported as a mapped CSV.
        cls.fixture_db = os.path.join(cls.work, "fixture.shelfsense")
        path = os.path.join(cls.work, "fixture.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["user", "item", "type", "time"])
            w.writerows(FIXTURE)
        run([ARGS.cli, "import", "--db", cls.fixture_db, "--format", "csv", "--map", "user=user", "--map", "item=item",
             "--map", "type=type", "--map", "time=time", path, "--json"])
        # A generated shop.
        cls.sample_db = os.path.join(cls.work, "sample.shelfsense")
        run([ARGS.cli, "sample", "--db", cls.sample_db, "--users", "150", "--items", "40", "--days", "75", "--seed", "9", "--json"])
        cls.events = {}
        for name, db in (("fixture", cls.fixture_db), ("sample", cls.sample_db)):
            out = os.path.join(cls.work, name + "-export")
            run([ARGS.cli, "export", "--db", db, "--to", out, "--quiet"])
            cls.events[name] = cohorts.read_events(cls.spark, out)[0].cache()

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    def engine_command(self, data, zone, period, mode, cohort_type, cohort_event, return_events, output):
        """`shelfsense-cli cohorts` with the same definition, writing --csv or --json."""
        db = self.fixture_db if data == "fixture" else self.sample_db
        command = [ARGS.cli, "cohorts", "--db", db, "--period", period, "--mode", mode, "--cohort-type", cohort_type,
                   "--timezone", zone, output]
        if cohort_event:
            command += ["--cohort-event", cohort_event]
        if return_events:
            command += ["--return-event", ",".join(return_events)]
        return command

    def compare(self, data, zone, period, mode, cohort_type, cohort_event=None, return_events=None):
        command = self.engine_command(data, zone, period, mode, cohort_type, cohort_event, return_events, "--csv")
        engine = {(r["cohort"], int(r["column"])): (int(r["size"]), int(r["count"]), r["complete"] == "true")
                  for r in csv.DictReader(io.StringIO(run(command))) if r["cohort"] != "mean"}  # the mean row is the engine's own
        spark = {(r.cohort, r.column): (r.size, r["count"], r.complete)
                 for r in cohorts.cohort_cells(self.spark, self.events[data], period, mode, cohort_type, cohort_event, return_events,
                                               zone).collect()}
        label = f"{data} {zone} {period} {mode} {cohort_type} {cohort_event or 'any'} {return_events or 'any'}"
        self.assertTrue(engine, label + ": the engine gave no cells")
        self.assertEqual(sorted(spark), sorted(engine), label + ": different cells")
        for key in engine:
            self.assertEqual(spark[key], engine[key], f"{label}: cohort {key[0]}, column {key[1]}")
        return len(engine)

    def test_hand_fixture_across_daylight_saving(self):
        cells = 0
        for zone in ("UTC", "America/New_York", "Asia/Shanghai"):
            for period in ("day", "week", "month"):
                for mode in ("on", "on-or-after"):
                    for cohort_type in ("first-time", "recurring"):
                        cells += self.compare("fixture", zone, period, mode, cohort_type)
        print(f"fixture: {cells} cells equal", file=sys.stderr)

    def test_generated_shop(self):
        cells = 0
        for period in ("week", "month"):
            for mode in ("on", "on-or-after"):
                for cohort_type in ("first-time", "recurring"):
                    cells += self.compare("sample", "Asia/Shanghai", period, mode, cohort_type)
        cells += self.compare("sample", "Europe/Berlin", "day", "on", "first-time", cohort_event="purchase")
        cells += self.compare("sample", "UTC", "week", "on-or-after", "first-time", return_events=["purchase", "cart"])
        print(f"sample shop: {cells} cells equal", file=sys.stderr)

    def test_imported_matrix_is_the_engines(self):
        cases = [("fixture", "America/New_York", "week", "on", "first-time", None, None),
                 ("sample", "Asia/Shanghai", "month", "on-or-after", "recurring", None, None),
                 ("sample", "UTC", "week", "on", "first-time", "purchase", ["purchase", "cart"])]
        for n, (data, zone, period, mode, cohort_type, cohort_event, return_events) in enumerate(cases):
            db = self.fixture_db if data == "fixture" else self.sample_db
            out = os.path.join(self.work, f"spark-{n}.csv")
            cells = cohorts.cohort_cells(self.spark, self.events[data], period, mode, cohort_type, cohort_event, return_events, zone)
            cohorts.write_result(self.spark, cells, out, period, mode, cohort_type, cohort_event, return_events, zone)
            name = f"spark {n}"
            imported = json.loads(run([ARGS.cli, "import-results", "--db", db, "--cohorts", out, "--name", name, "--json"]))
            self.assertEqual(imported["engine"], "spark-sql")
            stored = json.loads(run([ARGS.cli, "cohorts", "--db", db, "--stored", name, "--json"]))
            engine = json.loads(run(self.engine_command(data, zone, period, mode, cohort_type, cohort_event, return_events, "--json")))
            label = f"{data} {zone} {period} {mode} {cohort_type}"
            self.assertEqual(stored["stored"]["engine"], "spark-sql", label)
            # Purchases and revenue per customer are the engine's alone (the job counts customers).
            for matrix in (stored, engine):
                for row in matrix["cohorts"] + [matrix["mean"]]:
                    row.pop("purchases_per_customer", None)
                    row.pop("revenue_per_customer", None)
                matrix.pop("has_revenue", None)
            stored.pop("stored")
            self.assertEqual(stored, engine, label)
        listed = json.loads(run([ARGS.cli, "cohorts", "--db", self.sample_db, "--list-stored", "--json"]))["stored"]
        self.assertEqual([m["name"] for m in listed], ["spark 1", "spark 2"])
        print(f"{len(cases)} imported matrices equal the engine's", file=sys.stderr)




if __name__ == "__main__":
    ARGS, run_tests = sparktest.main([])
    run_tests()

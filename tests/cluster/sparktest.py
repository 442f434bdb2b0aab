"""Shared by the cluster tests: a local Spark session (local[2], quiet), running shelfsense-cli, and
the command line every test script takes."""
import argparse
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "cluster"))


def local_spark(name):
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' Python workers use this environment too
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").appName(name)
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(command, stdin=None):
    """A command's stdout; its stderr in the failure when it exits non-zero."""
    done = subprocess.run(command, input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def main(options):
    """Parses --cli (and the options named, each required) into the returned namespace, then runs the tests."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    for name in options:
        ap.add_argument("--" + name, required=True)
    args, rest = ap.parse_known_args()
    return args, lambda: unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)

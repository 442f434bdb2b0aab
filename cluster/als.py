#!/usr/bin/env python3
"""ALS with implicit feedback on Spark MLlib, weighted as ShelfSense's ALS (core/rec/Als.h).

Each (customer, item) pair's weight is the sum of its events' behaviour weights (default view=1,
cart=3, favourite=2, purchase=5, as `shelfsense-cli evaluate`); MLlib's implicit ALS then gives the
pair preference 1 and confidence 1 + alpha·weight, as ShelfSense does. One difference: MLlib scales
the regularisation of each least-squares problem by the number of the customer's (or item's) pairs.
A checkpoint folder is set so that long lineages of iterations do not overflow the stack.

The factors are written as JSON Lines part files ({"id": string, "features": [floats]}) under
OUT/users and OUT/items, keyed by the shop's own customer and item ids, with OUT/model.json stating
the parameters and the newest event time trained on (trained_until, unix seconds).
`shelfsense-cli import-results --db F --als OUT` brings them into the project as the recommender
"als_imported". With --before T only the events before T (unix seconds) train them, so that an
evaluation whose temporal split cuts at T can score them on what they have not seen.

usage: spark-submit cluster/als.py --export DIR --out DIR [--factors 64] [--regularization 0.01]
           [--alpha 1] [--iterations 15] [--weights view=1,cart=3,favourite=2,purchase=5] [--seed 1]
           [--before UNIX_SECONDS]
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

DEFAULT_WEIGHTS = {"view": 1.0, "cart": 3.0, "favourite": 2.0, "purchase": 5.0}


def parse_weights(text):
    weights = dict(DEFAULT_WEIGHTS)
    for part in filter(None, (text or "").split(",")):
        name, _, value = part.partition("=")
        if name not in weights:
            raise ValueError(f"unknown behaviour '{name}' in --weights")
        weights[name] = float(value)
    return weights


def parse_time(text):
    """Unix seconds, or an ISO date or date-time (UTC unless it names an offset), as unix seconds."""
    import datetime
    try:
        return int(text)
    except ValueError:
        pass
    try:
        t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is neither unix seconds nor an ISO date-time")
    if t.tzinfo is None:
        t = t.replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp())


def pair_weights(spark, events, weights):
    """events (user, item, behaviour, ...) → (user, item, weight, u, i) with dense integer indexes u, i."""
    from pyspark.sql import functions as F
    case = F.lit(0.0)
    for name, w in weights.items():
        case = F.when(F.col("behaviour") == name, F.lit(w)).otherwise(case)
    pairs = events.withColumn("w", case).groupBy("user", "item").agg(F.sum("w").alias("weight")).where("weight > 0")
    users = pairs.select("user").distinct().rdd.map(lambda r: r[0]).zipWithIndex().toDF(["user", "u"])
    items = pairs.select("item").distinct().rdd.map(lambda r: r[0]).zipWithIndex().toDF(["item", "i"])
    return pairs.join(users, "user").join(items, "item")


def train(spark, events, out, factors=64, regularization=0.01, alpha=1.0, iterations=15, weights=None, seed=1, checkpoint_dir=None,
          before=None):
    """events: (user, item, behaviour, ts) with ts in unix seconds (the export's columns)."""
    from pyspark.ml.recommendation import ALS
    from pyspark.sql import functions as F
    weights = weights or dict(DEFAULT_WEIGHTS)
    events = events.withColumn("ts", F.col("ts").cast("long"))
    if before is not None:
        events = events.where(F.col("ts") < F.lit(int(before)))
    trained_until = events.agg(F.max("ts")).first()[0]
    if trained_until is None:
        raise SystemExit("no events to train on" + (f" before {before}" if before is not None else ""))
    own_checkpoints = checkpoint_dir is None
    checkpoint_dir = checkpoint_dir or tempfile.mkdtemp(prefix="ss-als-checkpoints-")
    spark.sparkContext.setCheckpointDir(checkpoint_dir)
    try:
        pairs = pair_weights(spark, events, weights).cache()
        als = ALS(rank=factors, regParam=regularization, alpha=alpha, maxIter=iterations, implicitPrefs=True,
                  userCol="u", itemCol="i", ratingCol="weight", seed=seed, checkpointInterval=5, nonnegative=False)
        model = als.fit(pairs)
        users = pairs.select("user", "u").distinct()
        items = pairs.select("item", "i").distinct()
        if os.path.exists(out):
            shutil.rmtree(out)
        os.makedirs(out)
        (model.userFactors.join(users, model.userFactors.id == users.u)
         .selectExpr("user AS id", "features").write.json(os.path.join(out, "users")))
        (model.itemFactors.join(items, model.itemFactors.id == items.i)
         .selectExpr("item AS id", "features").write.json(os.path.join(out, "items")))
        with open(os.path.join(out, "model.json"), "w", encoding="utf-8") as f:
            json.dump({"recommender": "als", "engine": "spark-mllib", "factors": factors, "regularization": regularization,
                       "alpha": alpha, "iterations": iterations, "weights": weights, "seed": seed,
                       "confidence": "1 + alpha * weight", "regularization_scaled_by_pairs": True,
                       "trained_until": int(trained_until), "before": before}, f, indent=1)
        pairs.unpersist()
        return out
    finally:
        if own_checkpoints:
            shutil.rmtree(checkpoint_dir, ignore_errors=True)


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from export import read_table
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--factors", type=int, default=64)
    ap.add_argument("--regularization", type=float, default=0.01)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--iterations", type=int, default=15)
    ap.add_argument("--weights", default="")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--checkpoint-dir", default=None)
    ap.add_argument("--before", type=parse_time, default=None,
                    help="train on the events before this time: unix seconds or an ISO date-time (UTC unless it says)")
    args = ap.parse_args()
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("shelfsense-als").getOrCreate()
    try:
        events = read_table(spark, args.export, "events").selectExpr("CAST(user AS STRING) AS user", "CAST(item AS STRING) AS item",
                                                                     "behaviour", "ts")
        train(spark, events, args.out, args.factors, args.regularization, args.alpha, args.iterations, parse_weights(args.weights),
              args.seed, args.checkpoint_dir, args.before)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""ALS with implicit feedback on Spark MLlib, weighted as ShelfSense's ALS (core/rec/Als.h).

Each (customer, item) pair's weight is the sum of its events' behaviour weights (default view=1,
cart=3, favourite=2, purchase=5, as `shelfsense-cli evaluate`); MLlib's implicit ALS then gives the
pair preference 1 and confidence 1 + alpha·weight, as ShelfSense does. One difference: MLlib scales
the regularisation of each least-squares problem by the number of the customer's (or item's) pairs.
A checkpoint folder is set so that long lineages of iterations do not overflow the stack.

The factors are written as Parquet (id string, features array<float>) under OUT/users and OUT/items,
with OUT/model.json stating the parameters, keyed by the shop's own customer and item ids.

usage: spark-submit cluster/als.py --export DIR --out DIR [--factors 64] [--regularization 0.01]
           [--alpha 1] [--iterations 15] [--weights view=1,cart=3,favourite=2,purchase=5] [--seed 1]
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


def train(spark, events, out, factors=64, regularization=0.01, alpha=1.0, iterations=15, weights=None, seed=1, checkpoint_dir=None):
    from pyspark.ml.recommendation import ALS
    weights = weights or dict(DEFAULT_WEIGHTS)
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
         .selectExpr("user AS id", "features").write.parquet(os.path.join(out, "users")))
        (model.itemFactors.join(items, model.itemFactors.id == items.i)
         .selectExpr("item AS id", "features").write.parquet(os.path.join(out, "items")))
        with open(os.path.join(out, "model.json"), "w", encoding="utf-8") as f:
            json.dump({"recommender": "als", "engine": "spark-mllib", "factors": factors, "regularization": regularization,
                       "alpha": alpha, "iterations": iterations, "weights": weights, "seed": seed,
                       "confidence": "1 + alpha * weight", "regularization_scaled_by_pairs": True}, f, indent=1)
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
    args = ap.parse_args()
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("shelfsense-als").getOrCreate()
    try:
        events = read_table(spark, args.export, "events").selectExpr("CAST(user AS STRING) AS user", "CAST(item AS STRING) AS item", "behaviour")
        train(spark, events, args.out, args.factors, args.regularization, args.alpha, args.iterations, parse_weights(args.weights),
              args.seed, args.checkpoint_dir)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())

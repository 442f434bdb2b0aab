#!/usr/bin/env python3
"""Encode a ShelfSense export's items or reviews on Spark with ShelfSense's own encoder.

Each partition streams its records through one `shelfsense-cli embed --jsonl` process (the model is
loaded once per partition); the vectors are written as Parquet (id, vector array<float>), or as
JSON Lines that `shelfsense-cli import-results` reads. The text encoded is the export's `text`
column: exactly what the workbench encodes. Called through mapInPandas, so a failing command fails
the task (RDD.pipe would ignore its exit status).

usage: spark-submit cluster/encode.py --export DIR --target items|reviews --out DIR
           [--cli PATH] [--model DIR] [--partitions N] [--device auto|cpu|cuda] [--format parquet|jsonl]
GPU executors: run with a resource profile (spark.executor.resource.gpu.amount=1 and a discovery
script); the command sees the GPU Spark assigns through CUDA_VISIBLE_DEVICES.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import threading

import numpy as np
import pandas as pd


def embed_partitions(cli, model, device, batch_size):
    """A mapInPandas function: the partition's (id, text) rows in, (id, vector) rows out."""

    def run(frames):
        command = [cli, "embed", "--jsonl", "--vector-format", "base64", "--quiet", "--device", device]
        if model:
            command += ["--model", model]
        if batch_size:
            command += ["--batch-size", str(batch_size)]
        env = dict(os.environ)
        gpus = _assigned_gpus()
        if gpus is not None:
            env["CUDA_VISIBLE_DEVICES"] = gpus
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        errors = []
        stderr_lines = []

        # Input is written on a thread while output is read here, so neither pipe can fill up and block.
        def feed():
            try:
                for frame in frames:
                    # A missing text goes as null: the command refuses it, naming the record.
                    lines = [json.dumps({"id": str(i), "text": None if t is None or t != t else str(t)}, ensure_ascii=False)
                             for i, t in zip(frame["id"], frame["text"])]
                    if lines:
                        proc.stdin.write(("\n".join(lines) + "\n").encode("utf-8"))
            except BrokenPipeError:
                pass  # the command stopped; its exit status says why
            except Exception as e:  # noqa: BLE001 - reported below, with the command's own message
                errors.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        def drain():
            stderr_lines.extend(proc.stderr.read().decode("utf-8", "replace").splitlines())

        writer = threading.Thread(target=feed, daemon=True)
        reader = threading.Thread(target=drain, daemon=True)
        writer.start()
        reader.start()
        ids, vectors = [], []
        for line in proc.stdout:
            record = json.loads(line)
            ids.append(record["id"])
            vectors.append(np.frombuffer(base64.b64decode(record["vector"]), dtype="<f4").astype(np.float32))
            if len(ids) == 4096:
                yield pd.DataFrame({"id": ids, "vector": vectors})
                ids, vectors = [], []
        writer.join()
        status = proc.wait()
        reader.join()
        if status != 0 or errors:
            detail = "\n".join(stderr_lines[-5:]) or (str(errors[0]) if errors else "")
            raise RuntimeError(f"shelfsense-cli embed failed with exit status {status}: {detail}")
        if ids:
            yield pd.DataFrame({"id": ids, "vector": vectors})

    return run


def _assigned_gpus():
    """The GPU addresses Spark assigned to this task, as CUDA_VISIBLE_DEVICES wants them (None off GPU)."""
    try:
        from pyspark import TaskContext
        context = TaskContext.get()
        if context is None or "gpu" not in context.resources():
            return None
        return ",".join(context.resources()["gpu"].addresses)
    except Exception:  # noqa: BLE001 - no task context (driver-side tests): leave the environment as it is
        return None


def embed_dataframe(spark, rows, cli, model=None, device="auto", batch_size=None):
    """(id string, text string) rows → (id string, vector array<float>), each partition through the CLI."""
    # The executors' Python workers import this module to run embed_partitions.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    return rows.mapInPandas(embed_partitions(cli, model, device, batch_size), schema="id string, vector array<float>")


def encode(spark, export_dir, target, out, cli, model=None, partitions=None, device="auto", fmt="parquet", batch_size=None):
    from export import read_table  # driver only: the executors import this module without it
    key = "item" if target == "items" else "review"
    rows = read_table(spark, export_dir, target).selectExpr(f"CAST({key} AS STRING) AS id", "text")
    if partitions:
        rows = rows.repartition(partitions)
    vectors = embed_dataframe(spark, rows, cli, model, device, batch_size)
    if os.path.exists(out):
        shutil.rmtree(out)
    if fmt == "parquet":
        vectors.write.parquet(out)
    else:
        vectors.selectExpr("id", "vector").write.json(out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export", required=True, help="a folder written by shelfsense-cli export")
    ap.add_argument("--target", choices=["items", "reviews"], required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cli", default=shutil.which("shelfsense-cli") or "shelfsense-cli")
    ap.add_argument("--model", default=None)
    ap.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    args = ap.parse_args()
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("shelfsense-encode").getOrCreate()
    try:
        encode(spark, args.export, args.target, args.out, os.path.abspath(args.cli), args.model, args.partitions, args.device,
               args.format, args.batch_size)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())

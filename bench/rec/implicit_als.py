#!/usr/bin/env python3
"""Peer for the ALS timing: the `implicit` library's CPU ALS (conjugate gradient, 3 steps) on the same
confidence matrix ShelfSense trains on (exported by `ss-bench-rec als-time --export FILE` as
"users items nnz" then "user item confidence" lines; confidence = 1 + alpha * weight, passed with
alpha = 1 so both minimise the same objective). Prints JSON: median seconds per iteration.
Usage: implicit_als.py FILE --threads N [--factors 64] [--iterations 10] [--regularization 0.01]"""
import argparse, json, os, sys, time

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--factors", type=int, default=64)
parser.add_argument("--iterations", type=int, default=10)
parser.add_argument("--regularization", type=float, default=0.01)
args = parser.parse_args()
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # implicit asks for single-threaded BLAS

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits
import implicit
from implicit.cpu.als import AlternatingLeastSquares

with open(args.file) as f:
    rows, cols, nnz = map(int, f.readline().split())
    data = np.loadtxt(f, dtype=np.float64).reshape(-1, 3)
matrix = sp.csr_matrix((data[:, 2].astype(np.float32), (data[:, 0].astype(np.int32), data[:, 1].astype(np.int32))), shape=(rows, cols))

times = []
last = [None]


def callback(iteration, elapsed, loss):
    times.append(elapsed)


with threadpool_limits(limits=1, user_api="blas"):
    model = AlternatingLeastSquares(factors=args.factors, regularization=args.regularization, alpha=1.0, iterations=args.iterations,
                                    use_cg=True, num_threads=args.threads, random_state=42, calculate_training_loss=False)
    start = time.perf_counter()
    model.fit(matrix, show_progress=False, callback=callback)
    total = time.perf_counter() - start

# The callback's `elapsed` is the time of that iteration (implicit measures each iteration separately).
per = sorted(times)
print(json.dumps({"library": "implicit " + implicit.__version__, "users": rows, "items": cols, "nnz": int(matrix.nnz),
                  "factors": args.factors, "iterations": args.iterations, "threads": args.threads,
                  "median_seconds_per_iteration": per[len(per) // 2] if per else None, "total_seconds": total}))

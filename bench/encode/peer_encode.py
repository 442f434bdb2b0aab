#!/usr/bin/env python3
"""Peer side of the encoding benchmark: sentence-transformers on the same texts, threads and batch.
Writes vectors (float32, .npy) and prints a JSON line with timings."""
import argparse, json, os, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--model", required=True)
ap.add_argument("--input", required=True)
ap.add_argument("--threads", type=int, required=True)
ap.add_argument("--batch-size", type=int, required=True)
ap.add_argument("--out", required=True)
args = ap.parse_args()

import numpy as np
import torch
torch.set_num_threads(args.threads)
from sentence_transformers import SentenceTransformer

texts = open(args.input, encoding="utf-8").read().split("\n")
if texts and texts[-1] == "":
    texts.pop()
t0 = time.perf_counter()
model = SentenceTransformer(args.model, device="cpu")
t1 = time.perf_counter()
with torch.inference_mode():
    vectors = model.encode(texts, batch_size=args.batch_size, convert_to_numpy=True, show_progress_bar=False)
t2 = time.perf_counter()
np.save(args.out, vectors.astype(np.float32))
tokens = sum(len(model.tokenizer(t, truncation=True, max_length=model.max_seq_length)["input_ids"]) for t in texts)
print(json.dumps({"load_seconds": t1 - t0, "encode_seconds": t2 - t1, "texts": len(texts), "tokens": tokens,
                  "torch": torch.__version__, "threads": torch.get_num_threads()}))

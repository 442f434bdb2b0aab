#!/usr/bin/env python3
"""ONNX Runtime side of the encoding benchmark: the exported model (bench/peers/export_onnx.py) on the
same texts, threads and batch size, with the Hugging Face fast tokenizer, length-sorted batches and the
model's own pooling (mean over real tokens, L2-normalised, as all-MiniLM-L6-v2 defines). Writes
vectors (float32, .npy) and prints a JSON line with timings."""
import argparse, json, time

ap = argparse.ArgumentParser()
ap.add_argument("--model", required=True, help="the model folder (tokenizer files)")
ap.add_argument("--onnx", required=True)
ap.add_argument("--input", required=True)
ap.add_argument("--threads", type=int, required=True)
ap.add_argument("--batch-size", type=int, required=True)
ap.add_argument("--max-length", type=int, default=256)
ap.add_argument("--out", required=True)
args = ap.parse_args()

import numpy as np
import onnxruntime as ort
from transformers import AutoTokenizer

texts = open(args.input, encoding="utf-8").read().split("\n")
if texts and texts[-1] == "":
    texts.pop()
t0 = time.perf_counter()
options = ort.SessionOptions()
options.intra_op_num_threads = args.threads
options.inter_op_num_threads = 1
options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
session = ort.InferenceSession(args.onnx, options, providers=["CPUExecutionProvider"])
tokenizer = AutoTokenizer.from_pretrained(args.model)
inputs = {i.name for i in session.get_inputs()}
t1 = time.perf_counter()

encoded = tokenizer(texts, truncation=True, max_length=args.max_length)["input_ids"]
order = sorted(range(len(texts)), key=lambda i: -len(encoded[i]))
vectors = np.zeros((len(texts), session.get_outputs()[0].shape[-1] or 384), dtype=np.float32)
for start in range(0, len(order), args.batch_size):
    batch = order[start:start + args.batch_size]
    length = max(len(encoded[i]) for i in batch)
    ids = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.int64)
    for row, i in enumerate(batch):
        ids[row, :len(encoded[i])] = encoded[i]
        mask[row, :len(encoded[i])] = 1
    feed = {"input_ids": ids, "attention_mask": mask}
    if "token_type_ids" in inputs:
        feed["token_type_ids"] = np.zeros_like(ids)
    hidden = session.run(None, feed)[0]
    m = mask[:, :, None].astype(np.float32)
    pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    vectors[batch] = pooled
t2 = time.perf_counter()
np.save(args.out, vectors)
print(json.dumps({"load_seconds": t1 - t0, "encode_seconds": t2 - t1, "texts": len(texts),
                  "tokens": int(sum(len(e) for e in encoded)), "onnxruntime": ort.__version__,
                  "threads": args.threads}))

#!/usr/bin/env python3
"""Exports a BERT-family sentence encoder to ONNX for the encoding benchmark's ONNX Runtime peers:
fp32 (torch.onnx.export, opset 17, dynamic batch and length) and int8 (onnxruntime's dynamic
quantisation: int8 weights per channel, activations quantised at run time). Benchmark-only.
Usage: export_onnx.py --model DIR --out DIR   (writes model-fp32.onnx and model-int8.onnx)"""
import argparse, os

ap = argparse.ArgumentParser()
ap.add_argument("--model", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--opset", type=int, default=17)
args = ap.parse_args()

import torch
from transformers import AutoModel, AutoTokenizer
from onnxruntime.quantization import QuantType, quantize_dynamic

os.makedirs(args.out, exist_ok=True)
fp32 = os.path.join(args.out, "model-fp32.onnx")
int8 = os.path.join(args.out, "model-int8.onnx")
if not os.path.exists(fp32):
    model = AutoModel.from_pretrained(args.model).eval()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    sample = tokenizer(["an example sentence", "another one, a little longer than the first"], padding=True,
                       return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "length"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "length"}
    class Encoder(torch.nn.Module):  # explicit inputs: transformers' forward() takes many keyword arguments
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    with torch.no_grad():
        torch.onnx.export(Encoder(model), tuple(sample[n] for n in names), fp32, input_names=names,
                          output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=args.opset,
                          do_constant_folding=True, dynamo=False)
if not os.path.exists(int8):
    quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8, per_channel=True)
print(fp32)
print(int8)

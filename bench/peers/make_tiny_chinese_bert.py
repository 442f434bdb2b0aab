#!/usr/bin/env python3
"""A tiny random-weight BERT sentence encoder with a Chinese character vocabulary, for tests:
tests/data/model/tiny-chinese-bert/ (a sentence-transformers folder, bge-style: CLS pooling and
normalisation) and tests/data/model/tiny_chinese_golden.jsonl (sentence-transformers' vectors for a
few texts, with that pooling and with mean pooling as text2vec-style models use — the test makes the
mean-pooling folder by rewriting 1_Pooling/config.json and modules.json).

The weights are random (seeded): the fixture proves the path (install, coverage, encode, search,
similar items, both poolings), not the quality. The vocabulary: special tokens, ASCII, CJK
punctuation and every Chinese character of the sample shop's vocabulary
(core/sample/SampleVocabulary.cpp) and of tests/data/tokenizer/zh/vocab.txt, each also as a "##"
continuation. Nothing is downloaded.
Usage: ~/.cache/shelfsense/peers-venv/bin/python bench/peers/make_tiny_chinese_bert.py
"""
import json
import os
import re
import shutil
import string
import sys
import tempfile

import torch
from sentence_transformers import SentenceTransformer, models
from transformers import BertConfig, BertModel, BertTokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_chinese_tokenizer_golden import VocabularyBuilder  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "data", "model", "tiny-chinese-bert")
GOLDEN = os.path.join(ROOT, "tests", "data", "model", "tiny_chinese_golden.jsonl")
TEXTS = ["意式咖啡机", "无线降噪耳机", "这个手机质量很差，电池不耐用", "Aurora portable bluetooth speaker | 极光便携蓝牙音箱",
         "绿茶 乌龙茶 普洱茶", "", "5G智能手机 65W快充", "婴儿纸尿裤 超薄透气"]


def vocabulary():
    builder = VocabularyBuilder()
    add = builder.add
    for c in string.ascii_lowercase + string.digits + string.punctuation:
        add(c)
        add("##" + c)
    chars = set()
    src = open(os.path.join(ROOT, "core", "sample", "SampleVocabulary.cpp"), encoding="utf-8").read()
    for s in re.findall(r'"([^"]*)"', src):
        chars.update(c for c in s if ord(c) > 127)
    for line in open(os.path.join(ROOT, "tests", "data", "tokenizer", "zh", "vocab.txt"), encoding="utf-8"):
        chars.update(c for c in line.strip().removeprefix("##") if ord(c) > 127)
    for c in sorted(chars):
        add(c)
        add("##" + c)
    return builder.tokens


def main():
    torch.manual_seed(20261203)
    work = tempfile.mkdtemp()
    try:
        base = os.path.join(work, "base")
        os.makedirs(base)
        with open(os.path.join(base, "vocab.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(vocabulary()) + "\n")
        tokenizer = BertTokenizer(os.path.join(base, "vocab.txt"), do_lower_case=True, tokenize_chinese_chars=True,
                                  model_max_length=64)
        config = BertConfig(vocab_size=len(tokenizer.vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                            intermediate_size=64, max_position_embeddings=64, type_vocab_size=2)
        BertModel(config).eval().save_pretrained(base, safe_serialization=True)
        tokenizer.save_pretrained(base)

        transformer = models.Transformer(base, max_seq_length=64)
        dim = transformer.get_word_embedding_dimension()
        cls = SentenceTransformer(modules=[transformer, models.Pooling(dim, pooling_mode="cls"), models.Normalize()], device="cpu")
        if os.path.exists(OUT):
            shutil.rmtree(OUT)
        cls.save(OUT)
        # Hugging Face BERT folders carry vocab.txt (our tokenizer reads it); transformers 5 saves only tokenizer.json.
        shutil.copy(os.path.join(base, "vocab.txt"), os.path.join(OUT, "vocab.txt"))
        os.remove(os.path.join(OUT, "README.md"))
        for d, _, files in os.walk(OUT):
            for n in files:
                os.chmod(os.path.join(d, n), 0o644)
        mean = SentenceTransformer(modules=[models.Transformer(base, max_seq_length=64), models.Pooling(dim, pooling_mode="mean")],
                                   device="cpu")
        lines = []
        for pooling, model in (("cls", cls), ("mean", mean)):
            vectors = model.encode(TEXTS, convert_to_numpy=True, normalize_embeddings=False)
            for text, v in zip(TEXTS, vectors):
                lines.append(json.dumps({"pooling": pooling, "text": text, "vector": [float(x) for x in v]}, ensure_ascii=False))
        with open(GOLDEN, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    finally:
        shutil.rmtree(work)
    size = sum(os.path.getsize(os.path.join(d, n)) for d, _, files in os.walk(OUT) for n in files)
    print(f"{OUT}: {size} bytes, vocabulary {len(vocabulary())}; {GOLDEN}: {len(lines)} vectors", file=sys.stderr)


if __name__ == "__main__":
    main()

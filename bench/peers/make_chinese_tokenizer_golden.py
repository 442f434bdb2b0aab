#!/usr/bin/env python3
"""Golden tokenization with a Chinese-vocabulary BERT tokenizer (bert-base-chinese style), made by
Hugging Face's BertTokenizer (the slow, pure-Python reference) from a vocabulary written here — no
download, nothing copied from a model.

The vocabulary: the special tokens, ASCII letters, digits and punctuation, the full-width forms and
CJK punctuation, every Chinese character of the test strings except a few left out on purpose (so
[UNK] is exercised), "##" continuations of letters and digits, and some whole English words and
word pieces (so word-piece splitting of mixed text is exercised). Cased entries ("iPhone", "GB") only
match when the tokenizer keeps case.

Writes tests/data/tokenizer/zh/vocab.txt and tests/data/tokenizer/golden_zh.jsonl; each line:
{"config": tokenizer_config.json options, "text", "tokens", "ids"} for every string under every
configuration (lower-cased like bert-base-chinese; cased; Chinese characters not split apart;
accents kept while lower-casing).
Usage: ~/.cache/shelfsense/peers-venv/bin/python bench/peers/make_chinese_tokenizer_golden.py
"""
import json
import os
import string
import sys

from transformers import BertTokenizer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "data", "tokenizer")

STRINGS = [
    "这个手机质量很差，电池不耐用，客服态度也不好",
    "小米手环8 NFC版 智能运动手环 血氧监测 长续航",
    "华为 HUAWEI Mate 60 Pro 12GB+512GB 雅丹黑",
    "三只松鼠坚果大礼包1500g/8袋 每日坚果零食",
    "质量很好，物流很快，包装也很严实，五星好评！",
    "Ａｐｐｌｅ　ｉＰｈｏｎｅ　１５（全网通）",  # full-width letters, digits, space and brackets
    "iPhone 15 Pro Max 256GB 原色钛金属",
    "【官方旗舰店】意式咖啡机 家用 小型 全自动",
    "无线降噪耳机 wireless earbuds 蓝牙5.3",
    "Café au lait 咖啡 résumé naïve",
    "衣服尺码偏小，建议买大一号。颜色很正，没有色差。",
    "“双十一”大促：满300减50！！！",
    "婴儿纸尿裤 L码 100片 超薄透气",
    "𠮷野家 牛肉饭",  # a character outside the Basic Multilingual Plane
    "洗发水 500ml×2瓶 去屑止痒",
    "日本語のテキストと한국어 텍스트",  # kana and hangul are not "Chinese characters" to BERT
    "",
    "   ",
    "Ⅻ号 ① ② ③ 〇",
    "UNKNOWN繁體字測試",
]

# Left out of the vocabulary so that [UNK] appears (a model never knows every character).
MISSING = set("鼠礼氧严測試體繁𠮷")

WORDS = ["iphone", "iPhone", "pro", "Pro", "max", "mate", "nfc", "NFC", "gb", "GB", "ml", "wireless", "earbuds",
         "ear", "##buds", "wire", "##less", "cafe", "café", "au", "lait", "resume", "naive", "huawei", "hua", "##wei",
         "apple", "unknown", "un", "##known", "l"]

CONFIGS = [
    {"do_lower_case": True, "tokenize_chinese_chars": True},
    {"do_lower_case": False, "tokenize_chinese_chars": True},
    {"do_lower_case": True, "tokenize_chinese_chars": False},
    {"do_lower_case": True, "tokenize_chinese_chars": True, "strip_accents": False},
]


class VocabularyBuilder:
    """BERT special tokens first, then tokens in the order added, each once (also used by make_tiny_chinese_bert.py)."""

    def __init__(self):
        self.tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        self.seen = set(self.tokens)

    def add(self, token):
        if token not in self.seen:
            self.seen.add(token)
            self.tokens.append(token)


def vocabulary():
    builder = VocabularyBuilder()
    add = builder.add
    for c in string.ascii_letters + string.digits + string.punctuation:
        add(c)
    for c in string.ascii_lowercase + string.digits:
        add("##" + c)
    for c in "，。！？：；“”‘’（）【】《》、…×～０１２３４５６７８９":
        add(c)
    for s in STRINGS:
        for c in s:
            if ord(c) > 127 and not c.isspace() and c not in MISSING:
                add(c)
                add("##" + c)
    for w in WORDS:
        add(w)
    return builder.tokens


def main():
    vocab_dir = os.path.join(OUT, "zh")
    os.makedirs(vocab_dir, exist_ok=True)
    vocab_file = os.path.join(vocab_dir, "vocab.txt")
    with open(vocab_file, "w", encoding="utf-8") as f:
        f.write("\n".join(vocabulary()) + "\n")
    lines = []
    for config in CONFIGS:
        tok = BertTokenizer(vocab_file, **config)
        for text in STRINGS:
            lines.append(json.dumps({"config": config, "text": text, "tokens": tok.tokenize(text),
                                     "ids": tok(text)["input_ids"]}, ensure_ascii=False))
    with open(os.path.join(OUT, "golden_zh.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} records, vocabulary of {len(vocabulary())} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()

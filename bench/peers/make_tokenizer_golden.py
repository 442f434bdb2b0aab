#!/usr/bin/env python3
"""Golden BERT tokenization for ShelfSense's tokenizer tests, produced by the Hugging Face peers.

The reference is transformers' pure-Python (slow) BertTokenizer on the installed model folder; every string is
also run through the `tokenizers`-backed fast BertTokenizer and disagreements are reported (the two are known to
differ on a few edge cases, e.g. the Greek final sigma; ShelfSense follows the slow one).

Writes two files under tests/data/tokenizer/:
  golden_own.jsonl     strings written for ShelfSense (below), with text, tokens and ids;
  golden_shared.jsonl  references to strings in ../shared/data, which is research-only and must not be copied
                       into the repository: each line holds where the text is and how to extract it, a short
                       SHA-256 of its UTF-8 bytes (so a test can tell "extracted a different text" from
                       "tokenized it differently"), tokens and ids, but never the text.

Extraction rules (TestTokenizerGoldenShared.cpp implements the same ones):
  kind "jsonl": file split on b"\\n"; `line` is 1-based; text = json.loads(line)[field].
  kind "tsv":   file split on b"\\n"; `line` is 1-based; trailing "\\r" removed; text = line.split("\\t")[column].
  kind "csv":   RFC 4180 records (Python csv module, default dialect); `record` is 1-based, the header row not
                counted; text = row[column].
  kind "zip-csv-tail": member `member` of the zip, split on b"\\n"; `line` is 1-based (the header is line 1);
                trailing "\\r" removed; text = line.split(",", 2)[2] (everything after the second comma, quotes
                and all).
Bytes are decoded as strict UTF-8; texts that are not valid UTF-8 or not JSON strings are never selected.

Per record: tokens = tokenizer.tokenize(text) (no specials, not truncated);
            ids = tokenizer(text, truncation=True, max_length=max_length)["input_ids"] ([CLS] ... [SEP]).

Usage: bench/peers/setup-venv.sh; then
  ~/.cache/shelfsense/peers-venv/bin/python bench/peers/make_tokenizer_golden.py [--model-dir DIR]
      [--shared-data DIR] [--out-dir DIR]
"""

import argparse
import csv
import hashlib
import io
import json
import os
import random
import sys
import unicodedata
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 20240611


def default_model_dir():
    if os.environ.get("SHELFSENSE_MODEL_DIR"):
        return os.environ["SHELFSENSE_MODEL_DIR"]
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data_home, "shelfsense", "models", "all-MiniLM-L6-v2")


def load_tokenizers(model_dir):
    try:  # transformers >= 5 keeps the Python implementation under this name
        from transformers.models.bert.tokenization_bert_legacy import BertTokenizerLegacy as SlowBert
        from transformers import BertTokenizer as FastBert
    except ImportError:  # transformers 4.x
        from transformers import BertTokenizer as SlowBert
        from transformers import BertTokenizerFast as FastBert
    slow = SlowBert.from_pretrained(model_dir)
    fast = FastBert.from_pretrained(model_dir)
    assert not getattr(slow, "is_fast", False), "expected the pure-Python tokenizer"
    return slow, fast


def model_max_length(model_dir, tokenizer):
    """sentence_bert_config.json max_seq_length, else model_max_length; capped at max_position_embeddings."""
    length = None
    path = os.path.join(model_dir, "sentence_bert_config.json")
    if os.path.exists(path):
        length = json.load(open(path, encoding="utf-8")).get("max_seq_length")
    if not length:
        length = tokenizer.model_max_length if tokenizer.model_max_length < 1e7 else None
    path = os.path.join(model_dir, "config.json")
    if os.path.exists(path):
        positions = json.load(open(path, encoding="utf-8")).get("max_position_embeddings")
        if positions:
            length = min(length, positions) if length else positions
    return length or 512


# --------------------------------------------------------------------------------------------------------------
# Strings written for ShelfSense. (text, max_length or None for the model's own)
# --------------------------------------------------------------------------------------------------------------

def own_strings():
    s = []
    add = lambda text, max_length=None: s.append((text, max_length))
    # English product titles
    for t in [
        "Stainless Steel Insulated Water Bottle, 32 oz, Wide Mouth with Straw Lid - Midnight Blue",
        "USB-C to Lightning Cable (6ft/1.8m), MFi Certified, Fast Charging for iPhone 14/13/12",
        "Men's Classic Fit Short-Sleeve Crewneck T-Shirt, Pack of 3 (XL, Heather Grey)",
        "Organic Cold-Pressed Extra Virgin Olive Oil 500ml — Product of Greece",
        "Wireless Noise-Cancelling Headphones w/ 40h Battery & Quick Charge",
        "KitchenAid KSM150PSER Artisan 5-Qt. Stand Mixer, Empire Red",
        "LEGO Star Wars: The Mandalorian's N-1 Starfighter 75325 Building Kit (412 Pieces)",
        "Anti-Fog Swim Goggles for Adults/Kids, UV400, Leak-Proof!!",
        "2-Pack Replacement HEPA Filters compatible with Model #H13-XJ200",
        "Women's High-Waisted Yoga Pants with Pockets (Size: M; Color: Charcoal)",
        "The Pragmatic Programmer: Your Journey to Mastery, 20th Anniversary Edition (2nd Edition)",
        "Baby Monitor 1080P HD Video, Night Vision, 2-Way Audio, Temp. Sensor",
        "Pet Hair Remover Roller – Reusable Lint Brush for Couch/Carpet/Car Seats",
        "Bamboo Cutting Board Set of 3 [Large, Medium, Small] with Juice Groove",
        "NEW!!! 100% Authentic Vintage Levi's 501 Jeans W32 L34",
        "Philips Sonicare ProtectiveClean 4100 Rechargeable Electric Toothbrush, HX6817/01",
        "Ergonomic Office Chair; Lumbar Support; Adjustable Arms; Mesh Back",
        "Dr. Bronner's Pure-Castile Liquid Soap (Peppermint, 32 fl. oz.)",
        "Instant Pot Duo 7-in-1 Electric Pressure Cooker, 6 Quart",
        "Apple AirPods Pro (2nd Generation) with MagSafe Case (USB‑C)",
    ]:
        add(t)
    # English reviews
    for t in [
        "Great product! Arrived on time and works exactly as described. Would buy again.",
        "Terrible. It broke after two days... I want my money back!!!",
        "I've been using this for 3 months now & I can't imagine going back; it's THAT good.",
        "meh. it's ok i guess? the color isn't what the pic shows tho",
        "Five stars",
        "DO NOT BUY!!! The seller sent a used item with scratches all over it.",
        "My daughter (age 7) loves it :) She plays with it every day.",
        "Fits true to size. I'm 5'9\" and 160 lbs and the medium fits perfectly.",
        "The instructions were in German only, but the pictures were clear enough.",
        "Battery life is ~8 hrs, not the advertised 12. Still decent for the price ($29.99).",
        "Smells amazing!!!!! Lasts all day long. Got compliments at work.",
        "It's fine. Nothing special. 3/5.",
        "Returned it. The zipper broke on the first use and customer service never replied.",
        "Wow wow wow. Unbelievable quality for the money.",
        "Not as pictured -- the 'wood' is actually plastic with a wood-grain sticker.",
        "I was skeptical at first, but after a week my skin feels so much softer. Highly recommend!",
        "Arrived damaged; box was crushed. Replacement came quickly though, so 4 stars.",
        "Works w/ my Samsung Galaxy S21+ and Pixel 7a, didn't test on iOS.",
        "This is the third one I've purchased—gifts for family. Everyone loves them.",
        "The product is OK but shipping took forever (ordered 12/01, got it 12/28).",
    ]:
        add(t)
    # Chinese product titles and reviews
    for t in [
        "小米手环8 NFC版 智能运动手环 血氧监测 长续航",
        "华为 HUAWEI Mate 60 Pro 12GB+512GB 雅川青",
        "三只松鼠坚果大礼包1500g/8袋 每日坚果零食",
        "质量很好，物流很快，包装也很严实，五星好评！",
        "东西收到了，跟描述的不太一样，有点失望。",
        "客服态度非常好，耐心解答问题，下次还会再来。",
        "衣服尺码偏小，建议买大一号。颜色很正，没有色差。",
        "这本书写得很好，推荐给所有喜欢历史的朋友们。",
        "手机用了一个星期，电池很耐用，拍照效果也不错👍",
        "价格实惠，性价比高！！！",
        "酒店位置很好，离地铁站很近，但是房间有点小。",
        "屏幕有坏点，申请退货中……",
        "【官方正品】兰蔻小黑瓶精华肌底液 50ml",
        "包邮 儿童保温杯 316不锈钢 带吸管 500毫升",
        "还行吧，一般般，凑合用。",
        "非常满意！宝贝和卖家描述的完全一致，发货速度快。",
        "第一次在网上买电脑，心里有点担心，收到后发现一切正常。",
        "不推荐购买：用了三天就坏了，联系客服也没人理。",
        "繁體中文：這個產品的品質非常好，我很喜歡。",
        "iPhone15手机壳 透明防摔 适用苹果15ProMax",
        "鮮度抜群！北海道産のホタテ、とても美味しかったです。",
    ]:
        add(t)
    # Emoji, ZWJ sequences, skin tones, flags, keycaps
    for t in [
        "Love it 😍😍😍",
        "Great gift for my family 👨‍👩‍👧‍👦!",
        "Thumbs up 👍🏽 from me",
        "Shipped to 🇺🇸 and 🇨🇦 without problems",
        "Rate: 5️⃣ out of 5",
        "🔥🔥 hot deal 🔥🔥",
        "Rainbow flag 🏳️‍🌈 sticker pack",
        "woman technologist 👩🏻‍💻 mug",
        "❤️ this ❤ product ♥",
        "Emoji only: 🙂🙃😉",
        "Heart on fire ❤️‍🔥 and mending heart ❤️‍🩹",
        "Check ✔ cross ✘ star ★ ☆",
    ]:
        add(t)
    # Other scripts, including the Greek final sigma
    for t in [
        "Отличный товар, рекомендую всем!",
        "ΟΔΟΣ ΑΘΗΝΑΣ 12",
        "Καλή ποιότητα, γρήγορη αποστολή. ΕΥΧΑΡΙΣΤΩ!",
        "ΣΟΦΟΣ'Σ test Σ alone ΑΣ.",
        "日本語のレビュー：とても良い商品です。",
        "カタカナ ﾊﾝｶｸ ｶﾀｶﾅ test",
        "한국어 리뷰: 배송이 빨라요! 강추합니다",
        "منتج رائع جدا، أنصح به",
        "מוצר מעולה, ממליץ בחום",
        "बहुत अच्छा उत्पाद है",
        "สินค้าดีมาก ส่งเร็ว",
        "Tiếng Việt: sản phẩm rất tốt, giao hàng nhanh",
        "Ελληνικά και English mixed με 中文 and العربية",
        "Ünïcödé Ïñtërnâtïônàlizætiøn",
        "Ꭰ Cherokee ᏣᎳᎩ and Georgian ქართული",
    ]:
        add(t)
    # Accents: precomposed, decomposed, Turkish dotted I
    for t in [
        "Crème brûlée façade naïve café résumé",
        "Cre\u0300me bru\u0302le\u0301e (decomposed accents)",
        "Größe: XL, Farbe: Weiß, Qualität: sehr gut",
        "Mañana llegó el pedido. ¡Excelente!",
        "Où est la boîte? Très bien, merci.",
        "İstanbul ISTANBUL istanbul ıi",
        "Ångström Å Å Ω Ω K K",
        "Łódź, Kraków, Gdańsk",
        "Smörgåsbord på svenska",
        "ǅemal ǈubljana ǋ",
        "ﬁne ﬂour ﬀ ligatures",
        "São Paulo, Ñandú, Ça va",
        "a\u0308\u0301 o\u0323\u0302 stacked marks",
        "Ⅻ Roman numeral and ① circled",
        "\u0301leading combining mark",
    ]:
        add(t)
    # Control and invisible characters
    for t in [
        "tab\tseparated\tvalues",
        "line one\r\nline two\rline three\nline four",
        "bell\x07 and null\x00 and escape\x1b[0m",
        "vertical\x0btab and form\x0cfeed",
        "unit\x1fseparator\x1erecord",
        "del\x7fchar and next\x85line",
        "soft\xadhyphen invisible",
        "zero\u200bwidth\u200cnon\u200djoiner",
        "\ufeffbyte order mark at start",
        "left\u200eto\u200fright marks",
        "line\u2028separator and paragraph\u2029separator",
        "no\u00a0break\u00a0space and ideographic\u3000space",
        "private use \ue000\uf8ff chars",
        "replacement char \ufffd in text",
        "   leading and trailing spaces   ",
        "narrow\u202fnbsp and thin\u2009space",
    ]:
        add(t)
    # Very long words and long texts
    add("Supercalifragilisticexpialidocious and pneumonoultramicroscopicsilicovolcanoconiosis")
    add("a" * 100)
    add("b" * 101)
    add("x" * 250 + " short words after")
    add("antidisestablishmentarianism" * 4)
    add(" ".join("wonderful product number %d" % i for i in range(120)))
    add("好" * 300)
    add("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40)
    # URLs, emails, numbers, codes
    for t in [
        "Visit https://www.example.com/products/item?id=12345&ref=abc#reviews for details",
        "Contact support@example.co.uk or call +1 (800) 555-0199",
        "#bestpurchase #happy @brand_official",
        "Price: $1,299.99 (was €1.499,00) — save 13%!",
        "Dimensions: 12.5\" x 8.25\" x 3/4\"; weight 2.3 kg / 5.07 lbs",
        "Delivered 2023-11-25T14:30:00Z, order #A1B2-C3D4-E5F6",
        "Version 2.0.1-beta+build.5, SKU: WX-4000/B",
        "3.14159265358979323846264338327950288419716939937510",
        "1st 2nd 3rd 4th 21st 100th",
        "Temperature range: -40°C to +85°C (±0.5°C)",
        "file:///home/user/Downloads/manual_v3.pdf",
        "C++ vs C# vs F# vs .NET",
        "50% off!!! Buy 1 get 1 free*** (*conditions apply)",
        "ISBN 978-3-16-148410-0",
        "IPv6 [2001:db8::1]:8080 and 192.168.0.1",
    ]:
        add(t)
    # Full-width forms and CJK punctuation
    for t in [
        "ＡＢＣ１２３！？ full-width letters",
        "「推荐」《三体》，很好看。",
        "价格：￥２９９．００（包邮）",
        "日本製【送料無料】ｔｅｓｔ",
        "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ",
        "〜波浪号〜 ・中点・ 〃",
        "‘smart quotes’ and “double quotes” and „German“",
        "ellipsis… em—dash en–dash",
    ]:
        add(t)
    # Special tokens written in the text
    for t in [
        "[CLS] already has a cls token [SEP]",
        "mask me [MASK] please",
        "[MASK][MASK][MASK]",
        "padding [PAD] and unknown [UNK] tokens",
        "lower-case [cls] and [sep] are not special",
        "x[MASK]y glued to words",
        "[ CLS ] with spaces",
        "[CL\x00S] hidden null",
    ]:
        add(t)
    # Edge cases
    for t in ["", " ", "\n\t ", "a", ".", "!!!", "中", "😀", "[UNK]"]:
        add(t)
    # Truncation at explicit lengths
    long_review = ("This blender is powerful, quiet and easy to clean; the jar is dishwasher-safe and the blades are "
                   "sharp. I make smoothies every morning.")
    for n in (2, 3, 5, 8, 16, 64):
        add(long_review, n)
    add("好" * 50, 10)
    add("unaffable " * 30, 12)
    return s


# --------------------------------------------------------------------------------------------------------------
# References into ../shared/data
# --------------------------------------------------------------------------------------------------------------

def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def valid(text):
    if not isinstance(text, str) or not text.strip():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from JSON escapes cannot travel as UTF-8
        return False
    return True


def jsonl_candidates(shared, rel, field):
    out = []
    with open(os.path.join(shared, rel), "rb") as f:
        lines = f.read().split(b"\n")
    for i, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            text = json.loads(raw.decode("utf-8")).get(field)
        except (UnicodeDecodeError, ValueError):
            continue
        if valid(text):
            out.append(({"source": rel, "kind": "jsonl", "line": i, "field": field}, text))
    return out


def tsv_candidates(shared, rel, column):
    out = []
    with open(os.path.join(shared, rel), "rb") as f:
        lines = f.read().split(b"\n")
    for i, raw in enumerate(lines, 1):
        try:
            parts = raw.decode("utf-8").rstrip("\r").split("\t")
        except UnicodeDecodeError:
            continue
        if len(parts) > column and valid(parts[column]):
            out.append(({"source": rel, "kind": "tsv", "line": i, "column": column}, parts[column]))
    return out


def csv_candidates(shared, rel, column):
    out = []
    with open(os.path.join(shared, rel), "rb") as f:
        data = f.read().decode("utf-8")
    rows = csv.reader(io.StringIO(data, newline=""))
    next(rows)
    for i, row in enumerate(rows, 1):
        if len(row) > column and valid(row[column]):
            out.append(({"source": rel, "kind": "csv", "record": i, "column": column}, row[column]))
    return out


def zip_candidates(shared, rel, member):
    out = []
    with zipfile.ZipFile(os.path.join(shared, rel)) as z:
        lines = z.read(member).split(b"\n")
    for i, raw in enumerate(lines, 1):
        if i == 1:
            continue
        try:
            parts = raw.decode("utf-8").rstrip("\r").split(",", 2)
        except UnicodeDecodeError:
            continue
        if len(parts) == 3 and valid(parts[2]):
            out.append(({"source": rel, "kind": "zip-csv-tail", "member": member, "line": i}, parts[2]))
    return out


def shared_strings(shared):
    rng = random.Random(SEED)
    picks = []

    def take(cands, n):
        chosen = rng.sample(cands, min(n, len(cands)))
        # Keep the longest few too: they exercise truncation at the model's limit.
        longest = sorted(cands, key=lambda c: len(c[1]), reverse=True)[:5]
        for c in longest:
            if c not in chosen:
                chosen.append(c)
        picks.extend(sorted(chosen, key=lambda c: (c[0].get("line") or c[0].get("record"))))

    reviews = "amazon_reviews_2018_5core/"
    for name in ("AMAZON_FASHION_5.json", "All_Beauty_5.json"):
        take(jsonl_candidates(shared, reviews + name, "reviewText"), 80)
        take(jsonl_candidates(shared, reviews + name, "summary"), 40)
    products = "amazon_products_2020_sample/amazon_products_sample_1000.csv"
    take(csv_candidates(shared, products, 1), 90)   # Product Name
    take(csv_candidates(shared, products, 10), 20)  # About Product (long)
    for name in ("sts-train.csv", "sts-dev.csv", "sts-test.csv"):
        for column in (5, 6):
            take(tsv_candidates(shared, "stsbenchmark/" + name, column), 20)
    take(zip_candidates(shared, "online_shopping_10_cats/online_shopping_10_cats.zip", "online_shopping_10_cats.csv"),
         140)
    return picks


# --------------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", default=default_model_dir())
    ap.add_argument("--shared-data", default=os.path.normpath(os.path.join(REPO, "..", "shared", "data")))
    ap.add_argument("--out-dir", default=os.path.join(REPO, "tests", "data", "tokenizer"))
    args = ap.parse_args()

    slow, fast = load_tokenizers(args.model_dir)
    max_length = model_max_length(args.model_dir, slow)
    import transformers
    import tokenizers
    print("transformers %s, tokenizers %s, Python unicodedata %s, model max_length %d"
          % (transformers.__version__, tokenizers.__version__, unicodedata.unidata_version, max_length))

    disagreements = []

    def golden(text, n):
        tokens = slow.tokenize(text)
        ids = slow(text, truncation=True, max_length=n)["input_ids"]
        fast_tokens = fast.tokenize(text)
        fast_ids = fast(text, truncation=True, max_length=n)["input_ids"]
        if tokens != fast_tokens or ids != fast_ids:
            disagreements.append((text, tokens, fast_tokens))
        return tokens, ids

    os.makedirs(args.out_dir, exist_ok=True)
    own = own_strings()
    with open(os.path.join(args.out_dir, "golden_own.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for text, n in own:
            n = n or max_length
            tokens, ids = golden(text, n)
            f.write(json.dumps({"text": text, "max_length": n, "tokens": tokens, "ids": ids}, ensure_ascii=False) + "\n")
    own_disagreements = len(disagreements)
    print("golden_own.jsonl: %d strings; slow and fast disagree on %d" % (len(own), own_disagreements))

    shared = shared_strings(args.shared_data)
    counts = {}
    with open(os.path.join(args.out_dir, "golden_shared.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for ref, text in shared:
            tokens, ids = golden(text, max_length)
            rec = dict(ref)
            # Only digests: the token sequence would reproduce the research-only text almost verbatim.
            rec.update({"sha256_16": sha(text), "max_length": max_length, "token_count": len(tokens),
                        "tokens_sha256": hashlib.sha256("\n".join(tokens).encode("utf-8")).hexdigest(),
                        "ids_sha256": hashlib.sha256(",".join(str(i) for i in ids).encode("utf-8")).hexdigest()})
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            counts[ref["source"]] = counts.get(ref["source"], 0) + 1
    print("golden_shared.jsonl: %d references; slow and fast disagree on %d"
          % (len(shared), len(disagreements) - own_disagreements))
    for source, n in sorted(counts.items()):
        print("  %4d  %s" % (n, source))
    for text, tokens, fast_tokens in disagreements[:20]:
        print("slow/fast differ:", repr(text[:80]))
        print("   slow:", tokens[:16])
        print("   fast:", fast_tokens[:16])
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes tests/data/model/golden_embeddings.jsonl: reference sentence vectors from sentence-transformers.

Each line is {"text", "input_ids", "vector"}: input_ids come from the model's own Hugging Face tokenizer
(as sentence-transformers tokenizes, truncation included), so the C++ model test does not depend on our
tokenizer; vector is what SentenceTransformer.encode() returns (mean pooling + L2 normalisation for
all-MiniLM-L6-v2). The texts are our own: product titles and reviews in English and Chinese, short and
long (several exceed 256 tokens to exercise truncation), plus edge cases. No third-party data is used.

Usage: <peers-venv>/bin/python bench/peers/make_embedding_golden.py [--out PATH]
Model folder: $SHELFSENSE_MODEL_DIR or ~/.local/share/shelfsense/models/all-MiniLM-L6-v2
(installed by scripts/install-model.sh). Runs on CPU in fp32.
"""
import argparse
import json
import os
import sys
from pathlib import Path

TITLES_EN = [
    "Stainless Steel Insulated Water Bottle, 750 ml, Leak-Proof Lid",
    "Wireless Noise Cancelling Headphones with 30-Hour Battery",
    "Organic Green Tea Bags, Pack of 100",
    "Men's Waterproof Hiking Boots, Size 10, Brown",
    "USB-C Fast Charger 65W GaN Wall Adapter",
    "Cast Iron Skillet 12 inch, Pre-Seasoned",
    "Kids' Wooden Building Blocks Set (120 pieces)",
    "Ergonomic Office Chair with Lumbar Support",
    "Bamboo Cutting Board with Juice Groove",
    "Portable Bluetooth Speaker, IPX7, Deep Bass",
    "4K Ultra HD Smart TV 55\" with HDR10+",
    "Yoga Mat Non-Slip 6mm Extra Thick",
    "Dark Roast Whole Bean Coffee, 2 lb Bag",
    "Mechanical Keyboard, Hot-Swappable Brown Switches, RGB",
    "Women's Merino Wool Crew Socks, 3 Pairs",
    "LED Desk Lamp with Wireless Charging Pad",
    "Paperback: A Short History of Nearly Everything",
    "Dog Chew Toys for Aggressive Chewers, Natural Rubber",
    "Electric Toothbrush with 2 Replacement Heads",
    "Non-Stick Frying Pan Set, 3-Piece (8\", 10\", 12\")",
    "Replacement HEPA Filter for Air Purifier Model AP-200",
    "Gaming Mouse 16000 DPI, 8 Programmable Buttons",
    "Sunscreen SPF 50 Broad Spectrum, Fragrance-Free, 3 fl oz",
    "Camping Tent for 4 People, Instant Setup",
    "Vitamin D3 5000 IU Softgels, 360 Count",
]

REVIEWS_EN = [
    "Great bottle, keeps my water cold all day even in the car.",
    "The lid started leaking after two weeks. Very disappointed.",
    "Sound quality is amazing but the ear cushions get warm after an hour.",
    "Arrived broken, the box was crushed. Customer service sent a replacement quickly though.",
    "Exactly as described. Would buy again!",
    "Terrible. Stopped charging after 3 days and the seller never answered my emails.",
    "I bought this for my daughter and she loves it; the colors are bright and the pieces are smooth.",
    "Not worth the price. The fabric feels cheap and it shrank in the wash.",
    "It's okay. Does the job, nothing special.",
    "Five stars!!! Best purchase this year :)",
    "The chair was easy to assemble (about 20 minutes) and my back pain is much better.",
    "Coffee tastes burnt and bitter, maybe I got an old batch?",
    "works fine",
    "DO NOT BUY. Fake product, the serial number doesn't match.",
    "My dog destroyed it in ten minutes. So much for 'indestructible'.",
    "Battery life is closer to 20 hours than 30, but still good for the money.",
    "The keyboard feels great to type on, though the RGB software is clunky and Windows-only.",
    "Delivered a day early and well packaged.",
    "Smells weird when you first open it; airing it out for a day helped.",
    "Returned it. The size chart is wrong, order one size up.",
    "I've used this skillet daily for six months and it just keeps getting better.",
    "Meh.",
    "The instructions were in Chinese only, but the pictures were clear enough.",
    "Caf\u00e9-quality espresso at home? Not quite, but close enough for a weekday morning.",
    "Price went from $29.99 to $45 in a week, so I waited for a sale. Worth it at $25.",
]

TITLES_ZH = [
    "不锈钢保温杯 750毫升 防漏杯盖",
    "无线降噪耳机 30小时续航",
    "有机绿茶 袋泡茶 100包装",
    "男士防水登山鞋 棕色 42码",
    "65W氮化镓快充充电器 Type-C接口",
    "儿童木质积木 120块 益智玩具",
    "人体工学办公椅 带腰托",
    "便携蓝牙音箱 防水 重低音",
    "瑜伽垫 加厚6毫米 防滑",
    "机械键盘 热插拔 茶轴 RGB背光",
    "空气净化器替换滤网 HEPA",
    "电动牙刷 附赠两个刷头",
    "新款智能手表 心率监测 血氧检测 运动模式",
    "家用大容量电饭煲 5升 预约定时",
    "纯棉四件套 床单被套枕套 1.8米床",
]

REVIEWS_ZH = [
    "保温效果很好，早上倒的热水晚上还是温的。",
    "用了两个星期盖子就开始漏水，非常失望。",
    "音质很棒，就是戴久了耳朵有点热。",
    "收到的时候箱子被压坏了，不过客服很快就给换了新的。",
    "和描述的一样，会回购！",
    "太差了，充了三天就充不进电，卖家也不回消息。",
    "给女儿买的，她很喜欢，颜色鲜艳，边角也很光滑。",
    "性价比不高，面料摸起来很廉价，洗一次就缩水了。",
    "一般般吧，能用，没什么特别的。",
    "物流超快，第二天就到了，包装也很严实。",
    "尺码偏小，建议买大一号。",
    "咖啡有焦苦味，可能是放太久了？",
    "假货！序列号对不上，千万别买。",
    "安装很简单，二十分钟搞定，坐着腰也不酸了。",
    "好评",
]

MIXED = [
    "iPhone 15 Pro 手机壳 防摔 透明",
    "Nike 运动鞋 size 43, 很舒服 very comfortable",
    "这个 USB hub 在 MacBook 上工作正常",
    "5星好评 5 stars",
    "Order #A-1093-77 arrived on 2024-03-15, 3 days late.",
    "\U0001F600\U0001F44D great!",
    "!!!",
    "a",
    "",
    "   leading and trailing spaces   ",
    "ALL CAPS REVIEW: THIS IS THE BEST BLENDER I HAVE EVER OWNED",
    "Na\u00efve r\u00e9sum\u00e9 of the cr\u00e8me br\u00fbl\u00e9e torch: it works.",
    "https://example.com/product/12345?ref=review",
    "size: M / colour: navy / material: 100% cotton",
    "1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
]

# Long inputs: our own sentences repeated and varied so they pass 256 word pieces and exercise truncation.
LONG_EN_PARTS = [
    "I have been using this robot vacuum for about three months now in a two-bedroom apartment with mostly hardwood floors and one large rug in the living room.",
    "Setup through the app took less than ten minutes, and the first mapping run was surprisingly accurate, although it missed the narrow gap behind the sofa.",
    "Suction is strong enough for cat hair on the rug, but it struggles with the long fringe, which it sometimes swallows and then stops with an error.",
    "The dustbin is small, so with two cats I empty it after every run; a self-emptying base would have been worth the extra money in hindsight.",
    "Battery life is about ninety minutes on the standard setting, which is enough for the whole apartment, and it returns to the dock reliably.",
    "Noise is acceptable; I run it while I am at work, so it does not bother me, but the max mode is loud enough to wake a light sleeper.",
    "Customer support answered my question about replacement brushes within a day and pointed me to a cheaper multipack on their site.",
    "Overall I would recommend it for small homes with pets, as long as you are willing to tidy cables and rug fringes before each run.",
]
LONG_ZH_PARTS = [
    "这款扫地机器人我已经用了三个月左右，家里是两室一厅，大部分是木地板，客厅有一块大地毯。",
    "用手机应用配网不到十分钟就完成了，第一次建图也比较准确，只是沙发后面那条窄缝没有扫到。",
    "吸力对付地毯上的猫毛足够了，但是地毯边上的流苏经常被卷进去，然后机器就报错停下来。",
    "尘盒比较小，家里有两只猫，每次扫完都要倒一次，现在想想多花点钱买带自动集尘的款更划算。",
    "标准模式下续航大概九十分钟，整个房子扫一遍没有问题，回充也很稳定。",
    "噪音可以接受，我一般上班的时候让它工作，不过最大吸力模式还是挺吵的。",
    "客服一天之内就回复了我关于更换滚刷的问题，还推荐了官网上更便宜的多件装。",
    "总的来说，家里面积不大又养宠物的话值得推荐，前提是每次清扫前把电线和地毯流苏整理好。",
]


def long_texts():
    out = []
    en, zh = LONG_EN_PARTS, LONG_ZH_PARTS
    out.append(" ".join(en))                      # ~230 tokens: just under the limit
    out.append(" ".join(en + en[:4]))             # well over 256 tokens
    out.append(" ".join(en * 3))                  # far over
    out.append("".join(zh))                       # Chinese is one token per character: over 256
    out.append("".join(zh[:3]))                   # medium Chinese
    out.append("".join(zh * 2))                   # long Chinese, truncated
    out.append(" ".join(en[:2]) + " " + "".join(zh[:4]))
    for i in range(len(en)):
        # Rotations give distinct long texts of varying length around the truncation boundary.
        out.append(" ".join(en[i:] + en[:i] + en[: i % 3]))
    return out


def short_variants():
    # Titles combined with reviews: still our own wording, more variety in length and topic.
    out = []
    for i in range(10):
        out.append(f"{TITLES_EN[i]} - review: {REVIEWS_EN[(i * 7) % len(REVIEWS_EN)]}")
    for i in range(6):
        out.append(f"{TITLES_ZH[i]}：{REVIEWS_ZH[(i * 5) % len(REVIEWS_ZH)]}")
    return out


def all_texts():
    texts = TITLES_EN + REVIEWS_EN + TITLES_ZH + REVIEWS_ZH + MIXED + long_texts() + short_variants()
    seen, unique = set(), []
    for t in texts:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


def main():
    repo = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(repo / "tests/data/model/golden_embeddings.jsonl"))
    args = parser.parse_args()

    model_dir = Path(os.environ.get("SHELFSENSE_MODEL_DIR",
                                    Path.home() / ".local/share/shelfsense/models/all-MiniLM-L6-v2"))
    if not (model_dir / "model.safetensors").is_file():
        sys.exit(f"model not found in {model_dir}: run scripts/install-model.sh or set SHELFSENSE_MODEL_DIR")

    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    model = SentenceTransformer(str(model_dir), device="cpu")
    model.eval()
    texts = all_texts()
    vectors = model.encode(texts, batch_size=32, convert_to_numpy=True, normalize_embeddings=False,
                           show_progress_bar=False)
    max_len = model.get_max_seq_length()
    n_truncated = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for text, vec in zip(texts, vectors):
            # preprocess() replaced tokenize() in sentence-transformers 5; both truncate to max_seq_length.
            tokenize = getattr(model, "preprocess", None) or model.tokenize
            ids = tokenize([text])["input_ids"][0].tolist()
            full = model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"]
            n_truncated += len(full) > max_len
            row = {"text": text, "input_ids": ids, "vector": [float(f"{x:.8g}") for x in vec.tolist()]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(texts)} texts ({n_truncated} truncated to {max_len} tokens) to {args.out}")


if __name__ == "__main__":
    main()

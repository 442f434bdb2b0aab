"""Item titles for the generated Taobao-format events of bench/scale (the real set has none).

Each category sells one kind of product ("women's running shoes", "kitchen storage jars"); an item is
one listing of one of its category's product lines — brand, colour, style, material and size drawn per
line — the way a marketplace lists the same product under several shops. A category has about one
line per `listings_per_title` items (at least one), so the catalog's distinct titles are about
items / listings_per_title; the encode step reports how many texts it actually encoded. Seeded, and
matched to the event file by bench/cohorts/run.py's catalog(): the same items, ids and categories.
"""
import csv
import os

NOUNS = ["running shoes", "hiking boots", "sneakers", "sandals", "slippers", "winter coat", "rain jacket", "down vest",
         "hoodie", "sweatshirt", "t-shirt", "polo shirt", "dress shirt", "blouse", "cardigan", "sweater", "jeans",
         "chinos", "shorts", "leggings", "yoga pants", "skirt", "maxi dress", "pajama set", "socks", "scarf",
         "beanie", "baseball cap", "sun hat", "gloves", "belt", "backpack", "tote bag", "wallet", "suitcase",
         "sunglasses", "wristwatch", "necklace", "earrings", "bracelet", "phone case", "screen protector",
         "charging cable", "power bank", "wireless earbuds", "headphones", "bluetooth speaker", "smartwatch band",
         "keyboard", "computer mouse", "mouse pad", "usb hub", "webcam", "desk lamp", "led strip lights",
         "extension cord", "air purifier", "humidifier", "electric fan", "space heater", "rice cooker",
         "electric kettle", "coffee maker", "blender", "toaster", "air fryer", "frying pan", "stock pot",
         "knife set", "cutting board", "storage jars", "lunch box", "water bottle", "travel mug", "tea set",
         "dinner plates", "bowls", "chopsticks", "cutlery set", "dish rack", "bath towel", "bath mat",
         "shower curtain", "toothbrush", "hair dryer", "hair straightener", "shampoo", "conditioner",
         "body lotion", "face cream", "sunscreen", "lipstick", "eyeshadow palette", "nail polish", "perfume",
         "razor", "bed sheets", "duvet cover", "pillow", "mattress topper", "blanket", "curtains", "rug",
         "sofa cushion", "wall clock", "picture frame", "vase", "candle", "plant pot", "storage box",
         "laundry basket", "hangers", "shoe rack", "bookshelf", "office chair", "desk", "floor lamp",
         "baby bottle", "diapers", "baby carrier", "stroller", "building blocks", "plush toy", "puzzle",
         "board game", "remote control car", "doll", "crayons", "notebook", "gel pens", "pencil case",
         "school bag", "dog food", "cat litter", "pet bed", "dog leash", "cat toy", "fish tank", "yoga mat",
         "dumbbells", "jump rope", "resistance bands", "cycling helmet", "tent", "sleeping bag", "camping stove",
         "fishing rod", "badminton racket", "basketball", "football", "swimsuit", "swim goggles", "car phone holder",
         "car seat cover", "tire inflator", "dash cam", "umbrella", "raincoat", "green tea", "instant noodles",
         "snack mix", "dried fruit", "honey", "coffee beans", "protein powder", "vitamin gummies", "olive oil",
         "soy sauce", "rice", "chocolate", "cookies", "phone tripod", "ring light", "drone", "camera bag",
         "sd card", "printer paper", "ink cartridge", "router", "smart plug", "doorbell camera", "vacuum cleaner",
         "mop", "trash bags", "dish soap", "laundry detergent", "sponges", "tool set", "drill", "tape measure",
         "work gloves", "garden hose", "flower seeds", "watering can"]
FOR = ["", "women's", "men's", "kids'", "baby", "outdoor", "home", "office", "travel", "sports", "premium", "mini",
       "large", "portable", "classic", "professional", "everyday", "family size", "student", "gift"]
BRANDS = [a + b for a in ["Ko", "Lu", "Ma", "Ve", "Zen", "Tri", "Ori", "Aqu", "Nor", "Sol", "Bel", "Cor", "Dan", "Eli",
                          "Fen", "Gal", "Hal", "Ira", "Jun", "Kai", "Lin", "Mer", "Nova", "Oak", "Pax", "Qin", "Rio",
                          "Sun", "Tao", "Uni"]
          for b in ["ra", "vo", "lix", "tec", "ton", "ly", "ka", "mo", "ssa", "ro", "na", "ven", "dex", "fit", "go",
                    "home", "mart", "pro", "wei", "xin"]]
COLOURS = ["black", "white", "grey", "navy", "red", "pink", "beige", "khaki", "olive", "sky blue", "cream", "brown",
           "silver", "gold", "purple", "teal", "orange", "yellow", "mint", "charcoal"]
STYLES = ["slim fit", "oversized", "lightweight", "waterproof", "breathable", "non-slip", "foldable", "vintage",
          "minimalist", "korean style", "retro", "ergonomic", "quick-dry", "thermal", "eco-friendly", "heavy duty",
          "soft", "stretchy", "adjustable", "compact", "2024 new", "best-selling", "limited edition", "handmade",
          "anti-bacterial", "noise cancelling", "rechargeable", "stackable", "washable", "reusable"]
MATERIALS = ["cotton", "linen", "wool", "cashmere", "polyester", "nylon", "leather", "canvas", "bamboo", "stainless steel",
             "aluminium", "ceramic", "glass", "silicone", "wooden", "plastic", "memory foam", "silk", "denim", "fleece"]
SIZES = ["", "S", "M", "L", "XL", "2-pack", "3-pack", "set of 4", "500 ml", "1 L", "1 kg", "250 g", "30 cm", "queen size",
         "10000 mAh", "65 W", "size 38", "size 42", "one size", "12 pieces"]


def write_catalog(path, rows, users, seed, items, categories, listings_per_title=4.0):
    """Writes `item_id,title` for every item of the generated catalog; returns its counts."""
    import numpy as np
    from importlib import util

    spec = util.spec_from_file_location("cohorts_run", os.path.join(os.path.dirname(__file__), "..", "cohorts", "run.py"))
    cohorts = util.module_from_spec(spec)
    spec.loader.exec_module(cohorts)
    item_category, item_ext, _ = cohorts.catalog(rows, users, seed, items, categories)
    items = len(item_category)
    categories = int(item_category.max()) + 1

    rng = np.random.default_rng(seed + 1_000_003)
    per_category = np.bincount(item_category, minlength=categories)
    lines = np.maximum(1, np.rint(per_category / listings_per_title)).astype(np.int64)
    first_line = np.concatenate([[0], np.cumsum(lines)[:-1]])
    total_lines = int(lines.sum())
    line_words = [rng.integers(0, len(words), total_lines) for words in (BRANDS, COLOURS, STYLES, MATERIALS, SIZES)]
    line_of_item = first_line[item_category] + (rng.random(items) * lines[item_category]).astype(np.int64)

    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["item_id", "title"])
        for i in range(items):
            line = line_of_item[i]
            c = item_category[i]
            brand, colour, style, material, size = (w[line] for w in line_words)
            noun = NOUNS[c % len(NOUNS)]
            qualifier = FOR[(c // len(NOUNS)) % len(FOR)]
            words = [BRANDS[brand], STYLES[style], COLOURS[colour], MATERIALS[material], qualifier, noun, SIZES[size]]
            out.writerow([int(item_ext[i]), " ".join(w for w in words if w)])
    os.replace(tmp, path)
    return {"items": items, "categories": categories, "product_lines": total_lines,
            "listings_per_title": listings_per_title, "seed": seed}

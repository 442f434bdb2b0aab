#!/usr/bin/env python3
"""Search quality benchmark: NDCG@10 of lexical, semantic and hybrid search (`shelfsense-cli search
--mode ...`) on labelled query sets built from two catalogues:

  sample   the bilingual sample shop (`shelfsense-cli sample`, 2,000 items). Queries: every product
           noun of core/sample/SampleVocabulary.cpp, in English and in Chinese (e.g. "espresso
           machine", "意式咖啡机"), and every category name in both languages. Relevance: 2 for an
           item of that noun, 1 for another item of the same category (noun queries); 1 for an item
           of the category (category queries).
  amazon   ../shared/data/amazon_products_2020_sample (1,000 Amazon listings, research-only, read in
           place). Imported with title and description only; queries are the leaf categories with at
           least 3 items (e.g. "Jigsaw Puzzles"); relevance 2 for an item of that leaf, 1 for one
           sharing its parent category. The category is left out of the project, so no side can read
           the answer: search must find a "Board Games" item from its title and description.

NDCG@10 with gains 2^rel - 1 over the ideal ranking of every relevant item in the catalogue; means
over queries, with a paired bootstrap 95% interval of hybrid minus each other mode.
Usage: bench/search/run.py --cli build/default/app/shelfsense-cli [--work /tmp/searchbench]
                           [--semantic-weight 0.5] [--out bench/results/DATE-cpu-search.json]
Needs the default model (scripts/install-model.sh); no Python packages beyond the standard library.
"""
import argparse, csv, datetime, json, math, os, platform, random, re, sqlite3, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data"))
MODES = ("lexical", "semantic", "hybrid")
K = 10


def run(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if out.returncode != 0:
        sys.exit(f"failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr[-3000:]}")
    return out.stdout


def sample_vocabulary():
    """(category en, category zh, [(noun en, noun zh)]) from the sample shop's source."""
    src = open(os.path.join(ROOT, "core", "sample", "SampleVocabulary.cpp"), encoding="utf-8").read()
    pair = re.compile(r'\{"([^"]*)", "([^"]*)"\}')
    nouns = {m.group(1): pair.findall(m.group(2)) for m in re.finditer(r"NOUNS\((k\w+N), (.*)\);", src)}
    cats = []
    for m in re.finditer(r'CAT\("([^"]+)", "([^"]+)", (k\w+N),', src):
        cats.append((m.group(1), m.group(2), nouns[m.group(3)]))
    if len(cats) < 10:
        sys.exit("could not read the sample vocabulary")
    return cats


def sample_set(cli, work):
    db = os.path.join(work, "sample.shelfsense")
    if not os.path.exists(db):
        run([cli, "sample", "--db", db])
    cats = sample_vocabulary()
    con = sqlite3.connect(db)
    items = con.execute("SELECT external_id, title, category FROM items").fetchall()
    con.close()
    noun_of, cat_of = {}, {}
    for ext, title, category in items:
        english = title.split(" | ")[0]
        cat_en = category.split(" / ")[0]
        cat_of[ext] = cat_en
        for c_en, _, nouns in cats:
            if c_en != cat_en:
                continue
            best = max((n for n in nouns if english.endswith(" " + n[0])), key=lambda n: len(n[0]), default=None)
            noun_of[ext] = best[0] if best else None
    queries = []
    for c_en, c_zh, nouns in cats:
        in_cat = {e for e, c in cat_of.items() if c == c_en}
        for n_en, n_zh in nouns:
            rel = {e: (2 if noun_of.get(e) == n_en else 1) for e in in_cat}
            if any(v == 2 for v in rel.values()):
                queries.append({"query": n_en, "kind": "noun", "language": "en", "relevance": rel})
                queries.append({"query": n_zh, "kind": "noun", "language": "zh", "relevance": rel})
        rel = {e: 1 for e in in_cat}
        queries.append({"query": c_en, "kind": "category", "language": "en", "relevance": rel})
        queries.append({"query": c_zh, "kind": "category", "language": "zh", "relevance": rel})
    return db, queries


def amazon_set(cli, work):
    path = os.path.join(DATA, "amazon_products_2020_sample", "amazon_products_sample_1000.csv")
    db = os.path.join(work, "amazon.shelfsense")
    if not os.path.exists(db):
        run([cli, "import", "--db", db, "--format", "csv", "--map", "Uniq Id=item", "--map", "Product Name=title",
             "--map", "About Product=description", path])
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    leaf, parent = {}, {}
    for r in rows:
        parts = [p.strip() for p in r["Category"].split(" | ") if p.strip()]
        if parts:
            leaf[r["Uniq Id"]] = parts[-1]
            parent[r["Uniq Id"]] = " | ".join(parts[:-1])
    counts = {}
    for v in leaf.values():
        counts[v] = counts.get(v, 0) + 1
    queries = []
    for name in sorted(n for n, c in counts.items() if c >= 3):
        parents = {parent[e] for e, l in leaf.items() if l == name}
        rel = {}
        for e in leaf:
            if leaf[e] == name:
                rel[e] = 2
            elif parent[e] in parents and parent[e]:
                rel[e] = 1
        queries.append({"query": name, "kind": "category", "language": "en", "relevance": rel})
    return db, queries


def ndcg(ranked, relevance, k=K):
    dcg = sum((2 ** relevance.get(e, 0) - 1) / math.log2(i + 2) for i, e in enumerate(ranked[:k]))
    ideal = sorted(relevance.values(), reverse=True)[:k]
    idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def search_all(cli, db, queries, mode, weight, work):
    qfile = os.path.join(work, "queries.txt")
    with open(qfile, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(q["query"] + "\n")
    t0 = time.perf_counter()
    out = json.loads(run([cli, "search", "--db", db, "--input", qfile, "--mode", mode, "--semantic-weight", str(weight),
                          "--k", str(K), "--json", "--quiet"]))
    seconds = time.perf_counter() - t0
    searches = out["searches"] if "searches" in out else [out]
    if len(searches) != len(queries):
        sys.exit(f"{mode}: {len(searches)} answers for {len(queries)} queries")
    return searches, seconds


def bootstrap(diffs, rounds=2000, seed=7):
    rng = random.Random(seed)
    n = len(diffs)
    means = sorted(sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    return [means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]]


def evaluate(cli, name, db, queries, weight, work):
    per_mode, seconds, weights = {}, {}, []
    for mode in MODES:
        searches, seconds[mode] = search_all(cli, db, queries, mode, weight, work)
        per_mode[mode] = [ndcg([h["item"] for h in s["results"]], q["relevance"]) for s, q in zip(searches, queries)]
        if mode == "hybrid":
            weights = [s["weights"]["semantic"] for s in searches]
    groups = {"all": list(range(len(queries)))}
    for i, q in enumerate(queries):
        groups.setdefault(f"{q['kind']}/{q['language']}", []).append(i)
    report = {"queries": len(queries), "seconds": seconds, "groups": {}}
    for g, idx in groups.items():
        entry = {"queries": len(idx)}
        for mode in MODES:
            entry[f"ndcg@{K}"] = entry.get(f"ndcg@{K}", {})
            entry[f"ndcg@{K}"][mode] = round(sum(per_mode[mode][i] for i in idx) / len(idx), 4)
        for other in ("lexical", "semantic"):
            diffs = [per_mode["hybrid"][i] - per_mode[other][i] for i in idx]
            entry[f"hybrid_minus_{other}"] = {"mean": round(sum(diffs) / len(diffs), 4),
                                              "ci95": [round(x, 4) for x in bootstrap(diffs)]}
        entry["mean_semantic_weight_used"] = round(sum(weights[i] for i in idx) / len(idx), 4)
        report["groups"][g] = entry
    print(f"\n{name}: {len(queries)} queries (NDCG@{K}; hybrid semantic weight {weight})")
    print(f"  {'group':<16}{'n':>5}{'lexical':>10}{'semantic':>10}{'hybrid':>10}   hybrid-lexical [95% CI]   hybrid-semantic [95% CI]   weight used")
    for g, e in report["groups"].items():
        n = e[f"ndcg@{K}"]
        hl, hs = e["hybrid_minus_lexical"], e["hybrid_minus_semantic"]
        print(f"  {g:<16}{e['queries']:>5}{n['lexical']:>10.4f}{n['semantic']:>10.4f}{n['hybrid']:>10.4f}"
              f"   {hl['mean']:+.4f} [{hl['ci95'][0]:+.4f}, {hl['ci95'][1]:+.4f}]"
              f"   {hs['mean']:+.4f} [{hs['ci95'][0]:+.4f}, {hs['ci95'][1]:+.4f}]   {e['mean_semantic_weight_used']:.3f}")
    return report


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", default="/tmp/searchbench")
    ap.add_argument("--semantic-weight", type=float, default=0.5)
    ap.add_argument("--sets", default="sample,amazon")
    ap.add_argument("--out")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    cli = os.path.abspath(args.cli)
    results = {}
    for name in args.sets.split(","):
        db, queries = (sample_set if name == "sample" else amazon_set)(cli, args.work)
        results[name] = evaluate(cli, name, db, queries, args.semantic_weight, args.work)
    report = {"meta": {"date": datetime.date.today().isoformat(), "machine": platform.processor() or platform.machine(),
                       "cpus": os.cpu_count(), "k": K, "semantic_weight": args.semantic_weight,
                       "revision": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()},
              "sets": results}
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1, ensure_ascii=False)
        print(f"\nwritten {args.out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Sentiment benchmark: ShelfSense's classifiers vs scikit-learn on the same reviews and the same split.

Datasets (read from ../shared/data, never copied):
  chinese  online_shopping_10_cats (62,773 Chinese reviews, 0/1 labels; the zip entry is read with
           Python's zipfile, so no unzip tool is needed), imported with the mapped CSV import
           (cat=category, label=label, review=text; each row its own reviewer);
  amazon   the English Amazon 2018 5-core reviews (AMAZON_FASHION_5 + All_Beauty_5), imported with
           `--format amazon-reviews`, which keeps one copy of a review repeated across product variants (the
           report says how many rows remain); labels from stars (2 classes: 4-5 vs 1-2; 3 stars left out).
For each: `shelfsense-cli sentiment train --export-split` trains ShelfSense's classifiers (TF-IDF +
logistic regression with C chosen on validation; with the default encoder, a logistic-regression and
an MLP head on the frozen MiniLM vectors) and writes the split it used (grouped by reviewer, seeded);
then, on exactly that split, in this process:
  * scikit-learn TfidfVectorizer + LogisticRegression as a new user would try it: default word
    analyzer, and character 1-3-grams (sublinear tf, min_df 2) — C=1 (default) and C chosen on the
    same validation part from the same grid ShelfSense uses; and tuned as ShelfSense's own is
    (balanced class weights, C on validation; words 1-2 and characters 1-3), the like-for-like check;
  * scikit-learn LogisticRegression on the very vectors ShelfSense's heads read (the project's
    embedding cache), to check the head.
Held-out accuracy and macro-F1 for all, wall seconds for training (ShelfSense: the whole `train`
process, which includes reading the project and, for heads, encoding every review; scikit-learn:
fit + predict only). Results go to one JSON file.

Usage: ~/.cache/shelfsense/peers-venv/bin/python bench/sentiment/run.py --cli build/default/app/shelfsense-cli
       [--datasets chinese,amazon] [--no-encoder] [--limit N] [--workdir DIR [--reuse]] [--out FILE]
"""
import argparse, csv, datetime, importlib.util, io, json, os, platform, random, sqlite3, sys, tempfile, time, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.abspath(os.path.join(HERE, "..", "..", "..", "shared", "data"))
_spec = importlib.util.spec_from_file_location("ingest_run", os.path.join(HERE, "..", "ingest", "run.py"))
_ingest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ingest)
measured = _ingest.measured
C_GRID = [1.0, 4.0, 16.0]  # the grid ShelfSense's TF-IDF classifier chooses from (TrainOptions::cGrid)


def prepare_chinese(work, limit):
    z = zipfile.ZipFile(os.path.join(SHARED, "online_shopping_10_cats", "online_shopping_10_cats.zip"))
    rows = list(csv.reader(io.TextIOWrapper(z.open("online_shopping_10_cats.csv"), encoding="utf-8")))
    header, rows = rows[0], rows[1:]
    if limit and limit < len(rows):
        random.Random(7).shuffle(rows)
        rows = rows[:limit]
    path = os.path.join(work, "online_shopping_10_cats.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return {"rows": len(rows), "import": ["--format", "csv", "--map", "cat=category", "--map", "label=label", "--map", "review=text", path],
            "train": ["--labels", "imported", "--classes", "2"]}


def prepare_amazon(work, limit):
    files = [os.path.join(SHARED, "amazon_reviews_2018_5core", f) for f in ("AMAZON_FASHION_5.json", "All_Beauty_5.json")]
    rows = sum(1 for f in files for _ in open(f, encoding="utf-8"))
    return {"rows": rows, "import": ["--format", "amazon-reviews"] + files, "train": ["--labels", "stars", "--classes", "2"]}


def sklearn_tfidf(split, analyzer, choose_c, balanced=False):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    parts = {p: [r for r in split if r["part"] == p] for p in ("train", "validation", "test")}
    t0 = time.perf_counter()
    vec = (TfidfVectorizer() if analyzer == "word"
           else TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2) if analyzer == "word_1_2"
           else TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2))
    x = vec.fit_transform([r["text"] for r in parts["train"]])
    y = [int(r["label"]) for r in parts["train"]]
    best_c, best_f1, best = 1.0, -1, None
    for c in (C_GRID if choose_c else [1.0]):
        clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None).fit(x, y)
        if choose_c:
            pv = clf.predict(vec.transform([r["text"] for r in parts["validation"]]))
            f1 = f1_score([int(r["label"]) for r in parts["validation"]], pv, average="macro")
        else:
            f1 = 0
        if f1 > best_f1:
            best_c, best_f1, best = c, f1, clf
    pred = best.predict(vec.transform([r["text"] for r in parts["test"]]))
    seconds = time.perf_counter() - t0
    truth = [int(r["label"]) for r in parts["test"]]
    return {"analyzer": analyzer, "class_weight": "balanced" if balanced else None, "c": best_c, "terms": x.shape[1], "accuracy": accuracy_score(truth, pred),
            "macro_f1": f1_score(truth, pred, average="macro"), "seconds": seconds}


def sklearn_on_vectors(db, split, model):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    con = sqlite3.connect(db)
    vectors = {rid: np.frombuffer(blob, dtype=np.float32) for rid, blob in
               con.execute("SELECT e.object_id, v.vector FROM embeddings e JOIN embedding_vectors v ON v.id = e.vector_id"
                           " WHERE e.target='reviews' AND e.model=?", (model,))}
    if not vectors:
        return None
    parts = {p: [r for r in split if r["part"] == p] for p in ("train", "test")}
    t0 = time.perf_counter()
    x = np.stack([vectors[int(r["review_id"])] for r in parts["train"]])
    clf = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x, [int(r["label"]) for r in parts["train"]])
    pred = clf.predict(np.stack([vectors[int(r["review_id"])] for r in parts["test"]]))
    truth = [int(r["label"]) for r in parts["test"]]
    return {"accuracy": accuracy_score(truth, pred), "macro_f1": f1_score(truth, pred, average="macro"), "seconds": time.perf_counter() - t0}


def run_dataset(name, cli, work, limit, no_encoder, reuse, finetune=False, seed=42):
    prep = (prepare_chinese if name == "chinese" else prepare_amazon)(work, limit)
    db = os.path.join(work, name + ".shelfsense")
    imported_file = os.path.join(work, name + "-import.json")
    if reuse and os.path.exists(db) and os.path.exists(imported_file):
        # The same files imported before (and their review vectors cached): only training is measured again.
        with open(imported_file) as f:
            imported = json.load(f)
    else:
        for stale in (db, db + "-wal", db + "-shm"):
            if os.path.exists(stale):
                os.remove(stale)
        out, import_seconds, _ = measured([cli, "import", "--db", db, "--json"] + prep["import"])
        imported = json.loads(out)
        with open(imported_file, "w") as f:
            json.dump(imported, f)
    split_file = os.path.join(work, name + "-split.csv")
    train = [cli, "sentiment", "train", "--db", db, "--json", "--quiet", "--retrain", "--seed", str(seed), "--export-split", split_file] + prep["train"]
    if no_encoder:
        train.append("--no-encoder")
    if finetune:
        train.append("--with-finetune")
    out, train_seconds, train_rss = measured(train)
    report = json.loads(out)
    csv.field_size_limit(1 << 30)
    with open(split_file, encoding="utf-8") as f:
        split = list(csv.DictReader(f))
    model = None
    con = sqlite3.connect(db)
    row = con.execute("SELECT model FROM embeddings WHERE target='reviews' LIMIT 1").fetchone()
    if row:
        model = row[0]
    result = {
        "rows_in_files": prep["rows"],
        "train_process_includes_encoding": not (reuse and os.path.exists(imported_file)),
        "reviews_imported": imported["rows_imported"],
        "duplicates_dropped": imported["rows_duplicate"],
        "rejected": imported["rows_rejected"],
        "split": report["split"],
        "shelfsense": {
            "kept": report["model"],
            "choice": report["choice"],
            "train_process_seconds": train_seconds,
            "train_process_peak_rss_mib": train_rss,
            "classifiers": report["classifiers"],
            "comparisons": report["comparisons"],
            "encoder": report["encoder"],
        },
        "sklearn": {
            "tfidf_word_default": sklearn_tfidf(split, "word", False),
            "tfidf_char_1_3_default_c": sklearn_tfidf(split, "char", False),
            "tfidf_char_1_3_c_on_validation": sklearn_tfidf(split, "char", True),
            # Tuned as ShelfSense's own is (balanced class weights, C on validation): the like-for-like check.
            "tfidf_word_1_2_balanced_c_on_validation": sklearn_tfidf(split, "word_1_2", True, True),
            "tfidf_char_1_3_balanced_c_on_validation": sklearn_tfidf(split, "char", True, True),
        },
    }
    if model:
        result["sklearn"]["logistic_on_shelfsense_vectors"] = sklearn_on_vectors(db, split, model)
    best_baseline = max(v["macro_f1"] for k, v in result["sklearn"].items() if k.startswith("tfidf") and v)
    kept = next(c for c in report["classifiers"] if c["classifier"] == report["model"])
    result["kept_minus_best_sklearn_tfidf_macro_f1"] = kept["heldout"]["macro_f1"] - best_baseline
    result["kept_accuracy"] = kept["heldout"]["accuracy"]
    best = max((c for c in report["classifiers"] if c.get("trained")), key=lambda c: c["heldout"]["macro_f1"])
    result["best_shelfsense_held_out"] = {"classifier": best["classifier"], "macro_f1": best["heldout"]["macro_f1"]}
    result["best_sklearn_tfidf_macro_f1"] = best_baseline
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--datasets", default="chinese,amazon")
    ap.add_argument("--no-encoder", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="a seeded sample of this many Chinese reviews (0: all)")
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--seeds", default="42", help="split seeds, e.g. 42 or 1-12 (with several, one result per seed and their means)")
    ap.add_argument("--with-finetune", action="store_true", help="also fine-tune the encoder's top layers with the head (minutes on a CPU)")
    ap.add_argument("--reuse", action="store_true", help="reuse the projects a previous run imported into --workdir (and their cached vectors)")
    args = ap.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="ss-sentiment-")
    os.makedirs(work, exist_ok=True)
    results = {"benchmark": "sentiment", "date": datetime.date.today().isoformat(), "machine": platform.processor() or platform.machine(),
               "cpus": os.cpu_count(), "encoder_used": not args.no_encoder, "finetune": args.with_finetune, "chinese_limit": args.limit, "datasets": {}}
    first, _, last = args.seeds.partition("-")
    seeds = list(range(int(first), int(last or first) + 1))
    for name in args.datasets.split(","):
        print(f"{name} ...", file=sys.stderr)
        runs = []
        for i, seed in enumerate(seeds):
            runs.append(run_dataset(name, args.cli, work, args.limit, args.no_encoder, args.reuse or i > 0, args.with_finetune, seed))
            print("seed", seed, "kept", runs[-1]["shelfsense"]["kept"], "best held out", runs[-1]["best_shelfsense_held_out"],
                  "best scikit-learn TF-IDF", round(runs[-1]["best_sklearn_tfidf_macro_f1"], 4), file=sys.stderr)
        if len(runs) == 1:
            results["datasets"][name] = runs[0]
            continue
        # Over several splits: the mean held-out macro-F1 of each ShelfSense classifier and each baseline.
        mean = lambda xs: sum(xs) / len(xs)
        classifiers = [c["classifier"] for c in runs[0]["shelfsense"]["classifiers"] if c.get("trained")]
        results["datasets"][name] = {
            "seeds": seeds,
            "runs": runs,
            "mean_held_out_macro_f1": {
                "shelfsense": {c: mean([next(x["heldout"]["macro_f1"] for x in r["shelfsense"]["classifiers"] if x["classifier"] == c)
                                        for r in runs]) for c in classifiers},
                "sklearn": {k: mean([r["sklearn"][k]["macro_f1"] for r in runs]) for k in runs[0]["sklearn"]},
            },
        }
    text = json.dumps(results, indent=2, ensure_ascii=False)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

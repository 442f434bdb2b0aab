#!/usr/bin/env python3
"""Encoding benchmark: ShelfSense (`shelfsense-cli embed`, LibTorch) vs sentence-transformers (PyTorch)
on the same real texts, machine, thread count and batch size, run one after the other.

Texts come from ../shared/data (research-only: read in place, never copied into the repository):
  short: Amazon review summaries, product names, STS-B sentences
  long:  Amazon review bodies and Chinese shopping reviews (online_shopping_10_cats)
Prints sentences/s and tokens/s for both, the ratio, peak resident memory, and the minimum cosine
between the two implementations' vectors.
Usage: bench/encode/run.py --cli build/default/app/shelfsense-cli [--count 10000] [--threads 2] [--batch-size 32]
Needs the peers venv (bench/peers/setup-venv.sh) and the default model (scripts/install-model.sh).
"""
import argparse, csv, io, json, os, subprocess, sys, tempfile, time, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data"))


def short_texts():
    out = []
    for name in ("AMAZON_FASHION_5.json", "All_Beauty_5.json"):
        for line in open(os.path.join(DATA, "amazon_reviews_2018_5core", name), encoding="utf-8"):
            s = json.loads(line).get("summary")
            if s:
                out.append(s)
    with open(os.path.join(DATA, "amazon_products_2020_sample", "amazon_products_sample_1000.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("Product Name"):
                out.append(row["Product Name"])
    for split in ("sts-train.csv", "sts-dev.csv", "sts-test.csv"):
        for line in open(os.path.join(DATA, "stsbenchmark", split), encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 7:
                out += [f[5], f[6]]
    return out


def long_texts():
    out = []
    for name in ("AMAZON_FASHION_5.json", "All_Beauty_5.json"):
        for line in open(os.path.join(DATA, "amazon_reviews_2018_5core", name), encoding="utf-8"):
            s = json.loads(line).get("reviewText")
            if s and len(s) > 200:
                out.append(s)
    with zipfile.ZipFile(os.path.join(DATA, "online_shopping_10_cats", "online_shopping_10_cats.zip")) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        reader = csv.reader(io.TextIOWrapper(z.open(name), encoding="utf-8-sig"))
        next(reader)
        for row in reader:
            if len(row) >= 3 and len(row[2]) > 60:
                out.append(row[2])
    return out


def clean(texts, count):
    seen, out = set(), []
    for t in texts:
        t = " ".join(t.split())  # one text per line in the input file
        if t and t not in seen:
            seen.add(t)
            out.append(t)
        if len(out) == count:
            break
    return out


def measured(cmd, env):
    """Runs cmd; returns (stdout, wall seconds, peak RSS MiB). Output goes to files, not pipes, so a
    child that writes a lot never blocks while we wait4() for its own resource usage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{stderr.decode(errors='replace')}")
    return stdout, elapsed, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--venv", default=os.path.expanduser("~/.cache/shelfsense/peers-venv"))
    ap.add_argument("--model", default=os.path.expanduser("~/.local/share/shelfsense/models/all-MiniLM-L6-v2"))
    ap.add_argument("--sets", default="short,long")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import numpy as np  # from the peers venv or the system

    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), OPENBLAS_NUM_THREADS=str(args.threads),
               MKL_NUM_THREADS=str(args.threads), SHELFSENSE_MODEL_DIR=args.model, HF_HUB_OFFLINE="1")
    work = tempfile.mkdtemp(prefix="ss-encode-")
    results = {"threads": args.threads, "batch_size": args.batch_size, "sets": {}}
    for name in args.sets.split(","):
        texts = clean(short_texts() if name == "short" else long_texts(), args.count)
        path = os.path.join(work, f"{name}.txt")
        open(path, "w", encoding="utf-8").write("\n".join(texts) + "\n")

        # ShelfSense: model load measured separately (one text), then the whole set.
        _, load_s, _ = measured([args.cli, "embed", "--json", "--quiet", "--threads", str(args.threads), "x"], env)
        out, ours_s, ours_mb = measured([args.cli, "embed", "--json", "--quiet", "--threads", str(args.threads),
                                         "--batch-size", str(args.batch_size), "--input", path], env)
        ours = np.array([r["vector"] for r in json.loads(out)], dtype=np.float32)
        ours_encode = max(ours_s - load_s, 1e-9)

        peer_out = os.path.join(work, f"{name}-peer.npy")
        out, peer_s, peer_mb = measured([os.path.join(args.venv, "bin", "python"), os.path.join(HERE, "peer_encode.py"),
                                         "--model", args.model, "--input", path, "--threads", str(args.threads),
                                         "--batch-size", str(args.batch_size), "--out", peer_out], env)
        peer = json.loads(out.decode().strip().splitlines()[-1])
        theirs = np.load(peer_out)
        cos = (ours * theirs).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1))
        n, tokens = len(texts), peer["tokens"]
        results["sets"][name] = {
            "texts": n, "tokens": tokens, "mean_tokens": round(tokens / n, 1),
            "shelfsense": {"encode_seconds": round(ours_encode, 2), "sentences_per_s": round(n / ours_encode, 1),
                           "tokens_per_s": round(tokens / ours_encode), "peak_rss_mib": round(ours_mb, 1)},
            "sentence_transformers": {"encode_seconds": round(peer["encode_seconds"], 2),
                                      "sentences_per_s": round(n / peer["encode_seconds"], 1),
                                      "tokens_per_s": round(tokens / peer["encode_seconds"]), "peak_rss_mib": round(peer_mb, 1),
                                      "torch": peer["torch"]},
            "speed_ratio_shelfsense_over_peer": round(peer["encode_seconds"] / ours_encode, 3),
            "min_cosine": round(float(cos.min()), 6),
        }
    if args.json:
        print(json.dumps(results))
        return
    for name, r in results["sets"].items():
        print(f"{name}: {r['texts']} texts, {r['mean_tokens']} tokens on average "
              f"(threads {args.threads}, batch {args.batch_size})")
        for who in ("shelfsense", "sentence_transformers"):
            x = r[who]
            print(f"  {who:22s} {x['sentences_per_s']:8.1f} sentences/s {x['tokens_per_s']:9d} tokens/s "
                  f"peak {x['peak_rss_mib']:7.1f} MiB")
        print(f"  ratio (ShelfSense speed / sentence-transformers speed): {r['speed_ratio_shelfsense_over_peer']:.2f}x; "
              f"min cosine {r['min_cosine']:.6f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Encoding benchmark: ShelfSense (`shelfsense-cli embed`, LibTorch) vs sentence-transformers (PyTorch)
and ONNX Runtime (the same model exported by bench/peers/export_onnx.py, fp32 and dynamic int8) on the
same real texts, machine, thread count and batch size, run one after the other.

Texts come from ../shared/data (research-only: read in place, never copied into the repository):
  short: Amazon review summaries, product names, STS-B sentences
  sts:   the STS Benchmark test pairs, for each encoder's Spearman correlation with the human scores
  long:  Amazon review bodies and Chinese shopping reviews (online_shopping_10_cats)
Prints sentences/s, tokens/s and GFLOP/s (MiniLM-L6 does about 21.5 MFLOP per token in its layers)
for each, the share of the machine's fp32 matrix-product peak (a 2048^3 product in PyTorch, measured
in the same run), the ratios, peak resident memory, and the minimum cosine of each peer's vectors to
ShelfSense's. OpenBLAS (Debian's LibTorch uses it) picks its kernels by CPU unless OPENBLAS_CORETYPE
forces them; a machine that sets it (this one sets Haswell, an AVX2 kernel, on an AVX-512 CPU) is
measured both ways: as configured, and with the variable removed as on a user's machine.
Every engine runs --repeat times (default 3), the engines taking turns in each round, and the median
time counts (each run's seconds are in the JSON): on a shared virtual machine one run of the same
binary varied by up to 20%.
Usage: bench/encode/run.py --cli build/default/app/shelfsense-cli [--count 10000] [--threads 2] [--batch-size 32]
                           [--repeat 3] [--onnx-dir ~/.cache/shelfsense/onnx/all-MiniLM-L6-v2]
Needs the peers venv (bench/peers/setup-venv.sh) and the default model (scripts/install-model.sh).
"""
import argparse, base64, csv, io, json, os, statistics, subprocess, sys, tempfile, time, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data"))
MFLOP_PER_TOKEN = 21.5  # MiniLM-L6's layers: 6 x (4 x 384^2 + 2 x 384 x 1536) multiply-adds x 2


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


def sts_test_pairs():
    """STS Benchmark test pairs: (sentence 1, sentence 2, gold similarity 0-5)."""
    pairs = []
    for line in open(os.path.join(DATA, "stsbenchmark", "sts-test.csv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 7:
            pairs.append((" ".join(f[5].split()), " ".join(f[6].split()), float(f[4])))
    return pairs


def spearman(a, b):
    """Spearman's rank correlation (average ranks for ties), as scipy.stats.spearmanr."""
    import numpy as np

    def ranks(x):
        x = np.asarray(x, dtype=np.float64)
        order = np.argsort(x, kind="mergesort")
        r = np.empty(len(x))
        sx = x[order]
        i = 0
        while i < len(x):
            j = i
            while j + 1 < len(x) and sx[j + 1] == sx[i]:
                j += 1
            r[order[i:j + 1]] = (i + j) / 2.0 + 1
            i = j + 1
        return r
    return float(np.corrcoef(ranks(a), ranks(b))[0, 1])


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


def cpu_description():
    """The CPU model and its widest vector/matrix extensions: ratios differ by machine (AVX2 vs AVX-512)."""
    model, flags = "", set()
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        key, _, value = line.partition(":")
        if key.strip() == "model name" and not model:
            model = value.strip()
        elif key.strip() == "flags" and not flags:
            flags = set(value.split())
    wanted = ("avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_bf16")
    return {"model": model, "cores": os.cpu_count(), "extensions": [f for f in wanted if f in flags]}


def matrix_product_peak(python, threads):
    """The machine's fp32 matrix-product rate: the best of several 2048^3 products in PyTorch (the peers'
    BLAS) with the benchmark's thread count, in GFLOP/s."""
    code = ("import time, torch; torch.set_num_threads(%d); a = torch.randn(2048, 2048); b = torch.randn(2048, 2048); "
            "best = 1e9\nfor _ in range(12):\n    t = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t)\n"
            "print(2 * 2048 ** 3 / best / 1e9)") % threads
    return round(float(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.split()[-1]), 1)


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
    ap.add_argument("--sets", default="short,long,sts",
                    help="short, long: speed and cosine to ShelfSense; sts: STS Benchmark test Spearman of each encoder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each engine, taking turns; the median counts")
    ap.add_argument("--counts", default="", help="per set, e.g. short=2000,long=1000 (else --count)")
    ap.add_argument("--onnx-dir", default="~/.cache/shelfsense/onnx/all-MiniLM-L6-v2",
                    help="model-fp32.onnx and model-int8.onnx from bench/peers/export_onnx.py (left out when missing)")
    args = ap.parse_args()
    import numpy as np  # from the peers venv or the system

    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), OPENBLAS_NUM_THREADS=str(args.threads),
               MKL_NUM_THREADS=str(args.threads), SHELFSENSE_MODEL_DIR=args.model, HF_HUB_OFFLINE="1")
    auto_blas = {k: v for k, v in env.items() if k != "OPENBLAS_CORETYPE"}
    counts = dict((kv.split("=")[0], int(kv.split("=")[1])) for kv in args.counts.split(",")) if args.counts else {}
    work = tempfile.mkdtemp(prefix="ss-encode-")
    onnx = {p: os.path.join(os.path.expanduser(args.onnx_dir), f"model-{p}.onnx") for p in ("fp32", "int8")}
    results = {"cpu": cpu_description(), "threads": args.threads, "batch_size": args.batch_size, "repeat": args.repeat, "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE"),
               "mflop_per_token": MFLOP_PER_TOKEN, "sets": {}}
    python = os.path.join(args.venv, "bin", "python")
    peak = results["matrix_product_peak_gflop_per_s"] = matrix_product_peak(python, args.threads)
    for name in args.sets.split(","):
        pairs = sts_test_pairs() if name == "sts" else None
        source = [t for p in pairs for t in p[:2]] if pairs else short_texts() if name == "short" else long_texts()
        texts = clean(source, counts.get(name, len(source) if pairs else args.count))
        path = os.path.join(work, f"{name}.txt")
        open(path, "w", encoding="utf-8").write("\n".join(texts) + "\n")
        runs, vectors, tokens = {}, {}, None

        def record(label, seconds, mb, extra=None):
            r = runs.setdefault(label, {"seconds_each_run": [], "peak_rss_mib": 0.0})
            r["seconds_each_run"].append(round(seconds, 3))
            r["peak_rss_mib"] = max(r["peak_rss_mib"], mb)
            r.update(extra or {})

        def ours(label, run_env, extra):
            # Model load measured separately (one text), then the whole set.
            _, load_s, _ = measured([args.cli, "embed", "--json", "--quiet", "--threads", str(args.threads), *extra, "x"], run_env)
            # Vectors as base64 float32: formatting 2,000 x 384 numbers as JSON text would be timed as encoding
            # (the peers time their encode call alone and write .npy).
            out, total_s, mb = measured([args.cli, "embed", "--json", "--vector-format", "base64", "--quiet", "--threads",
                                         str(args.threads), "--batch-size", str(args.batch_size), *extra, "--input", path], run_env)
            vectors[label] = np.stack([np.frombuffer(base64.b64decode(r["vector"]), dtype="<f4") for r in json.loads(out)])
            record(label, max(total_s - load_s, 1e-9), mb)

        def peer(label, script, extra):
            out_file = os.path.join(work, f"{name}-{label}.npy")
            out, _, mb = measured([python, os.path.join(HERE, script), "--model", args.model, "--input", path, "--threads",
                                   str(args.threads), "--batch-size", str(args.batch_size), "--out", out_file, *extra], env)
            info = json.loads(out.decode().strip().splitlines()[-1])
            vectors[label] = np.load(out_file)
            record(label, info["encode_seconds"], mb, {k: info[k] for k in ("torch", "onnxruntime") if k in info})
            return info["tokens"]

        for _ in range(max(1, args.repeat)):
            ours("shelfsense", env, [])
            ours("shelfsense_fast", env, ["--precision", "fast"])
            if "OPENBLAS_CORETYPE" in env:
                ours("shelfsense_blas_detected", auto_blas, [])
                ours("shelfsense_fast_blas_detected", auto_blas, ["--precision", "fast"])
            tokens = peer("sentence_transformers", "peer_encode.py", [])
            for precision, file in onnx.items():
                if os.path.exists(file):
                    peer(f"onnxruntime_{precision}", "peer_onnx.py", ["--onnx", file])
        for r in runs.values():
            r["encode_seconds"] = statistics.median(r["seconds_each_run"])
        n = len(texts)
        exact = vectors["shelfsense"]
        entry = {"texts": n, "tokens": tokens, "mean_tokens": round(tokens / n, 1)}
        for label, r in runs.items():
            v = vectors[label]
            cos = (exact * v).sum(1) / (np.linalg.norm(exact, axis=1) * np.linalg.norm(v, axis=1))
            s = r["encode_seconds"]
            entry[label] = {**{k: v2 for k, v2 in r.items() if k != "encode_seconds"}, "encode_seconds": round(s, 2),
                            "sentences_per_s": round(n / s, 1), "tokens_per_s": round(tokens / s),
                            "gflop_per_s": round(tokens * MFLOP_PER_TOKEN / 1000 / s, 1),
                            "percent_of_peak": round(100 * tokens * MFLOP_PER_TOKEN / 1000 / s / peak, 1), "peak_rss_mib": round(r["peak_rss_mib"], 1),
                            "cosine_to_shelfsense_min": round(float(cos.min()), 6), "cosine_to_shelfsense_mean": round(float(cos.mean()), 6)}
            if pairs:
                row = {t: i for i, t in enumerate(texts)}
                a = v[[row[p[0]] for p in pairs]]
                b = v[[row[p[1]] for p in pairs]]
                predicted = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
                entry[label]["sts_test_spearman"] = round(spearman(predicted, [p[2] for p in pairs]), 5)
        for ours_label in [l for l in runs if l.startswith("shelfsense")]:
            for peer_label in [l for l in runs if not l.startswith("shelfsense")]:
                entry.setdefault("speed_ratios", {})[f"{ours_label}/{peer_label}"] = round(
                    runs[peer_label]["encode_seconds"] / runs[ours_label]["encode_seconds"], 3)
        results["sets"][name] = entry
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results["sets"].items():
        print(f"{name}: {r['texts']} texts, {r['mean_tokens']} tokens on average (threads {args.threads}, batch {args.batch_size})")
        for label, x in r.items():
            if isinstance(x, dict) and "sentences_per_s" in x:
                print(f"  {label:26s} {x['sentences_per_s']:8.1f} sentences/s {x['tokens_per_s']:8d} tokens/s {x['gflop_per_s']:7.1f} GFLOP/s ({x['percent_of_peak']:.0f}% of peak) "
                      f"peak {x['peak_rss_mib']:7.1f} MiB  cosine to ShelfSense min {x['cosine_to_shelfsense_min']:.6f}"
                      + (f"  STS-B test Spearman {x['sts_test_spearman']:.4f}" if "sts_test_spearman" in x else ""))
        for k, v in r.get("speed_ratios", {}).items():
            print(f"  {k}: {v:.2f}x")


if __name__ == "__main__":
    main()

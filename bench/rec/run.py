#!/usr/bin/env python3
"""Recommender benchmarks, all on this machine, one after the other (numbers for the issue note):

  quality   MovieLens-100k ua.base/ua.test: P/R/NDCG/MAP@10 of every recommender (`recommenders`
            convention, full ranking, training items removed); the sample shop and the Taobao sample
            with a temporal split and purchase target: overall and cold-item slice, with p-values.
  als       ALS seconds per iteration, ShelfSense vs the `implicit` library (CPU, conjugate gradient,
            3 steps, 64 factors) on the same confidence matrix and the same thread count; ratio.
  speed     scoring throughput: users/second for top-10 over all items through the engine
            (ATen/OpenBLAS product and the portable kernel).
  languages the text models by the shop's language: the sample shop written in English, in Chinese
            and bilingual (`sample --language en|zh|both`, same customers and behaviour), each
            evaluated with content (BERT, the default encoder), content_words (TF-IDF) and the
            two-tower model beside popularity: overall and cold-item NDCG@10 with p-values.

  stopping  the two-tower's early-stopping rules (ranking | loss) on the sample shop in English and
            Chinese (three seeds) and optionally a bigger project (--medium-shop): NDCG@10, epochs, fit time.
  negatives the two-tower's negatives, each positive's own draws against picks from a pool of 512 a
            batch (twotower.negative_pool 0 | 512), on the same shops.

Usage: bench/rec/run.py --build /work/build-rec [--work /tmp/recbench] [--only quality,als,speed,languages,stopping,negatives]
                        [--python ~/.cache/shelfsense/peers-venv/bin/python]
The peer environment (with `implicit`): bench/peers/setup-venv.sh
"""
import argparse, json, os, platform, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))
ALL = "popularity,itemknn,als,content,content_words,twotower,hybrid"
TEXT_MODELS = "popularity,content,content_words,twotower"


def run(cmd, env=None):
    e = dict(os.environ)
    e.setdefault("OPENBLAS_NUM_THREADS", "1")
    if env:
        e.update(env)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e)
    if out.returncode != 0:
        sys.exit(f"failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr[-3000:]}")
    return out.stdout, time.perf_counter() - t0


def table(title, result, slices=("cold_items",)):
    k = result["k"]
    keys = [f"precision@{k}", f"recall@{k}", f"ndcg@{k}", f"map@{k}"]
    print(f"\n{title}  (convention {result['convention']}, split {result['split'].get('kind')}, "
          f"{result['split'].get('test_users')} test users, {result['split'].get('test_pairs')} test pairs)")
    print(f"{'model':<14}" + "".join(f"{x:>14}" for x in keys) + "".join(f"{s + ' ndcg':>18}" for s in slices) + f"{'fit s':>9}")
    for r in result["runs"]:
        row = f"{r['recommender']:<14}" + "".join(f"{r['metrics'][x]:>14.4f}" for x in keys)
        for s in slices:
            v = next((x["metrics"][f"ndcg@{k}"] for x in r["slices"] if x["slice"] == s), None)
            row += f"{v:>18.4f}" if v is not None else f"{'-':>18}"
        print(row + f"{r['timings']['fit_seconds']:>9.1f}")
    def show(c, where):
        p = c["p_value"]
        print(f"  ndcg{where} {c['a']:>10} − {c['b']:<10} {c['mean_difference']:+.4f}  t-test p={p if p is None else f'{p:.2g}'}"
              f"  Wilcoxon p={c['wilcoxon_p'] if c['wilcoxon_p'] is None else format(c['wilcoxon_p'], '.2g')}  n={c['n']}"
              f"{'' if c['significant'] else '  (not significant)'}")
    for c in result["comparisons"]:
        if c["metric"] == f"ndcg@{k}" and ("popularity" in (c["a"], c["b"]) or "twotower" in (c["a"], c["b"])):
            show(c, "")
    # New items: the text models against the ones that cannot score them.
    for c in result.get("slice_comparisons", []):
        if c["metric"] == f"ndcg@{k}" and c["slice"] in slices and {"content", "content_words", "twotower"} & {c["a"], c["b"]}:
            show(c, f" [{c['slice']}]")


def quality(args, results):
    bench = os.path.join(args.build, "bench", "rec", "ss-bench-rec")
    cli = os.path.join(args.build, "app", "shelfsense-cli")
    out, secs = run([bench, "movielens", os.path.join(DATA, "movielens_100k"), args.work])
    results["movielens"] = json.loads(out)
    table("MovieLens-100k ua.base / ua.test", results["movielens"], slices=())

    shop = os.path.join(args.work, "shop.shelfsense")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(shop + suffix):
            os.remove(shop + suffix)
    run([cli, "sample", "--db", shop, "--quiet"])
    out, _ = run([cli, "evaluate", "--db", shop, "--recommenders", ALL, "--split", "temporal", "--k", "10", "--json", "--quiet", "--no-store"])
    results["sample_shop"] = json.loads(out)
    table("Sample shop (5000 users, 2000 items), temporal split, purchase target", results["sample_shop"])

    taobao = os.path.join(args.work, "taobao.shelfsense")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(taobao + suffix):
            os.remove(taobao + suffix)
    run([cli, "import", "--db", taobao, "--format", "taobao", "--quiet",
         os.path.join(DATA, "taobao_userbehavior_sample", "UserBehavior_head84475.csv")])
    out, _ = run([cli, "evaluate", "--db", taobao, "--recommenders", ALL, "--split", "temporal", "--k", "10", "--json", "--quiet", "--no-store"])
    results["taobao"] = json.loads(out)
    table("Taobao sample (815 users, 55k items), temporal split, purchase target", results["taobao"])


def languages(args, results):
    cli = os.path.join(args.build, "app", "shelfsense-cli")
    results["languages"] = {}
    for language, title in (("en", "English"), ("zh", "Chinese"), ("both", "bilingual")):
        shop = os.path.join(args.work, f"shop-{language}.shelfsense")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(shop + suffix):
                os.remove(shop + suffix)
        run([cli, "sample", "--db", shop, "--language", language, "--quiet"])
        out, secs = run([cli, "evaluate", "--db", shop, "--recommenders", TEXT_MODELS, "--split", "temporal", "--k", "10",
                         "--json", "--quiet", "--no-store"])
        result = json.loads(out)
        result["seconds_with_encoding"] = secs
        # How well the encoder read this shop's item text (exact after the evaluation's encode).
        stats, _ = run([cli, "stats", "--db", shop, "--json"])
        result["language_coverage"] = json.loads(stats).get("language_coverage")
        results["languages"][language] = result
        table(f"Sample shop in {title} (--language {language}), temporal split, purchase target", result)


def twotower_settings(args, results, part, parameter, values, title):
    """The two-tower with one parameter at each of `values`, side by side on the sample shop in English
    and in Chinese (three seeds each) and on --medium-shop when given (a project with item vectors, e.g.
    bench/scale's 2M-event one): NDCG@10 overall and on cold items, epochs, the best epoch and fit seconds."""
    cli = os.path.join(args.build, "app", "shelfsense-cli")
    shops = []
    for language in ("en", "zh"):
        shop = os.path.join(args.work, f"stop-{language}.shelfsense")
        if not os.path.exists(shop):
            run([cli, "sample", "--db", shop, "--language", language, "--quiet"])
            run([cli, "encode", "--db", shop, "--target", "items", "--quiet"])
        shops.append((f"sample shop ({language})", shop, (1, 2, 3)))
    if args.medium_shop:
        shops.append((os.path.basename(args.medium_shop), args.medium_shop, (1,)))
    rows = []
    print(f"\n{title}")
    for name, shop, seeds in shops:
        for seed in seeds:
            for value in values:
                cmd = [cli, "evaluate", "--db", shop, "--recommenders", "twotower", "--split", "temporal", "--k", "10",
                       "--seed", str(seed), "--param", f"{parameter}={value}", "--json", "--quiet", "--no-store"]
                if args.test_users:
                    cmd += ["--test-users", str(args.test_users)]
                out, secs = run(cmd, env={"OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "2")})
                r = json.loads(out)["runs"][0]
                cold = next((x["metrics"]["ndcg@10"] for x in r["slices"] if x["slice"] == "cold_items"), None)
                t = r.get("training", {})
                row = {"shop": name, "seed": seed, parameter: value, "ndcg@10": r["metrics"]["ndcg@10"],
                       "ndcg@10_ci": r.get("confidence_intervals", {}).get("ndcg@10"), "cold_ndcg@10": cold,
                       "epochs": t.get("epochs"), "best_epoch": t.get("best_epoch"), "validation_ndcg": t.get("validation_ndcg"),
                       "ranking_customers": t.get("ranking_customers"), "fit_seconds": r["timings"]["fit_seconds"],
                       "process_seconds": round(secs, 1)}
                rows.append(row)
                print(f"  {name:<28} seed {seed}  {value:<8} NDCG@10 {row['ndcg@10']:.4f}  cold {cold if cold is None else round(cold, 4)}"
                      f"  epochs {row['epochs']} (best {row['best_epoch']})  fit {row['fit_seconds']:.1f} s", flush=True)
    results[part] = rows


def stopping(args, results):
    """The two-tower's early-stopping rules (`twotower.early_stopping` ranking | loss) side by side."""
    twotower_settings(args, results, "stopping", "twotower.early_stopping", ("loss", "ranking"),
                      "Two-tower early stopping: ranking (validation NDCG@10) against loss (validation loss)")


def negatives(args, results):
    """The two-tower's negatives drawn apart for each positive (`twotower.negative_pool=0`) against picked
    from one pool of 512 draws a batch (the default) side by side."""
    twotower_settings(args, results, "negatives", "twotower.negative_pool", ("0", "512"),
                      "Two-tower negatives: each positive's own draws (0) against picks from a pool of 512 a batch")


def big_shop(args):
    """The 40,000-customer sample shop the ALS and throughput runs share (written once per work folder)."""
    big = os.path.join(args.work, "als-shop.shelfsense")
    if not os.path.exists(big):
        run([os.path.join(args.build, "app", "shelfsense-cli"), "sample", "--db", big, "--users", "40000", "--items", "8000", "--quiet"])
    return big


def als(args, results):
    bench = os.path.join(args.build, "bench", "rec", "ss-bench-rec")
    big = big_shop(args)
    rows = []
    for name, source in (("MovieLens-100k ua.base", ["--movielens", os.path.join(DATA, "movielens_100k")]),
                         ("sample shop 40k users", ["--db", big])):
        export = os.path.join(args.work, "als-matrix.txt")
        for threads in (1, 2):
            ours, _ = run([bench, "als-time", *source, "--threads", str(threads), "--iterations", "10", "--export", export])
            tensors, _ = run([bench, "als-time", *source, "--threads", str(threads), "--iterations", "10", "--tensors"],
                             env={"OMP_NUM_THREADS": str(threads)})
            peer, _ = run([args.python, os.path.join(HERE, "implicit_als.py"), export, "--threads", str(threads), "--iterations", "10"])
            o, t, p = json.loads(ours), json.loads(tensors), json.loads(peer)
            rows.append({"data": name, "threads": threads, "nnz": o["nnz"], "shelfsense": o["median_seconds_per_iteration"],
                         "shelfsense_tensors_cpu": t["median_seconds_per_iteration"],
                         "implicit": p["median_seconds_per_iteration"], "library": p["library"]})
    results["als"] = rows
    print("\nALS seconds per iteration (64 factors, CG 3 steps; median of 10)")
    for r in rows:
        print(f"  {r['data']:<24} nnz {r['nnz']:>8}  threads {r['threads']}  ShelfSense {r['shelfsense']:.4f}  "
              f"(tensor solver on the CPU {r['shelfsense_tensors_cpu']:.4f})  "
              f"{r['library']} {r['implicit']:.4f}  ratio implicit/ShelfSense {r['implicit'] / r['shelfsense']:.2f}")


def speed(args, results):
    bench = os.path.join(args.build, "bench", "rec", "ss-bench-rec")
    big = big_shop(args)
    rows = []
    for recommender in ("als", "itemknn", "popularity"):
        for portable in (False, True):
            if portable and recommender != "als":
                continue
            cmd = [bench, "throughput", "--db", big, "--recommender", recommender, "--threads", "1"] + (["--portable"] if portable else [])
            out, _ = run(cmd)
            rows.append(json.loads(out))
    results["throughput"] = rows
    print("\nScoring throughput, top-10 over all items, 1 thread")
    for r in rows:
        print(f"  {r['recommender']:<11} gemm {r['gemm']:<9} {r['users']} users × {r['items']} items: {r['users_per_second']:,.0f} users/s")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", required=True)
    p.add_argument("--work", default="/tmp/recbench")
    p.add_argument("--only", default="quality,als,speed")
    p.add_argument("--python", default=os.path.expanduser("~/.cache/shelfsense/peers-venv/bin/python"))
    p.add_argument("--out", default=None)
    p.add_argument("--medium-shop", default=None, help="stopping, negatives: also a project with item vectors (e.g. bench/scale's 2M)")
    p.add_argument("--test-users", type=int, default=0, help="stopping, negatives: evaluate a seeded sample of this many test users")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    results = {"meta": {"date": time.strftime("%Y-%m-%d"), "machine": platform.processor() or platform.machine(),
                        "cpus": os.cpu_count(), "parts": args.only,
                        "revision": subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"],
                                                   capture_output=True, text=True).stdout.strip()}}
    for part in args.only.split(","):
        {"quality": quality, "als": als, "speed": speed, "languages": languages, "stopping": stopping,
         "negatives": negatives}[part](args, results)
    with open(args.out or os.path.join(args.work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()

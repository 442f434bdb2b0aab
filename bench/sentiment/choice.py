#!/usr/bin/env python3
"""How the sentiment trainer's choice of classifier holds up across splits: for each seed, trains on
an already imported project (run.py --workdir leaves them) and compares, on the held-out reviews,
the classifier the trainer kept (on a validation part under 2,000 reviews: the best 5-fold
cross-validated macro-F1 over training + validation; otherwise the cheapest unless a costlier one
beats it on validation beyond doubt) with the one the plain maximum of validation macro-F1 would
have kept, and with the best one held out.
Usage: choice.py --cli build/default/app/shelfsense-cli --db /tmp/ss-sentiment/amazon.shelfsense
                 --labels stars [--seeds 1-10] [--out FILE]"""
import argparse, json, statistics, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--labels", default="stars")
    ap.add_argument("--seeds", default="1-10")
    ap.add_argument("--out")
    args = ap.parse_args()
    first, last = (int(x) for x in args.seeds.split("-"))
    rows = []
    for seed in range(first, last + 1):
        out = subprocess.run([args.cli, "sentiment", "train", "--db", args.db, "--labels", args.labels, "--classes", "2",
                              "--seed", str(seed), "--json", "--quiet"], check=True, capture_output=True, text=True).stdout
        report = json.loads(out)
        trained = [c for c in report["classifiers"] if c.get("trained")]
        heldout = {c["classifier"]: c["heldout"]["macro_f1"] for c in trained}
        plain = max(trained, key=lambda c: c["validation_macro_f1"])["classifier"]  # first of equals, as before
        rows.append({"seed": seed, "validation": report["split"]["validation"], "choice": report["choice"],
                     "kept": report["model"], "plain_maximum": plain,
                     "best_held_out": max(heldout, key=heldout.get), "kept_macro_f1": heldout[report["model"]],
                     "plain_macro_f1": heldout[plain], "best_macro_f1": max(heldout.values()), "held_out": heldout,
                     "validation_macro_f1": {c["classifier"]: c["validation_macro_f1"] for c in trained},
                     "cross_validation_macro_f1": {c["classifier"]: c.get("cross_validation_macro_f1") for c in trained}})
        print(json.dumps(rows[-1]), file=sys.stderr)
    # The classifier best on average over all the splits: what a good rule should pick most often.
    names = list(rows[0]["held_out"])
    mean_held_out = {n: statistics.mean(r["held_out"][n] for r in rows) for n in names}
    overall = max(mean_held_out, key=mean_held_out.get)
    summary = {
        "mean_held_out_macro_f1_by_classifier": mean_held_out,
        "best_on_average": overall,
        "kept_is_best_on_average": sum(r["kept"] == overall for r in rows),
        "plain_is_best_on_average": sum(r["plain_maximum"] == overall for r in rows),
        "seeds": len(rows),
        "kept_is_best_held_out": sum(r["kept"] == r["best_held_out"] for r in rows),
        "plain_is_best_held_out": sum(r["plain_maximum"] == r["best_held_out"] for r in rows),
        "mean_kept_macro_f1": statistics.mean(r["kept_macro_f1"] for r in rows),
        "mean_plain_macro_f1": statistics.mean(r["plain_macro_f1"] for r in rows),
        "mean_best_macro_f1": statistics.mean(r["best_macro_f1"] for r in rows),
        "mean_regret_kept": statistics.mean(r["best_macro_f1"] - r["kept_macro_f1"] for r in rows),
        "mean_regret_plain": statistics.mean(r["best_macro_f1"] - r["plain_macro_f1"] for r in rows),
    }
    text = json.dumps({"benchmark": "sentiment-choice", "db": args.db.split("/")[-1], "rows": rows, "summary": summary}, indent=2)
    if args.out:
        open(args.out, "w").write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How long the Cohorts screen keeps the window from answering while its options change (issue: "changing
an option never blocks the window for more than 100 ms").

Runs the ui test TestCohortsScreen::responsivenessWhileOptionsChange (offscreen) on a project: it opens
the project in the screen, then changes the period (day, month, week), the measure, and every grouping
the project offers, one after another, waiting each time for the new result. A timer that should fire
every 5 ms on the GUI thread records how late each tick comes (tests/ui/GuiStallMeter.h): the longest
lateness is the longest the window could not repaint or take input. The computations themselves run as
jobs; what remains on the GUI thread is showing the result (table, four charts).

Usage: bench/cohorts/ui_block.py --build build/default [--db FILE ...] [--sample-users N ...] [--out FILE]
Each --db is measured as it is; each --sample-users N writes a sample shop of N customers first
(`shelfsense-cli sample --users N --items N/2.5`). Default: the default sample shop (5,000 customers).
"""
import argparse, datetime, json, os, platform, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def measure(test, project, work):
    out = os.path.join(work, "ui-timing.json")
    env = dict(os.environ, SS_UI_TIMING="1", SS_UI_TIMING_JSON=out, QT_QPA_PLATFORM="offscreen")
    if project:
        env["SS_UI_PROJECT"] = project
    run = subprocess.run([test, "responsivenessWhileOptionsChange"], env=env, capture_output=True, text=True)
    if run.returncode != 0 or not os.path.exists(out):
        sys.exit(f"the measurement failed ({run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}")
    with open(out) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "default"))
    ap.add_argument("--db", action="append", default=[])
    ap.add_argument("--sample-users", type=int, action="append", default=[])
    ap.add_argument("--out")
    args = ap.parse_args()
    test = os.path.join(args.build, "tests", "ui", "test_cohorts_screen")
    cli = os.path.join(args.build, "app", "shelfsense-cli")
    runs = []
    with tempfile.TemporaryDirectory() as work:
        projects = [(db, None) for db in args.db]
        for users in args.sample_users:
            db = os.path.join(work, f"sample-{users}.shelfsense")
            subprocess.run([cli, "sample", "--db", db, "--users", str(users), "--items", str(max(100, int(users / 2.5))), "--quiet"],
                           check=True)
            projects.append((db, users))
        if not projects:
            projects = [(None, 5000)]
        for db, users in projects:
            stats = None
            if db:
                stats = json.loads(subprocess.run([cli, "stats", "--db", db, "--json"], capture_output=True, text=True, check=True).stdout)
            result = measure(test, db, work)
            result["project"] = os.path.basename(db) if db else "default sample shop (written by the test)"
            if stats:
                result["events"] = stats.get("events")
                result["users"] = stats.get("users")
            elif users:
                result["users"] = users
            runs.append(result)
            print(f"\n{result['project']}: longest stall {result['longest_stall_ms']:.1f} ms")
            for s in result["steps"]:
                print(f"  {s['change']:<40} result in {s['seconds']:.3f} s, window stopped for at most {s['longest_stall_ms']:.1f} ms")
    report = {"meta": {"date": datetime.date.today().isoformat(), "machine": platform.processor() or platform.machine(),
                       "cpus": os.cpu_count(), "goal_ms": 100,
                       "revision": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                                  text=True).stdout.strip()},
              "runs": runs}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, indent=1)
        print(f"\nwritten {args.out}")


if __name__ == "__main__":
    main()

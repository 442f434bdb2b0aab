#!/usr/bin/env python3
"""Crash-safety test: SIGKILL shelfsense-cli at random moments during long-running writes.

Five operations are interrupted, --rounds times each (the import alternates between a bulk load,
which runs on a rollback journal, and an import into a larger project, which stays on WAL):

  import     `import --format taobao` of a generated file       all or nothing
  encode     `encode --target items`                             committed chunks kept, resumed
  train      `recommend --recommender als` (keeps the model)     a kept model is complete
  evaluate   `evaluate --recommenders popularity,itemknn`        runs complete or absent
  cohorts    `cohorts` building the activity summary             summary complete or absent

After every kill the project must open (first with a read-only command, then `stats`), `PRAGMA
integrity_check` must say ok, and the project must hold exactly the state of the last committed
step, compared with an uninterrupted reference run of the same command on a copy of the same file.

Usage: kill_test.py --cli PATH/shelfsense-cli [--rounds N] [--seed S] [--workdir DIR] [--ops LIST] [--keep]
Exit status: 0 when every check passed (a skipped operation is reported, not failed), 1 on any
violation, 2 when the test itself could not be set up.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time

OPS = ["import", "encode", "train", "evaluate", "cohorts"]
PROBE_USER = "U00001"
ALS_PARAMS = ["--param", "als.iterations=40"]
EVAL_ARGS = ["--recommenders", "popularity,itemknn", "--split", "temporal"]
ENCODE_CHUNK = 512  # core/embed/EncodeJob.h kChunk: vectors are committed per chunk of items
TAOBAO_WINDOW = (1511539200, 1512316800)  # core/ingest/TaobaoFormat.h: rows inside are not flagged


class SetupError(Exception):
    pass


class Cli:
    def __init__(self, path):
        self.path = path

    def argv(self, *args):
        return [self.path] + [str(a) for a in args]

    def run(self, *args, timeout=300):
        """Runs to completion: (exit status, stdout, stderr)."""
        p = subprocess.run(self.argv(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def must(self, *args, timeout=600):
        rc, out, err = self.run(*args, timeout=timeout)
        if rc != 0:
            raise SetupError("shelfsense-cli %s failed (%d): %s" % (" ".join(map(str, args)), rc, err.strip()[-500:]))
        return out


def project_files(path):
    return [path + s for s in ("", "-wal", "-shm", "-journal") if os.path.exists(path + s)]


def copy_project(src, dst):
    for f in project_files(dst):
        os.remove(f)
    for f in project_files(src):
        shutil.copyfile(f, dst + f[len(src):])


def connect(path):
    db = sqlite3.connect(path, timeout=30)
    db.execute("PRAGMA cache_size=-262144")  # 256 MiB: integrity_check of the larger projects in one pass
    return db


def fetch_all(path, sql):
    db = connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def integrity(path):
    rows = fetch_all(path, "PRAGMA integrity_check")
    return [r[0] for r in rows]


def sha(data):
    return hashlib.sha256(data if isinstance(data, bytes) else data.encode()).hexdigest()


def strip_keys(text, keys):
    o = json.loads(text)
    for k in keys:
        o.pop(k, None)
    return o


def write_taobao_csv(path, rows, seed):
    r = random.Random(seed)
    behaviours = ["pv"] * 8 + ["cart", "fav", "buy"]
    lo, hi = TAOBAO_WINDOW
    with open(path, "w") as f:
        for _ in range(rows):
            f.write("%d,%d,%d,%s,%d\n" % (r.randint(1, 50000), r.randint(1, 20000), r.randint(1, 300),
                                          r.choice(behaviours), r.randint(lo, hi - 1)))


def stats_counts(text):
    """`stats --json` without its language coverage (a measure with its own time, checked apart)."""
    stats = json.loads(text)
    stats.pop("language_coverage", None)
    return json.dumps(stats, sort_keys=True)


def stats_coverage(text):
    return json.loads(text).get("language_coverage", [])


def stats_json(cli, path):
    rc, out, err = cli.run("stats", "--db", path, "--json")
    return rc, (stats_counts(out) if rc == 0 else err.strip()[-400:]), (out if rc == 0 else "")


# ---- state signatures (read with python's sqlite3, only after the CLI has opened the file) ----

def import_signature(path):
    db = connect(path)
    try:
        q = lambda sql: db.execute(sql).fetchall()
        sig = {
            "events": q("SELECT count(*), total(seq), total(user_id), total(item_id), total(ts), total(type),"
                        " count(import_id) FROM events")[0],
            "event_count": q("SELECT events FROM event_count"),  # kept by triggers and the import's merge
            "event_triggers": q("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='events' ORDER BY name"),
            "users": q("SELECT count(*), coalesce(max(id),0), total(length(external_id)) FROM users")[0],
            "items": q("SELECT count(*), coalesce(max(id),0), total(length(external_id)), count(category) FROM items")[0],
            "reviews": q("SELECT count(*) FROM reviews")[0],
            "imports": q("SELECT id, format, path, fingerprint, rows_read, rows_imported, rows_rejected, rows_flagged,"
                         " rows_duplicate, notes FROM imports ORDER BY id"),
            "import_rejects": q("SELECT count(*) FROM import_rejects")[0],
            "event_indexes": q("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='events' ORDER BY name"),
            "summary_setting": q("SELECT value FROM settings WHERE key='activity.summary'"),
            "summary_blobs": sha(b"".join(r[0] for r in q("SELECT data FROM activity_summary ORDER BY chunk"))),
            "journal_mode": q("PRAGMA journal_mode")[0][0],
        }
    finally:
        db.close()
    return json.loads(json.dumps(sig))  # tuples -> lists, so that signatures compare after a round trip


def diff_keys(a, b):
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def embedding_rows(path):
    # Each object's row with the vector it names (schema 11: one vector per model and text); a row
    # naming no vector shows as one without a dimension.
    rows = fetch_all(path, "SELECT e.model, e.target, e.object_id, e.text_hash, v.dim, v.vector, length(v.vector)"
                          " FROM embeddings e LEFT JOIN embedding_vectors v ON v.id = e.vector_id"
                          " ORDER BY e.model, e.target, e.object_id")
    return rows


def trained_rows(path):
    rows = fetch_all(path, "SELECT key, recommender, created, state FROM trained_models ORDER BY key")
    return [(k, r, c, sha(s) if s is not None else None, len(s) if s is not None else None) for k, r, c, s in rows]


def run_rows(path):
    db = connect(path)
    try:
        runs = db.execute("SELECT id, recommender, parameters, seed, split, k, dataset_fingerprint, metrics, timings, created"
                          " FROM runs ORDER BY id").fetchall()
        users = dict(db.execute("SELECT run_id, count(*) FROM run_user_metrics GROUP BY run_id").fetchall())
        sums = dict(db.execute("SELECT run_id, round(total(value), 6) FROM run_user_metrics GROUP BY run_id").fetchall())
    finally:
        db.close()
    return runs, users, sums


def summary_state(path):
    db = connect(path)
    try:
        setting = db.execute("SELECT value FROM settings WHERE key='activity.summary'").fetchall()
        blobs = db.execute("SELECT chunk, data FROM activity_summary ORDER BY chunk").fetchall()
    finally:
        db.close()
    return (setting[0][0] if setting else None), len(blobs), sha(b"".join(b for _, b in blobs))


class KillTest:
    def __init__(self, args):
        self.args = args
        self.cli = Cli(os.path.abspath(args.cli))
        self.rng = random.Random(args.seed)
        self.root = tempfile.mkdtemp(prefix="kill_test-", dir=args.workdir)
        self.ops = [o for o in args.ops.split(",") if o]
        self.results = {op: {"kills": 0, "interrupted": 0, "finished": 0, "outcomes": {}, "violations": 0} for op in self.ops}
        self.violations = []
        self.skipped = {}
        self.ref = {}

    def p(self, name):
        return os.path.join(self.root, name)

    def log(self, text):
        if not self.args.quiet:
            print(text, flush=True)

    # ---- set-up: base projects and uninterrupted reference runs ----

    def sample(self, name, users, items, days):
        path = self.p(name)
        self.cli.must("sample", "--db", path, "--users", users, "--items", items, "--days", days, "--quiet", "--json")
        return path

    def timed(self, *args):
        start = time.monotonic()
        out = self.cli.must(*args)
        return out, time.monotonic() - start

    def reference_copy(self, base, name):
        path = self.p(name)
        copy_project(base, path)
        return path

    def setup(self):
        t0 = time.monotonic()
        self.log("scratch folder %s" % self.root)
        self.cli.must("--version")
        need = set(self.ops)
        if "import" in need or "encode" in need:
            self.base_small = self.sample("small.shelfsense", 400, 300, 60)
        if "train" in need or "evaluate" in need:
            self.base_medium = self.sample("medium.shelfsense", 8000, 1500, 365)
        if "import" in need or "cohorts" in need:
            self.base_large = self.sample("large.shelfsense", 25000, 2000, 365)
        if "import" in need:
            self.setup_import()
        if "encode" in need:
            self.setup_encode()
        if "train" in need:
            self.setup_train()
        if "evaluate" in need:
            self.setup_evaluate()
        if "cohorts" in need:
            self.setup_cohorts()
        self.setup_seconds = time.monotonic() - t0
        self.log("set-up %.1f s; reference durations: %s" % (
            self.setup_seconds, ", ".join("%s %.2f s" % (k, v["seconds"]) for k, v in self.ref.items())))

    def setup_import(self):
        # bulk: a file much larger than the project (indexes dropped and rebuilt, rollback journal);
        # wal: a smaller file into a larger project (stays on WAL, indexes kept).
        for variant, base, rows in (("bulk", self.base_small, 400000), ("wal", self.base_large, 100000)):
            csv = self.p("import-%s.csv" % variant)
            write_taobao_csv(csv, rows, seed=self.args.seed * 1000 + rows)
            before = self.reference_copy(base, "ref-import-%s-before.shelfsense" % variant)
            after = self.reference_copy(base, "ref-import-%s-after.shelfsense" % variant)
            _, seconds = self.timed("import", "--db", after, "--format", "taobao", "--quiet", "--json", csv)
            ref = {"csv": csv, "base": base, "seconds": seconds, "states": {}}
            for state, path in (("before", before), ("after", after)):
                ref["states"][state] = {
                    "probe": self.cli.must(*self.probe_args("import", path)),
                    "stats": stats_counts(self.cli.must("stats", "--db", path, "--json")),
                    "signature": import_signature(path),
                }
            if ref["states"]["before"]["signature"] == ref["states"]["after"]["signature"]:
                raise SetupError("the reference import changed nothing")
            self.ref["import-" + variant] = ref

    def setup_encode(self):
        rc, out, err = self.cli.run("model", "status", "--json")
        status = json.loads(out) if rc == 0 and out.strip().startswith("{") else {}
        if rc != 0 or not status.get("installed"):
            why = status.get("problem") or (out or err).strip()
            self.skipped["encode"] = "no sentence-encoder model installed (`shelfsense-cli model status`: %s)" % why[:300]
            return
        # Short item texts, so that several chunks of ENCODE_CHUNK items encode in a few seconds.
        base = self.sample("encode.shelfsense", 400, 1280, 60)
        db = sqlite3.connect(base)
        db.execute("UPDATE items SET title='item ' || id, description=NULL, category=NULL")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        path = self.reference_copy(base, "ref-encode.shelfsense")
        out, seconds = self.timed("encode", "--db", path, "--target", "items", "--quiet", "--json")
        summary = json.loads(out)
        rows = embedding_rows(path)
        items = sqlite3.connect(path).execute("SELECT id FROM items ORDER BY id").fetchall()
        self.ref["encode"] = {
            "base": base, "seconds": seconds, "summary": summary, "item_ids": [i[0] for i in items],
            "rows": {r[2]: r for r in rows}, "stats": stats_counts(self.cli.must("stats", "--db", base, "--json")),
        }
        if summary["encoded"] != len(items) or len(rows) != len(items):
            raise SetupError("the reference encode did not give one vector per item: %s" % out)

    def recommend_args(self, path):
        return ["recommend", "--db", path, "--user", PROBE_USER, "--recommender", "als"] + ALS_PARAMS + ["--quiet", "--json"]

    def setup_train(self):
        base = self.base_medium
        path = self.reference_copy(base, "ref-train.shelfsense")
        out, seconds = self.timed(*self.recommend_args(path))
        first = json.loads(out)
        rows = trained_rows(path)
        again = json.loads(self.cli.must(*self.recommend_args(path)))
        if first.get("model_from_project") or len(rows) != 1 or not again.get("model_from_project"):
            raise SetupError("the reference training did not keep exactly one model (rows %d, %s)" % (len(rows), out[:200]))
        first.pop("model_from_project")
        again.pop("model_from_project")
        if first != again:
            raise SetupError("recommendations from the kept model differ from the freshly trained one")
        self.ref["train"] = {"base": base, "seconds": seconds, "output": first, "row": rows[0],
                             "stats": stats_counts(self.cli.must("stats", "--db", base, "--json"))}

    def setup_evaluate(self):
        base = self.base_medium
        path = self.reference_copy(base, "ref-evaluate.shelfsense")
        _, seconds = self.timed("evaluate", "--db", path, *EVAL_ARGS, "--quiet", "--json")
        runs, users, sums = run_rows(path)
        if len(runs) != 2:
            raise SetupError("the reference evaluation stored %d runs, expected 2" % len(runs))
        by_name = {}
        for r in runs:
            by_name[r[1]] = {"row": r[1:8], "users": users.get(r[0], 0), "sum": sums.get(r[0])}
        self.ref["evaluate"] = {"base": base, "seconds": seconds, "runs": by_name,
                                "stats": stats_counts(self.cli.must("stats", "--db", base, "--json"))}

    def setup_cohorts(self):
        # The sample writes the activity summary with its data; a project without one (as from an
        # older version) has it built by the first `cohorts`.
        base = self.reference_copy(self.base_large, "cohorts.shelfsense")
        db = sqlite3.connect(base)
        db.execute("DELETE FROM activity_summary")
        db.execute("DELETE FROM settings WHERE key='activity.summary'")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        path = self.reference_copy(base, "ref-cohorts.shelfsense")
        out, seconds = self.timed("cohorts", "--db", path, "--json")
        state = summary_state(path)
        again = self.cli.must("cohorts", "--db", path, "--json")
        if state[0] is None or state[1] == 0 or again != out:
            raise SetupError("the reference cohorts run did not build a reusable activity summary")
        # `stats` reads its counts from the summary once it is there and says so ("events_counted_from"),
        # so the state after a finished `cohorts` has its own `stats`.
        self.ref["cohorts"] = {"base": base, "seconds": seconds, "output": out, "state": state,
                               "stats": stats_counts(self.cli.must("stats", "--db", base, "--json")),
                               "stats_after": stats_counts(self.cli.must("stats", "--db", path, "--json"))}

    # ---- one round of one operation ----

    def probe_args(self, op, path):
        """The first command after a kill: one that opens the project read-only."""
        if op == "import":
            # reads every user, item and event
            return ["recommend", "--db", path, "--user", PROBE_USER, "--recommender", "popularity", "--quiet", "--json"]
        return ["segments", "--db", path, "list", "--json"]

    def command(self, op, path, variant):
        if op == "import":
            return ["import", "--db", path, "--format", "taobao", "--quiet", "--json", self.ref["import-" + variant]["csv"]]
        if op == "encode":
            return ["encode", "--db", path, "--target", "items", "--quiet", "--json"]
        if op == "train":
            return self.recommend_args(path)
        if op == "evaluate":
            return ["evaluate", "--db", path] + EVAL_ARGS + ["--quiet", "--json"]
        if op == "cohorts":
            return ["cohorts", "--db", path, "--json"]
        raise ValueError(op)

    def kill_run(self, argv, delay, watch=None):
        """Starts the command, SIGKILLs it after delay seconds, or (watch: the project path) a
        moment after it starts writing: when its -wal grows or a -journal appears. True when it
        was still running."""
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if watch:
            def size(suffix):
                try:
                    return os.path.getsize(watch + suffix)
                except OSError:
                    return -1
            wal = size("-wal")
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                if size("-wal") > max(wal, 0) or size("-journal") > 0:
                    delay = self.rng.uniform(0.0, 0.03)
                    break
                time.sleep(0.001)
            else:
                delay = 0.0
        try:
            _, err = proc.communicate(timeout=delay)
            return False, proc.returncode, err.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL
            proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                return False, proc.returncode, ""
            return True, proc.returncode, ""

    def round(self, index, op):
        variant = ("bulk" if index % 2 == 0 else "wal") if op == "import" else None
        ref = self.ref["import-" + variant] if variant else self.ref[op]
        folder = self.p("round-%03d-%s" % (index, op))
        os.makedirs(folder)
        path = os.path.join(folder, "project.shelfsense")
        copy_project(ref["base"], path)
        # Half the kills at a random moment of the run, half within 30 ms of the moment it starts
        # writing (its -wal grows or a -journal appears): evaluation, training and the cohort
        # summary compute for most of their run and write at the end, and those writes must be
        # interrupted too.
        at_write = ((index // 2) % 2 == 1) if op == "import" else (index % 2 == 1)
        delay = self.rng.uniform(0.0, ref["seconds"])
        interrupted, rc, err = self.kill_run(self.cli.argv(*self.command(op, path, variant)), delay, path if at_write else None)
        left = [os.path.basename(f)[len("project.shelfsense"):] for f in project_files(path)[1:]]
        problems = []
        if not interrupted and rc != 0:
            problems.append("the command ended by itself with status %s before the kill: %s" % (rc, err.strip()[-300:]))
        outcome = None
        try:
            outcome = getattr(self, "check_" + op)(path, ref, variant, problems)
        except Exception as e:  # a check that could not even run is a failure of the round
            problems.append("check raised %s: %s" % (type(e).__name__, e))
        res = self.results[op]
        res["kills"] += 1
        res["interrupted" if interrupted else "finished"] += 1
        key = (variant + ":" if variant else "") + (outcome or "?")
        res["outcomes"][key] = res["outcomes"].get(key, 0) + 1
        if problems:
            res["violations"] += 1
            for msg in problems:
                self.violations.append((index, op + ("/" + variant if variant else ""), delay, interrupted, left, msg))
            self.log("round %d %-8s kill at %.2fs (%s, left %s): VIOLATION (%d)" % (
                index, op, delay, "interrupted" if interrupted else "already done", ",".join(left) or "-", len(problems)))
        else:
            self.log("round %d %-8s kill at %.2fs (%s, left %s): %s" % (
                index, op, delay, "interrupted" if interrupted else "already done", ",".join(left) or "-", key))
            shutil.rmtree(folder, ignore_errors=True)

    def check_opens(self, op, path, expected_probe, expected_stats, problems):
        """Read-only open first, then `stats` (read-write), then integrity_check."""
        rc, out, err = self.cli.run(*self.probe_args(op, path))
        if rc != 0:
            problems.append("read-only open after the kill failed: `%s` exited %d: %s" % (
                " ".join(self.probe_args(op, path)[:1]), rc, err.strip()[-300:]))
        elif expected_probe is not None and out not in expected_probe:
            problems.append("read-only open after the kill read neither the state before nor after: %s" % out[:300])
        rc, stats, self.last_stats = stats_json(self.cli, path)
        if rc != 0:
            problems.append("`stats` cannot open the project (status %d): %s" % (rc, stats))
        elif stats not in expected_stats:
            problems.append("`stats` shows neither the state before nor after: %s" % stats[:300])
        check = integrity(path)
        if check != ["ok"]:
            problems.append("PRAGMA integrity_check: %s" % "; ".join(check[:5]))
        return rc == 0 and check == ["ok"]

    def check_import(self, path, ref, variant, problems):
        states = ref["states"]
        if not self.check_opens("import", path, [s["probe"] for s in states.values()],
                                [s["stats"] for s in states.values()], problems):
            return None
        sig = import_signature(path)
        for name, state in states.items():
            if sig == state["signature"]:
                return name
        problems.append("import left a partial state: differs from the state before in %s and from the state after in %s" % (
            diff_keys(sig, states["before"]["signature"]), diff_keys(sig, states["after"]["signature"])))
        return "partial"

    def check_encode(self, path, ref, variant, problems):
        if not self.check_opens("encode", path, None, [ref["stats"]], problems):
            return None
        model = ref["summary"]["model"]
        ids = ref["item_ids"]
        rows = embedding_rows(path)
        dims = set()
        kept = []
        for m, target, oid, text_hash, dim, vector, length in rows:
            if m != model or target != "items":
                problems.append("embedding row for another model or target: %s/%s" % (m, target))
                continue
            if vector is None or length != dim * 4:
                problems.append("malformed embedding for item %d: dim %s, %s bytes" % (oid, dim, length))
            dims.add(dim)
            r = ref["rows"].get(oid)
            if r is None:
                problems.append("embedding for item %d, which is not an item" % oid)
            elif (text_hash, dim, vector) != (r[3], r[4], r[5]):
                problems.append("embedding for item %d differs from the uninterrupted run" % oid)
            kept.append(oid)
        if len(dims) > 1:
            problems.append("embeddings of one model with different dims: %s" % sorted(dims))
        n = len(kept)
        # Committed per chunk of item ids in order: what is kept is a whole number of leading chunks.
        if not (0 <= n <= len(ids)) or kept != ids[:n] or (n % ENCODE_CHUNK != 0 and n != len(ids)):
            problems.append("after the kill %d embeddings are kept, not a whole number of leading chunks of %d items"
                            " (first ids %s)" % (n, ENCODE_CHUNK, kept[:3]))
        outcome = "none" if n == 0 else ("complete" if n == len(ids) else "partial")
        # The language coverage is kept after the last chunk: absent, or an exact measure of every item.
        coverage = stats_coverage(self.last_stats) if self.last_stats else []
        if coverage and (n != len(ids) or len(coverage) != 1 or not coverage[0].get("exact")
                         or coverage[0].get("texts") != len(ids) or coverage[0].get("model") != model):
            problems.append("language coverage kept after the kill is not an exact measure of all %d items (%d kept): %s" % (
                len(ids), n, json.dumps(coverage)[:300]))
        # Resume: the kept vectors are reused, the rest encoded, one vector per item in the end.
        rc, out, err = self.cli.run("encode", "--db", path, "--target", "items", "--quiet", "--json")
        if rc != 0:
            problems.append("`encode` after the kill failed (%d): %s" % (rc, err.strip()[-300:]))
            return outcome
        summary = json.loads(out)
        if summary.get("total") != len(ids) or summary.get("cached") != n or summary.get("encoded") != len(ids) - n:
            problems.append("`encode` after the kill with %d vectors kept reported total %s, cached %s, encoded %s" % (
                n, summary.get("total"), summary.get("cached"), summary.get("encoded")))
        final = embedding_rows(path)
        if [r[2] for r in final] != ids or any((r[3], r[4], r[5]) != ref["rows"][r[2]][3:6] for r in final):
            problems.append("after resuming, the embeddings are not exactly one per item as in the uninterrupted run"
                            " (%d rows for %d items)" % (len(final), len(ids)))
        return outcome

    def check_train(self, path, ref, variant, problems):
        if not self.check_opens("train", path, None, [ref["stats"]], problems):
            return None
        rows = trained_rows(path)
        present = False
        for row in rows:
            if row[0] == ref["row"][0] and row[1] == "als" and row[3:] == ref["row"][3:]:
                present = True
            else:
                problems.append("trained_models holds a row that is not the complete model: recommender %s, %s bytes,"
                                " state sha %s (reference %s bytes, %s)" % (row[1], row[4], row[3][:12], ref["row"][4],
                                                                           ref["row"][3][:12]))
        rc, out, err = self.cli.run(*self.recommend_args(path))
        if rc != 0:
            problems.append("`recommend` after the kill failed (%d): %s" % (rc, err.strip()[-300:]))
            return "present" if present else "absent"
        o = json.loads(out)
        from_project = o.pop("model_from_project", None)
        if o != ref["output"]:
            problems.append("`recommend` after the kill differs from the uninterrupted run%s" % (
                " (it used the model kept in the project)" if from_project else ""))
        if rows and not from_project:
            problems.append("a model kept in the project was not usable: `recommend` trained afresh")
        if not rows and from_project:
            problems.append("`recommend` says it used a kept model, but none was kept")
        return "present" if present else "absent"

    def check_evaluate(self, path, ref, variant, problems):
        if not self.check_opens("evaluate", path, None, [ref["stats"]], problems):
            return None
        runs, users, sums = run_rows(path)
        for r in runs:
            want = ref["runs"].get(r[1])
            if r[7] is None or r[8] is None:
                problems.append("run #%d (%s) has no metrics or timings" % (r[0], r[1]))
            if want is None:
                problems.append("run #%d of an unexpected recommender %s" % (r[0], r[1]))
                continue
            if tuple(r[1:8]) != tuple(want["row"]):
                problems.append("run #%d (%s) differs from the uninterrupted run" % (r[0], r[1]))
            if users.get(r[0], 0) != want["users"] or sums.get(r[0]) != want["sum"]:
                problems.append("run #%d (%s) has %d per-user metric rows, the uninterrupted run %d" % (
                    r[0], r[1], users.get(r[0], 0), want["users"]))
        orphans = set(users) - {r[0] for r in runs}
        if orphans:
            problems.append("per-user metrics for runs that do not exist: %s" % sorted(orphans))
        if len(runs) not in (0, len(ref["runs"])):
            problems.append("%d of the %d runs of one evaluation were stored" % (len(runs), len(ref["runs"])))
        return "absent" if not runs else ("complete" if len(runs) == len(ref["runs"]) else "partial")

    def check_cohorts(self, path, ref, variant, problems):
        if not self.check_opens("cohorts", path, None, [ref["stats"], ref["stats_after"]], problems):
            return None
        setting, chunks, digest = summary_state(path)
        if setting is None and chunks == 0:
            outcome = "absent"
        elif (setting, chunks, digest) == ref["state"]:
            outcome = "complete"
        else:
            outcome = "partial"
            problems.append("activity summary neither absent nor complete: setting %r, %d chunks (reference %r, %d chunks%s)" % (
                setting, chunks, ref["state"][0], ref["state"][1], ", other bytes" if chunks == ref["state"][1] else ""))
        shown = stats_counts(self.last_stats) if self.last_stats else None
        expected = {"absent": ref["stats"], "complete": ref["stats_after"]}.get(outcome)
        if shown is not None and expected is not None and shown != expected:
            problems.append("`stats` does not match the %s activity summary: %s" % (outcome, shown[:300]))
        rc, out, err = self.cli.run("cohorts", "--db", path, "--json")
        if rc != 0:
            problems.append("`cohorts` after the kill failed (%d): %s" % (rc, err.strip()[-300:]))
        elif out != ref["output"]:
            problems.append("`cohorts` after the kill differs from the uninterrupted run")
        return outcome

    # ---- report ----

    def report(self, seconds):
        print()
        print("kill -9 test: %d rounds, seed %d, %.0f s (set-up %.0f s)" % (self.args.rounds, self.args.seed, seconds,
                                                                         self.setup_seconds))
        header = "%-10s %6s %12s %9s %11s  %s" % ("operation", "kills", "interrupted", "finished", "violations", "outcomes")
        print(header)
        print("-" * len(header))
        for op in self.ops:
            if op in self.skipped:
                print("%-10s %6s %12s %9s %11s  SKIPPED: %s" % (op, "-", "-", "-", "-", self.skipped[op]))
                continue
            r = self.results[op]
            outcomes = " ".join("%s=%d" % kv for kv in sorted(r["outcomes"].items()))
            print("%-10s %6d %12d %9d %11d  %s" % (op, r["kills"], r["interrupted"], r["finished"], r["violations"], outcomes))
        for op in self.ops:
            r = self.results[op]
            if op not in self.skipped and r["kills"] and r["interrupted"] * 2 < r["kills"]:
                print("note: only %d of %d kills of %s interrupted it; the kill window is too long" % (
                    r["interrupted"], r["kills"], op))
        if self.violations:
            print()
            print("%d violations:" % len(self.violations))
            for index, op, delay, interrupted, left, msg in self.violations:
                print("  round %d %s (kill at %.2f s, %s, files left: %s): %s" % (
                    index, op, delay, "interrupted" if interrupted else "after it finished", ",".join(left) or "-", msg))
            print("projects of the failed rounds (after the checks) are kept in %s" % self.root)

    def run(self):
        start = time.monotonic()
        self.setup()
        active = [op for op in self.ops if op not in self.skipped]
        for index in range(self.args.rounds):
            for op in active:
                self.round(index, op)
        self.report(time.monotonic() - start)
        return 1 if self.violations else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", required=True, help="path of shelfsense-cli")
    parser.add_argument("--rounds", type=int, default=20, help="kills per operation (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill moments (default 1)")
    parser.add_argument("--workdir", default=None, help="folder for the scratch folder (default: the system's temp folder)")
    parser.add_argument("--ops", default=",".join(OPS), help="operations to test (default %s)" % ",".join(OPS))
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()
    unknown = [o for o in args.ops.split(",") if o and o not in OPS]
    if unknown:
        parser.error("unknown operation(s): %s" % ", ".join(unknown))
    if args.workdir:
        os.makedirs(args.workdir, exist_ok=True)
    test = KillTest(args)
    try:
        status = test.run()
    except SetupError as e:
        print("kill_test: set-up failed: %s" % e, file=sys.stderr)
        status = 2
    except KeyboardInterrupt:
        status = 130
    if status == 0 and not args.keep:
        shutil.rmtree(test.root, ignore_errors=True)
    elif status != 0:
        print("scratch folder kept: %s" % test.root, file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

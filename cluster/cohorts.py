#!/usr/bin/env python3
"""Retention cohorts in Spark SQL, with ShelfSense's definitions (core/cohorts/CohortDefinition.h):

- cohort type: first-time (a customer joins the cohort of the period of their first cohort event)
  or recurring (a customer joins a cohort in every period in which they did the cohort event);
- cohort event: any behaviour or one; return events: any behaviour or the ones named;
- periods: calendar day, ISO week (Monday) or month in an IANA time zone, correct across daylight
  saving (periods are counted in local wall-clock time);
- counting: "on" (returned within exactly period N) or "on or after" (returned in period N or later);
  a return is an event of a return behaviour at or after the customer's cohort event;
- a cell is complete when its period ended by the data's last event (any behaviour); every row
  runs to the period of the data's last event, zero counts included.

The result has one row per cell, in the long format of `shelfsense-cli cohorts --csv`: cohort (the
local date its period starts), size, column, count, complete. Beside it, FILE.json states what was
computed (the definition in ShelfSense's JSON form, the data's last event, the customers in any
cohort); `shelfsense-cli import-results --db F --cohorts FILE` keeps both in the project, where the
Cohorts screen and `shelfsense-cli cohorts --stored NAME` show the matrix.

usage: spark-submit cluster/cohorts.py --export DIR --out FILE.csv [--period day|week|month]
           [--mode on|on-or-after] [--cohort-type first-time|recurring] [--cohort-event any|BEHAVIOUR]
           [--return-event any|BEHAVIOUR[,BEHAVIOUR]] [--timezone ZONE (default: the export's)]
"""
import argparse
import sys

BEHAVIOURS = ("view", "cart", "favourite", "purchase")
# Period indexes: consecutive periods have consecutive indexes (as CalendarPeriods numbers them).
_INDEX = {
    "day": "datediff({d}, date'1970-01-01')",
    "week": "floor(datediff({d}, date'1970-01-05') / 7)",  # 1970-01-05 is a Monday
    "month": "(year({d}) * 12 + month({d}) - 1)",
}
_START = {  # the local date a period starts on
    "day": "to_date({t})",
    "week": "to_date(date_trunc('week', {t}))",
    "month": "to_date(date_trunc('month', {t}))",
}
_NEXT = {  # the local date the following period starts on
    "day": "date_add({s}, 1)",
    "week": "date_add({s}, 7)",
    "month": "add_months({s}, 1)",
}


def _check(period, mode, cohort_type, cohort_event, return_events):
    if period not in _INDEX:
        raise ValueError(f"period is day, week or month, not '{period}'")
    if mode not in ("on", "on-or-after"):
        raise ValueError(f"mode is on or on-or-after, not '{mode}'")
    if cohort_type not in ("first-time", "recurring"):
        raise ValueError(f"cohort type is first-time or recurring, not '{cohort_type}'")
    for b in ([cohort_event] if cohort_event else []) + list(return_events or []):
        if b not in BEHAVIOURS:
            raise ValueError(f"unknown behaviour '{b}' (one of {', '.join(BEHAVIOURS)})")
    if return_events and len(return_events) > 2:
        raise ValueError("at most two return behaviours")


def cohort_cells(spark, events, period="week", mode="on", cohort_type="first-time", cohort_event=None, return_events=None,
                 timezone="UTC"):
    """events: a DataFrame with user (string), behaviour (view|cart|favourite|purchase), ts (unix seconds, UTC).
    Returns a DataFrame (cohort string, size long, column int, count long, complete boolean)."""
    _check(period, mode, cohort_type, cohort_event, return_events)
    # Local wall-clock times are computed as UTC-based timestamps: the session zone must not shift them.
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    zone = timezone.replace("'", "")
    events.createOrReplaceTempView("ss_events")
    index = _INDEX[period].format(d="pstart")
    spark.sql(f"""
        SELECT user, behaviour, CAST(ts AS BIGINT) AS ts, pstart, {index} AS p
        FROM (SELECT user, behaviour, ts, {_START[period].format(t=f"from_utc_timestamp(timestamp_seconds(CAST(ts AS BIGINT)), '{zone}')")} AS pstart
              FROM ss_events)""").createOrReplaceTempView("ss_local")
    cohort_filter = f"behaviour = '{cohort_event}'" if cohort_event else "TRUE"
    return_filter = ("behaviour IN (" + ", ".join(f"'{b}'" for b in return_events) + ")") if return_events else "TRUE"
    if cohort_type == "first-time":
        # The first cohort event (the earliest; ties share a period, so any of them).
        entries = f"""SELECT user, min_by(p, ts) AS p0, min(ts) AS t0 FROM ss_local WHERE {cohort_filter} GROUP BY user"""
    else:
        entries = f"""SELECT user, p AS p0, min(ts) AS t0 FROM ss_local WHERE {cohort_filter} GROUP BY user, p"""
    spark.sql(entries).createOrReplaceTempView("ss_entries")
    returns = f"""
        SELECT e.user, e.p0, r.p - e.p0 AS col
        FROM ss_entries e JOIN ss_local r ON r.user = e.user AND r.ts >= e.t0 AND {return_filter.replace('behaviour', 'r.behaviour')}"""
    if mode == "on":
        counted = f"SELECT p0, col, count(DISTINCT user) AS n FROM ({returns}) WHERE col >= 1 GROUP BY p0, col"
    else:
        counted = f"""
            SELECT p0, col, count(*) AS n FROM (
              SELECT p0, explode(sequence(1, reached)) AS col FROM (
                SELECT user, p0, max(col) AS reached FROM ({returns}) GROUP BY user, p0) WHERE reached >= 1)
            GROUP BY p0, col"""
    spark.sql(counted).createOrReplaceTempView("ss_counted")
    # The data's end (any behaviour), its period and local time; each cohort's row and sizes.
    end_local = "from_utc_timestamp(timestamp_seconds((SELECT max(ts) FROM ss_local)), '" + zone + "')"
    last_index = f"(SELECT max(p) FROM ss_local WHERE ts = (SELECT max(ts) FROM ss_local))"
    return spark.sql(f"""
        WITH sizes AS (SELECT p0, min(pstart) AS cstart, count(*) AS size
                       FROM ss_entries e JOIN (SELECT DISTINCT p, pstart FROM ss_local) l ON l.p = e.p0 GROUP BY p0),
             cells AS (SELECT p0, cstart, size, explode(sequence(0, CAST({last_index} - p0 AS INT))) AS col FROM sizes)
        SELECT date_format(c.cstart, 'yyyy-MM-dd') AS cohort, c.size, c.col AS column,
               CASE WHEN c.col = 0 THEN c.size ELSE coalesce(n.n, 0) END AS count,
               CAST({_NEXT[period].format(s=f"{_period_start(period, 'c.cstart', 'c.col')}")} AS TIMESTAMP)
                   <= {end_local} + INTERVAL 1 SECOND AS complete
        FROM cells c LEFT JOIN ss_counted n ON n.p0 = c.p0 AND n.col = c.col
        ORDER BY c.p0, c.col""")


def _period_start(period, cohort_start, col):
    """The local date period `col` after the cohort's starts on."""
    if period == "day":
        return f"date_add({cohort_start}, {col})"
    if period == "week":
        return f"date_add({cohort_start}, 7 * {col})"
    return f"add_months({cohort_start}, {col})"


def read_events(spark, export_dir):
    """The export's events (user, behaviour, ts) and the project's time zone."""
    from export import manifest, read_table
    events = read_table(spark, export_dir, "events")
    return events.selectExpr("CAST(user AS STRING) AS user", "behaviour", "CAST(ts AS BIGINT) AS ts"), manifest(export_dir).get("timezone", "UTC")


def write_result(spark, cells, out, period, mode, cohort_type, cohort_event, return_events, zone):
    """The cells as CSV at `out` (as the CLI writes them) and, at out + ".json", what they are: the
    definition in CohortDefinition's JSON form, the data's end and the customers in any cohort (from
    the temporary views cohort_cells() left)."""
    import json
    frame = cells.toPandas()
    frame["complete"] = frame["complete"].map({True: "true", False: "false"})
    frame.to_csv(out, index=False)
    facts = spark.sql("SELECT (SELECT max(ts) FROM ss_local) AS data_end, (SELECT count(DISTINCT user) FROM ss_entries) AS customers").first()
    definition = {"cohort_type": cohort_type, "cohort_event": cohort_event or "any", "return_events": list(return_events or []),
                  "period": period, "window": "calendar", "brackets": [], "counting": mode, "rate_base": "cohort",
                  "mean": "weighted", "time_zone": zone}
    with open(out + ".json", "w", encoding="utf-8") as f:
        json.dump({"engine": "spark-sql", "job": "cluster/cohorts.py", "spark": spark.version, "definition": definition,
                   "data_end": int(facts.data_end), "customers": int(facts.customers)}, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export", required=True)
    ap.add_argument("--out", required=True, help="a CSV file (cohort,size,column,count,complete)")
    ap.add_argument("--period", default="week")
    ap.add_argument("--mode", default="on")
    ap.add_argument("--cohort-type", default="first-time")
    ap.add_argument("--cohort-event", default="any")
    ap.add_argument("--return-event", default="any")
    ap.add_argument("--timezone", default=None)
    args = ap.parse_args()
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("shelfsense-cohorts").getOrCreate()
    try:
        events, zone = read_events(spark, args.export)
        cohort_event = None if args.cohort_event == "any" else args.cohort_event
        return_events = [] if args.return_event == "any" else args.return_event.split(",")
        cells = cohort_cells(spark, events, args.period, args.mode, args.cohort_type, cohort_event, return_events, args.timezone or zone)
        write_result(spark, cells, args.out, args.period, args.mode, args.cohort_type, cohort_event, return_events, args.timezone or zone)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())

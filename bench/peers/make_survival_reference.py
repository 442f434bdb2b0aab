#!/usr/bin/env python3
"""Reference values for ShelfSense's Kaplan-Meier, Greenwood bands, medians and log-rank tests,
computed with lifelines on a small fixed fixture. Writes tests/data/cohorts/survival_reference.json;
the test (tests/core/cohorts/TestSurvival.cpp) reads the numbers, never the library.

Run with the peers venv: $(bench/peers/setup-venv.sh)/bin/python bench/peers/make_survival_reference.py
"""
import json
import math
import pathlib

import lifelines
from lifelines import KaplanMeierFitter
from lifelines.statistics import logrank_test, multivariate_logrank_test
from lifelines.utils import median_survival_times

GROUPS = {
    "A": ([0, 1, 1, 2, 3, 3, 3, 5, 8, 8, 10, 12], [1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0]),
    "B": ([1, 2, 2, 4, 6, 7, 9, 9, 11, 14, 15, 20], [1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0]),
    "C": ([0, 0, 1, 1, 1, 2, 2, 3, 4, 4], [1, 1, 1, 1, 0, 1, 1, 1, 0, 0]),
}


def finite(x):
    return None if x is None or (isinstance(x, float) and math.isinf(x)) else float(x)


def curve(durations, events):
    kmf = KaplanMeierFitter().fit(durations, events)
    sf = kmf.survival_function_.iloc[:, 0]
    ci = kmf.confidence_interval_
    med_ci = median_survival_times(kmf.confidence_interval_)
    return {
        "durations": durations,
        "churned": events,
        "days": [float(t) for t in sf.index],
        "survival": [float(v) for v in sf.values],
        "ci95_low": [float(v) for v in ci.iloc[:, 0].values],
        "ci95_high": [float(v) for v in ci.iloc[:, 1].values],
        "median": finite(kmf.median_survival_time_),
        "median_ci95": [finite(float(med_ci.iloc[0, 0])), finite(float(med_ci.iloc[0, 1]))],
    }


def main():
    out = {"lifelines_version": lifelines.__version__, "curves": {g: curve(*v) for g, v in GROUPS.items()}}
    a, b = GROUPS["A"], GROUPS["B"]
    two = logrank_test(a[0], b[0], event_observed_A=a[1], event_observed_B=b[1])
    out["logrank_ab"] = {"chi_square": float(two.test_statistic), "p_value": float(two.p_value), "degrees_of_freedom": 1}
    durations, groups, events = [], [], []
    for g, (d, e) in GROUPS.items():
        durations += d
        events += e
        groups += [g] * len(d)
    multi = multivariate_logrank_test(durations, groups, events)
    out["logrank_abc"] = {"chi_square": float(multi.test_statistic), "p_value": float(multi.p_value), "degrees_of_freedom": 2}
    path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "cohorts" / "survival_reference.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(path)


if __name__ == "__main__":
    main()

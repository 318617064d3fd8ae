#!/usr/bin/env python3
"""Prints the markdown results table of one bench/run.sh output folder.

    python3 bench/summarize.py bench/out/<timestamp>

Reads r.tsv (bench/r_bench.R), jmh.json (JMH -rf json) and e2e.json (hyperfine) or e2e.tsv
(date-based fallback), whichever exist. survkit's in-process time is JMH's score (mean of the
measurement iterations, ± its 99.9% half-interval) with the median and fastest iteration beside it; R's is the
median of its runs. Ratio = R median / survkit mean (how many times faster survkit is).
"""
import csv
import json
import os
import statistics
import sys

TASKS = {
    "org.survkit.bench.KaplanMeierBench.fitByGroup": ("km", "Kaplan–Meier by group", "survfit(Surv(time, status) ~ group)"),
    "org.survkit.bench.LogRankBench.threeGroups": ("logrank", "3-group log-rank", "survdiff(Surv(time, status) ~ group)"),
}
TARGET_MS = {1_000_000: 60.0, 10_000_000: 800.0}


def rows_label(n):
    return {1_000_000: "1e6", 10_000_000: "1e7"}.get(n, str(n))


def main(out):
    r = {}
    if os.path.exists(os.path.join(out, "r.tsv")):
        with open(os.path.join(out, "r.tsv")) as f:
            for row in csv.DictReader(f, delimiter="\t"):
                r[(row["task"], int(row["rows"]))] = row
    jmh = {}
    if os.path.exists(os.path.join(out, "jmh.json")):
        with open(os.path.join(out, "jmh.json")) as f:
            for b in json.load(f):
                if b["benchmark"] in TASKS:
                    key = (TASKS[b["benchmark"]][0], int(b["params"]["rows"]))
                    jmh[key] = b["primaryMetric"]

    print("## In process (same CSVs for both unless the run used --synthetic)\n")
    print("| task | rows | survkit ms (JMH mean ± 99.9%) | survkit median; min ms | R call | R ms (median of runs; min–max) | R / survkit | target | met? |")
    print("|---|---|---|---|---|---|---|---|---|")
    keys = sorted(set(r) | set(jmh), key=lambda k: (k[1], k[0]))
    for task, n in keys:
        name, rcall = next((v[1], v[2]) for v in TASKS.values() if v[0] == task)
        s = jmh.get((task, n))
        rr = r.get((task, n))
        s_txt = s_med = "—"
        met = "not measured"
        if s:
            raw = [x for it in s["rawData"] for x in it]
            s_txt = f"{s['score']:.1f} ± {s['scoreError']:.1f}"
            s_med = f"{statistics.median(raw):.1f}; {min(raw):.1f}"
            tgt = TARGET_MS.get(n)
            if tgt is None:
                met = "—"
            elif s["score"] <= tgt:
                met = "yes"
            elif min(raw) <= tgt:
                met = "**no** (mean; fastest iteration meets it)"
            else:
                met = "**no**"
        r_txt = "—"
        ratio = "—"
        if rr:
            r_txt = f"{float(rr['median_ms']):.0f} ({float(rr['min_ms']):.0f}–{float(rr['max_ms']):.0f})"
            if s:
                ratio = f"{float(rr['median_ms']) / s['score']:.1f}×"
        tgt = TARGET_MS.get(n)
        tgt_txt = f"≤ {tgt:.0f} ms" if tgt else "—"
        print(f"| {name} | {rows_label(n)} | {s_txt} | {s_med} | `{rcall}` | {r_txt} | {ratio} | {tgt_txt} | {met} |")

    e2e = {}
    if os.path.exists(os.path.join(out, "e2e.json")):
        with open(os.path.join(out, "e2e.json")) as f:
            for res in json.load(f)["results"]:
                e2e[res["command"]] = [t * 1000 for t in res["times"]]
    elif os.path.exists(os.path.join(out, "e2e.tsv")):
        with open(os.path.join(out, "e2e.tsv")) as f:
            for row in csv.DictReader(f, delimiter="\t"):
                label = {"R": "R: Rscript r_e2e.R", "km": "survkit km --test logrank"}[row["command"]]
                e2e[label] = [float(x) for x in row["runs_ms"].split(";")]
    print("\n## End to end on the 1e6 CSV (whole processes, wall clock)\n")
    if not e2e:
        print("Not measured in this run (survkit CLI launcher missing or failing; see the run log).")
        return
    print("| process | median ms | runs ms |")
    print("|---|---|---|")
    med = {}
    for label, times in e2e.items():
        med[label] = statistics.median(times)
        print(f"| {label} | {med[label]:.0f} | {', '.join(f'{t:.0f}' for t in times)} |")
    sk = med.get("survkit km --test logrank", 0)
    rm = med.get("R: Rscript r_e2e.R")
    if rm and sk:
        print(f"\nR / survkit (end to end): **{rm / sk:.1f}×**")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

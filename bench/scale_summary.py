#!/usr/bin/env python3
"""Medians per (task, size) of a bench/scale.sh or bench/scale_spark.sh runs.tsv, as a Markdown table (failed runs
named, not counted).

    bench/scale_summary.py OUT/runs.tsv > OUT/summary.md
"""
import csv, statistics, sys
from collections import defaultdict
by = defaultdict(list)
for r in csv.DictReader(open(sys.argv[1]), delimiter="\t"):
    if r.get("rc", "0") == "0":
        by[(r["task"], r["size"])].append(r)
    else:
        print(f"(failed: {r['task']} {r['size']} run {r['run']}, exit status {r['rc']}, see its .err)")
print("| task | rows | runs | wall s (median) | CPU s (median) | rows/s (wall) | CPU ns/row | max RSS MB | RSS bytes/row | load |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (task, size), v in sorted(by.items(), key=lambda kv: (kv[0][0], float(kv[0][1]))):
    n = int(float(size)); wall = statistics.median(float(x["wall_s"]) for x in v)
    cpu = statistics.median(float(x["cpu_s"]) for x in v); rss = statistics.median(int(x["maxrss_kb"]) for x in v) * 1024
    loads = [float(x["load1"]) for x in v]
    print(f"| {task} | {size} | {len(v)} | {wall:.2f} | {cpu:.2f} | {n / wall:,.0f} | {cpu * 1e9 / n:,.0f} | {rss / 2**20:.0f} | {rss / n:,.0f} | {min(loads):.0f}–{max(loads):.0f} |")

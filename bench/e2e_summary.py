"""Medians of bench/e2e.sh's runs: wall time, peak RSS, rows/s, bytes/row, R / survkit."""
import csv, os, statistics, sys
from collections import defaultdict

runs, data = sys.argv[1], sys.argv[2]
by = defaultdict(list)
loads = []
for r in csv.DictReader(open(runs), delimiter="\t"):
    by[(r["size"], r["task"], r["tool"])].append((float(r["wall_s"]), int(r["maxrss_kb"])))
    loads.append(float(r["load1"]))
print(f"load average (1 min) during the runs: median {statistics.median(loads):.1f}, range {min(loads):.1f}–{max(loads):.1f}\n")
print("| rows | task | tool | runs | wall s (median; all) | max RSS MB (median) | rows/s | RSS bytes/row | survkit / R (wall) |")
print("|---|---|---|---|---|---|---|---|---|")
for (size, task, tool), v in sorted(by.items(), key=lambda kv: (float(kv[0][0]), kv[0][1], kv[0][2] != "R")):
    rows = int(float(size))
    wall = statistics.median(x[0] for x in v)
    rss = statistics.median(x[1] for x in v) * 1024
    ratio = ""
    if tool == "survkit" and (size, task, "R") in by:
        r = statistics.median(x[0] for x in by[(size, task, "R")])
        ratio = f"{wall / r:.3f} (R {r / wall:.1f}× slower)"
    allw = ", ".join(f"{x[0]:.2f}" for x in v)
    print(f"| {size} | {task} | {tool} | {len(v)} | {wall:.2f} ({allw}) | {rss / 2**20:.0f} | {rows / wall:,.0f} | {rss / rows:,.0f} | {ratio} |")

#!/usr/bin/env python3
"""survkit's compare and km JSON against bench/CheckLogRank.java's output (independent counts and sums).

    bench/check_vs.py CHECK.txt COMPARE.json [KM.json [KM_TIME]]
"""
import json
import re
import sys

check = open(sys.argv[1]).read()
stat = float(re.search(r"logrank statistic (\S+)", check).group(1))
groups = {m[0]: (int(m[1]), int(m[2]), float(m[3]), float(m[4])) for m in
          re.findall(r"group (\S) n (\d+) observed (\d+) expected (\S+) KM\(\S+\) (\S+)", check)}
rel = lambda a, b: 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))
c = json.load(open(sys.argv[2]))
worst = rel(c["statistic"], stat)
print(f"compare: statistic {c['statistic']!r} vs {stat!r} (rel {worst:.2g})")
for g in c["groups"]:
    n, o, e, _ = groups[g["group"]]
    assert g["n"] == n and g["observed"] == o, (g, n, o)
    worst = max(worst, rel(g["expected"], e))
print(f"compare: n and observed equal, largest relative difference {worst:.2g}")
if len(sys.argv) > 3:
    t = float(sys.argv[4]) if len(sys.argv) > 4 else 60
    k = json.load(open(sys.argv[3]))
    w = rel(k["test"]["statistic"], stat)
    for g in k["groups"]:
        rows = [r for r in g["table"] if r["time"] <= t]
        s = rows[-1]["survival"]
        w = max(w, rel(s, groups[g["group"]][3]))
        assert g["n"] == groups[g["group"]][0] and g["events"] == groups[g["group"]][1]
    print(f"km: n, events equal; log-rank and KM({t:g}) largest relative difference {w:.2g}")

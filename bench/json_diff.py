#!/usr/bin/env python3
"""Largest relative difference between two survkit JSON results (e.g. the local engine's and --engine spark's).

    bench/json_diff.py A.json B.json

Walks both documents together: every number is compared (|a - b| / max(|a|, |b|), 0 when equal), every other leaf
must be equal except the fields named in SKIP (the data source's path). Prints the largest difference and where, the
number of numbers compared, and the leaves that differ in kind or text (e.g. a note only one engine writes).
"""
import json
import sys

SKIP = {"source"}


def walk(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k in SKIP:
                continue
            if k not in a or k not in b:
                out["other"].append(f"{path}/{k}: only in {'B' if k not in a else 'A'}")
                continue
            walk(a[k], b[k], f"{path}/{k}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out["other"].append(f"{path}: {len(a)} vs {len(b)} items")
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, f"{path}[{i}]", out)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        out["n"] += 1
        d = 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))
        if d > out["max"]:
            out["max"], out["where"] = d, f"{path}: {a!r} vs {b!r}"
    elif a != b:
        out["other"].append(f"{path}: {str(a)[:80]!r} vs {str(b)[:80]!r}")


def main():
    a, b = (json.load(open(f)) for f in sys.argv[1:3])
    out = {"n": 0, "max": 0.0, "where": None, "other": []}
    walk(a, b, "", out)
    print(f"numbers compared: {out['n']}; largest relative difference: {out['max']:.3g}"
          + (f" at {out['where']}" if out["where"] else ""))
    for o in out["other"][:20]:
        print("differs:", o)
    if len(out["other"]) > 20:
        print(f"... {len(out['other']) - 20} more")


if __name__ == "__main__":
    main()

"""The part of km_weights.json that survkit-cli's KmWeightsCliTest needs (no event tables), with the data files.
Run from the repository root after km_weights.R:
    python3 reference/km-weights/cli_subset.py
"""
import json, shutil
src = "survkit-stats/src/test/resources/reference/km-weights/"
dst = "survkit-cli/src/test/resources/reference/km-weights/"
import os
os.makedirs(dst, exist_ok=True)
cases = json.load(open(src + "km_weights.json"))
out = []
for c in cases:
    if c["case"] not in ("lung_wfrac", "trunc_wint", "heart_tx"):
        continue
    km = {}
    for ct, b in c["km"].items():
        km[ct] = {"conf_type": b["conf_type"], "groups": [{k: v for k, v in g.items() if k != "table"} for g in b["groups"]]}
    out.append({k: v for k, v in c.items() if k != "km"} | {"km": km})
json.dump(out, open(dst + "km_weights_cli.json", "w"), indent=1)
for f in ("data_lung_w.csv", "data_trunc.csv", "data_heart.csv"):
    shutil.copy(src + f, dst + f)

#!/usr/bin/env python3
"""Writes the messy-export corpus of issue 12 (seeded): hospital exports in four languages, encodings and
delimiters, each with problems planted at known lines, the same data cleaned by hand (rows with an invalid value
removed, everything else written plainly), and manifest.tsv: file, options, planted line and column.
Run: python3 make_messy.py (from this folder). The test MessyExportsTest reads the files, not this script."""
import datetime, random

random.seed(20261206)
N = 60
base = []
for i in range(N):
    diag = datetime.date(2014, 1, 1) + datetime.timedelta(days=random.randint(0, 1500))
    fu = random.randint(30, 2400)
    dead = random.random() < 0.55
    grp = random.choice(["A", "B", "C"])
    age = round(random.uniform(35, 80), 1)
    base.append(dict(id=i + 1, diag=diag, last=diag + datetime.timedelta(days=fu), dead=dead, grp=grp, age=age))

LANGS = {
    # name: (file, delimiter, decimal, date format, dead word, alive word, encoding, line end, options)
    "fr": ("fr_export.csv", ";", ",", "%d/%m/%Y", "Décédé", "Vivant", "cp1252", "\r\n"),
    "de": ("de_export.tsv", "\t", ",", "%d.%m.%Y", "verstorben", "lebend", "utf-8-sig", "\n"),
    "en": ("en_export.csv", ",", ".", "%m/%d/%Y", "Deceased", "Alive", "utf-8", "\n"),
    "es": ("es_export.csv", ";", ",", "%d-%m-%Y", "Fallecido", "Vivo", "utf-8", "\r\n"),
}
# planted problems: row index -> (column, bad value)
PLANTS = {
    "fr": {5: ("statut", "Vivnat"), 12: ("derniere", "31/04/2018"), 20: ("statut", "Decede"), 33: ("statut", "DCD?")},
    "de": {3: ("status", "verstorbn"), 17: ("letzter", "SWAP"), 40: ("status", "unbekannt!")},
    "en": {8: ("status", "Decesed"), 25: ("last_seen", "02/30/2019"), 44: ("status", "Dead")},
    "es": {2: ("estado", "Falecido"), 30: ("ultima", "2019-13-45"), 51: ("estado", "vivo?")},
}
HEAD = {
    "fr": ["id", "diagnostic", "derniere", "statut", "bras", "age"],
    "de": ["id", "diagnose", "letzter", "status", "arm", "alter"],
    "en": ["id", "diagnosis", "last_seen", "status", "arm", "age"],
    "es": ["id", "diagnostico", "ultima", "estado", "brazo", "edad"],
}
manifest = ["file\toptions\tline\tcolumn"]
for lang, (name, delim, dec, fmt, dead, alive, enc, eol) in LANGS.items():
    h = HEAD[lang]
    lines, clean = [delim.join(h)], [",".join(["id", "start", "end", "status", "arm", "age"])]
    for i, r in enumerate(base):
        d1, d2 = r["diag"].strftime(fmt), r["last"].strftime(fmt)
        status = dead if r["dead"] else alive
        age = str(r["age"]).replace(".", dec)
        cells = [str(r["id"]), d1, d2, status, r["grp"], age]
        bad = PLANTS[lang].get(i)
        if bad:
            col, value = bad
            k = h.index(col)
            if value == "SWAP":
                cells[1], cells[2] = d2, d1
            elif lang == "fr" and value == "Decede":
                cells[k] = "Decede" if r["dead"] else "Vivant"   # accents only: read as Décédé, not a problem
                bad = None
            else:
                cells[k] = value
        lines.append(delim.join(cells))
        if bad:
            manifest.append("\t".join([name, lang, str(i + 2), bad[0]]))
        else:
            clean.append(",".join([str(r["id"]), r["diag"].isoformat(), r["last"].isoformat(),
                                   "1" if r["dead"] else "0", r["grp"], str(r["age"])]))
    with open(name, "w", encoding=enc, newline="") as f:
        f.write(eol.join(lines) + eol)
    with open(name.split(".")[0] + "_clean.csv", "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(clean) + "\n")
with open("manifest.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(manifest) + "\n")

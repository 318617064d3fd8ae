#!/usr/bin/env bash
# survkit alone at several sizes (issue 15: cost linear in rows): wall and CPU seconds, peak RSS, per size and task.
#
#   bench/scale.sh DATA_DIR RUNS "1e5 1e6 1e7" "km cox"
#
# Runs the ./survkit launcher (its AppCDS archive, heap, GC and compiler flags) on a snapshot of
# survkit-web/target/survkit.jar. Output: bench/out/scale-<time>/runs.tsv and summary.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; RUNS="$2"; SIZES="$3"; TASKS="$4"
OUT="$ROOT/bench/out/scale-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
# shellcheck source=bench/snapshot.sh
source "$ROOT/bench/snapshot.sh"
printf 'size\ttask\trun\twall_s\tcpu_s\tmaxrss_kb\tload1\n' > "$OUT/runs.tsv"
for size in $SIZES; do
  f="$DATA/big_$size.csv"
  for task in $TASKS; do
    case "$task" in
      km) args=(km "$f" --time time --event status --group group --test logrank --format json) ;;
      compare) args=(compare "$f" --time time --event status --group group --format json) ;;
      cox) args=(cox "$f" --time time --event status --covariates x1,x2,x3,x4,x5,x6,x7,x8,group --format json) ;;
    esac
    for run in $(seq "$RUNS"); do
      load=$(cut -d' ' -f1 /proc/loadavg)
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.tmp" "${SK[@]}" "${args[@]}" > /dev/null 2> "$OUT/$task-$size.err"
      read -r wall user sys rss < "$OUT/time.tmp"
      cpu=$(python3 -c "print(round($user + $sys, 2))")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$task" "$run" "$wall" "$cpu" "$rss" "$load" | tee -a "$OUT/runs.tsv"
    done
  done
done
python3 - "$OUT/runs.tsv" <<'PY' | tee "$OUT/summary.md"
import csv, statistics, sys
from collections import defaultdict
by = defaultdict(list)
for r in csv.DictReader(open(sys.argv[1]), delimiter="\t"):
    by[(r["task"], r["size"])].append(r)
print("| task | rows | runs | wall s (median) | CPU s (median) | rows/s (wall) | CPU ns/row | max RSS MB | RSS bytes/row | load |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (task, size), v in sorted(by.items(), key=lambda kv: (kv[0][0], float(kv[0][1]))):
    n = int(float(size)); wall = statistics.median(float(x["wall_s"]) for x in v)
    cpu = statistics.median(float(x["cpu_s"]) for x in v); rss = statistics.median(int(x["maxrss_kb"]) for x in v) * 1024
    loads = [float(x["load1"]) for x in v]
    print(f"| {task} | {size} | {len(v)} | {wall:.2f} | {cpu:.2f} | {n / wall:,.0f} | {cpu * 1e9 / n:,.0f} | {rss / 2**20:.0f} | {rss / n:,.0f} | {min(loads):.0f}–{max(loads):.0f} |")
PY

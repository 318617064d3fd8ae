#!/usr/bin/env bash
# survkit alone at several sizes (issue 15: cost linear in rows): wall and CPU seconds, peak RSS, per size and task.
#
#   bench/scale.sh DATA_DIR RUNS "1e5 1e6 1e7" "km cox"
#
# Runs the ./survkit launcher (its AppCDS archive, heap, GC and compiler flags) on a snapshot of
# survkit-web/target/survkit.jar. Output: bench/out/scale-<time>/runs.tsv and summary.md. A run that
# fails (e.g. out of memory) is recorded with its exit status (rc) and its stderr kept as <task>-<size>-<run>.err;
# the next runs go on. KEEP_OUT=1 keeps each run's standard output as <task>-<size>-<run>.out (default /dev/null).
# Sizes: DATA_DIR/big_<size>.csv (reference/shared-tools/make_big.R, or bench/MakeBig.java for 10^8 rows).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; RUNS="$2"; SIZES="$3"; TASKS="$4"
OUT="$ROOT/bench/out/scale-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
# shellcheck source=bench/snapshot.sh
source "$ROOT/bench/snapshot.sh"
printf 'size\ttask\trun\twall_s\tcpu_s\tmaxrss_kb\tload1\trc\n' > "$OUT/runs.tsv"
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
      dest=/dev/null
      if [ "${KEEP_OUT:-0}" = 1 ]; then dest="$OUT/$task-$size-$run.out"; fi
      rc=0
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.tmp" "${SK[@]}" "${args[@]}" > "$dest" 2> "$OUT/$task-$size-$run.err" || rc=$?
      # /usr/bin/time writes "Command exited with non-zero status N" before its line when the command fails
      read -r wall user sys rss < <(tail -n 1 "$OUT/time.tmp")
      cpu=$(python3 -c "print(round($user + $sys, 2))")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$task" "$run" "$wall" "$cpu" "$rss" "$load" "$rc" | tee -a "$OUT/runs.tsv"
    done
  done
done
python3 "$ROOT/bench/scale_summary.py" "$OUT/runs.tsv" | tee "$OUT/summary.md"

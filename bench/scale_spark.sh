#!/usr/bin/env bash
# The command line's Spark engine at several sizes (issue 15 item 4): `./survkit TASK DATA --engine spark --master
# MASTER`, whole processes, wall and CPU seconds, peak RSS, as bench/scale.sh does for the local engine.
#
#   bench/scale_spark.sh DATA_DIR RUNS "1e7 1e8" "km compare cox" [MASTER] [EXT]
#   bench/scale_spark.sh /work/bench-data-scale 1 "1e7 1e8" "km compare" 'local[2]' parquet
#
# DATA_DIR/big_<size>.<EXT> (EXT parquet: a folder written by bench/CsvToParquet.java; csv: Spark infers the
# schema, i.e. reads the file twice). Uses the worktree's built survkit-spark/target (the launcher rebuilds it if
# sources are newer). JVM flags: SURVKIT_JAVA_OPTS (the launcher's default: -XX:+UseParallelGC, heap 1/4 of RAM).
# cox: x1..x8 (the Spark engine takes numeric covariates; group is text). Output: bench/out/spark-<time>/runs.tsv,
# <task>-<size>-<run>.out/.err, summary.md. A failed run is recorded with its exit status and the next goes on.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; RUNS="$2"; SIZES="$3"; TASKS="$4"; MASTER="${5:-local[2]}"; EXT="${6:-parquet}"
OUT="$ROOT/bench/out/spark-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
echo "SURVKIT_JAVA_OPTS=${SURVKIT_JAVA_OPTS:-(default)} master=$MASTER ext=$EXT" > "$OUT/flags.txt"
printf 'size\ttask\trun\twall_s\tcpu_s\tmaxrss_kb\tload1\trc\n' > "$OUT/runs.tsv"
for size in $SIZES; do
  f="$DATA/big_$size.$EXT"
  for task in $TASKS; do
    case "$task" in
      km) args=(km "$f" --time time --event status --group group --test logrank --format json) ;;
      compare) args=(compare "$f" --time time --event status --group group --format json) ;;
      cox) args=(cox "$f" --time time --event status --covariates x1,x2,x3,x4,x5,x6,x7,x8 --format json) ;;
    esac
    for run in $(seq "$RUNS"); do
      load=$(cut -d' ' -f1 /proc/loadavg)
      rc=0
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.tmp" "$ROOT/survkit" "${args[@]}" --engine spark --master "$MASTER" \
        > "$OUT/$task-$size-$run.out" 2> "$OUT/$task-$size-$run.err" || rc=$?
      read -r wall user sys rss < <(tail -n 1 "$OUT/time.tmp")
      cpu=$(python3 -c "print(round($user + $sys, 2))")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$task" "$run" "$wall" "$cpu" "$rss" "$load" "$rc" | tee -a "$OUT/runs.tsv"
    done
  done
done
python3 "$ROOT/bench/scale_summary.py" "$OUT/runs.tsv" | tee "$OUT/summary.md"
echo "$OUT"

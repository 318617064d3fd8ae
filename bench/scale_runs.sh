#!/usr/bin/env bash
# The one run loop of bench/scale.sh (ENGINE local) and bench/scale_spark.sh (ENGINE spark): each task at each size
# RUNS times as a whole ./survkit process under /usr/bin/time (wall and CPU seconds, peak RSS), the 1-minute load
# average before each run, one TSV line per run, then the summary (bench/scale_summary.py).
#
#   bench/scale_runs.sh local DATA_DIR RUNS "1e5 1e6" "km cox"
#   bench/scale_runs.sh spark DATA_DIR RUNS "1e7 1e8" "km compare cox" [MASTER] [EXT]
#
# local: DATA_DIR/big_<size>.csv, the launcher on a snapshot of survkit-web/target/survkit.jar (bench/snapshot.sh),
#        output bench/out/scale-<time>/; each run's standard output kept only with KEEP_OUT=1.
# spark: DATA_DIR/big_<size>.<EXT> (EXT parquet by default), `--engine spark --master MASTER` (default local[2]) on
#        the worktree's survkit-spark/target, output bench/out/spark-<time>/ with flags.txt; standard output kept.
#        cox: x1..x8 (the Spark engine takes numeric covariates; group is text).
# A run that fails (e.g. out of memory) is recorded with its exit status (rc) and its stderr kept as
# <task>-<size>-<run>.err; the next runs go on. Prints the output folder last.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENGINE="${1:?ENGINE: local or spark}"; DATA="$2"; RUNS="$3"; SIZES="$4"; TASKS="$5"
MASTER="${6:-local[2]}"; EXT="${7:-parquet}"
covariates=x1,x2,x3,x4,x5,x6,x7,x8
case "$ENGINE" in
  local)
    OUT="$ROOT/bench/out/scale-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
    # shellcheck source=bench/snapshot.sh
    source "$ROOT/bench/snapshot.sh"
    EXT=csv; covariates="$covariates,group"; engine=(); keep="${KEEP_OUT:-0}" ;;
  spark)
    OUT="$ROOT/bench/out/spark-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
    echo "SURVKIT_JAVA_OPTS=${SURVKIT_JAVA_OPTS:-(default)} master=$MASTER ext=$EXT" > "$OUT/flags.txt"
    SK=("$ROOT/survkit"); engine=(--engine spark --master "$MASTER"); keep="${KEEP_OUT:-1}" ;;
  *) echo "bench/scale_runs.sh: ENGINE is local or spark, not '$ENGINE'" >&2; exit 2 ;;
esac
printf 'size\ttask\trun\twall_s\tcpu_s\tmaxrss_kb\tload1\trc\n' > "$OUT/runs.tsv"
for size in $SIZES; do
  f="$DATA/big_$size.$EXT"
  for task in $TASKS; do
    case "$task" in
      km) args=(km "$f" --time time --event status --group group --test logrank --format json) ;;
      compare) args=(compare "$f" --time time --event status --group group --format json) ;;
      cox) args=(cox "$f" --time time --event status --covariates "$covariates" --format json) ;;
      *) echo "bench/scale_runs.sh: unknown task '$task' (km, compare, cox)" >&2; exit 2 ;;
    esac
    for run in $(seq "$RUNS"); do
      load=$(cut -d' ' -f1 /proc/loadavg)
      dest=/dev/null
      if [ "$keep" = 1 ]; then dest="$OUT/$task-$size-$run.out"; fi
      rc=0
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.tmp" "${SK[@]}" "${args[@]}" "${engine[@]}" > "$dest" \
        2> "$OUT/$task-$size-$run.err" || rc=$?
      # /usr/bin/time writes "Command exited with non-zero status N" before its line when the command fails
      read -r wall user sys rss < <(tail -n 1 "$OUT/time.tmp")
      cpu=$(python3 -c "print(round($user + $sys, 2))")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$task" "$run" "$wall" "$cpu" "$rss" "$load" "$rc" | tee -a "$OUT/runs.tsv"
    done
  done
done
python3 "$ROOT/bench/scale_summary.py" "$OUT/runs.tsv" | tee "$OUT/summary.md"
echo "$OUT"

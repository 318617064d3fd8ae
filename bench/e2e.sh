#!/usr/bin/env bash
# Whole-run speed and peak memory, survkit against Rscript, interleaved (R, survkit, R, survkit, ...) so that both
# see the same machine load (issue 15 item 1).
#
#   bench/e2e.sh DATA_DIR RUNS "1e6" "km compare cox" [--no-r]
#
# DATA_DIR holds big_<size>.csv from reference/shared-tools/make_big.R. Each run times one whole process with
# /usr/bin/time (wall seconds, max RSS). survkit runs through the ./survkit launcher (its AppCDS archive, heap, GC
# and compiler flags) on a snapshot of survkit-web/target/survkit.jar; R runs
# bench/r_e2e_task.R (data.table::fread). Output: bench/out/e2e-<time>/runs.tsv and summary.md (medians).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; RUNS="$2"; SIZES="$3"; TASKS="$4"; WITH_R=1
[ "${5:-}" = "--no-r" ] && WITH_R=0
OUT="$ROOT/bench/out/e2e-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
# shellcheck source=bench/snapshot.sh
source "$ROOT/bench/snapshot.sh"
{
  echo "date: $(date -Is)"; echo "nproc: $(nproc)"; echo "java: $(java -version 2>&1 | head -1)"
  echo "R: $(Rscript --version 2>&1 | head -1), survival $(Rscript -e 'cat(format(packageVersion("survival")))'), data.table $(Rscript -e 'cat(format(packageVersion("data.table")))') (fread, $(Rscript -e 'data.table::setDTthreads(0); cat(data.table::getDTthreads())') threads)"
  echo "survkit: SURVKIT_JAR=$SURVKIT_JAR ${SK[*]} (the launcher's JVM flags)"
} > "$OUT/env.txt"
printf 'size\ttask\ttool\trun\twall_s\tmaxrss_kb\tload1\n' > "$OUT/runs.tsv"
sk_args() {
  case "$1" in
    km) echo "km $2 --time time --event status --group group --test logrank --format json" ;;
    compare) echo "compare $2 --time time --event status --group group --format json" ;;
    cox) echo "cox $2 --time time --event status --covariates x1,x2,x3,x4,x5,x6,x7,x8,group --format json" ;;
  esac
}
measure() { # size task tool run command...
  local size=$1 task=$2 tool=$3 run=$4; shift 4
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %M" -o "$OUT/time.tmp" "$@" > "$OUT/$tool-$task-$size.out" 2> "$OUT/$tool-$task-$size.err"
  read -r wall rss < "$OUT/time.tmp"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$task" "$tool" "$run" "$wall" "$rss" "$load" | tee -a "$OUT/runs.tsv"
}
for size in $SIZES; do
  f="$DATA/big_$size.csv"
  for task in $TASKS; do
    # shellcheck disable=SC2046
    "${SK[@]}" $(sk_args "$task" "$f") > /dev/null 2>&1 # warm the file cache
    for run in $(seq "$RUNS"); do
      if [ "$WITH_R" = 1 ]; then measure "$size" "$task" R "$run" Rscript "$ROOT/bench/r_e2e_task.R" "$task" "$f"; fi
      # shellcheck disable=SC2046
      measure "$size" "$task" survkit "$run" "${SK[@]}" $(sk_args "$task" "$f")
    done
  done
done
python3 "$ROOT/bench/e2e_summary.py" "$OUT/runs.tsv" "$DATA" | tee "$OUT/summary.md"

#!/usr/bin/env bash
# The command line's Spark engine at several sizes (issue 15 item 4): `./survkit TASK DATA --engine spark --master
# MASTER`, whole processes, wall and CPU seconds, peak RSS, in bench/scale.sh's run loop (bench/scale_runs.sh).
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
exec "$(dirname "${BASH_SOURCE[0]}")/scale_runs.sh" spark "$@"

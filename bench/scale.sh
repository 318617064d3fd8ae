#!/usr/bin/env bash
# survkit alone at several sizes (issue 15: cost linear in rows): wall and CPU seconds, peak RSS, per size and task.
#
#   bench/scale.sh DATA_DIR RUNS "1e5 1e6 1e7" "km cox"
#
# The run loop is bench/scale_runs.sh's (shared with bench/scale_spark.sh). Runs the ./survkit launcher (its
# AppCDS archive, heap, GC and compiler flags) on a snapshot of
# survkit-web/target/survkit.jar. Output: bench/out/scale-<time>/runs.tsv and summary.md. A run that
# fails (e.g. out of memory) is recorded with its exit status (rc) and its stderr kept as <task>-<size>-<run>.err;
# the next runs go on. KEEP_OUT=1 keeps each run's standard output as <task>-<size>-<run>.out (default /dev/null).
# Sizes: DATA_DIR/big_<size>.csv (reference/shared-tools/make_big.R, or bench/MakeBig.java for 10^8 rows).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/scale_runs.sh" local "$@"

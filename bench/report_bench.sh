#!/usr/bin/env bash
# The report's speed (issue 14, item 7): warm in one JVM (bench/ReportBench.java) and whole processes.
#
#   bench/report_bench.sh [WARMUP RUNS]      # default 3 warm-up runs, 5 measured
#
# Needs the command-line jar (survkit-web/target/survkit.jar: ./survkit builds it, or
# mvn -q -B -DskipTests -pl survkit-web -am package). A snapshot of it is timed, so that a rebuild
# cannot interfere. Prints Markdown: the warm table (median and min wall ms, CPU ms of the process), then
# whole `survkit report` processes on the rapamycin example (median of 3 runs, wall seconds), with and
# without PNG files, and the load average (the wall times mean little on a busy machine; CPU ms do).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR_SRC="$ROOT/survkit-web/target/survkit.jar"
[ -f "$JAR_SRC" ] || { echo "no $JAR_SRC: build it first (./survkit --version)" >&2; exit 2; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cp "$JAR_SRC" "$TMP/survkit.jar"
JAVA_OPTS="-XX:+UseParallelGC"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start, $(java -version 2>&1 | head -1)"
echo
echo "### Warm (one JVM)"
echo
# the 100,000-row cohort: survkit-report's test generator (the cohort ReportScaleTest times), JDK only
javac -d "$TMP/scale" survkit-report/src/test/java/org/survkit/report/ScaleCohort.java
java $JAVA_OPTS -cp "$TMP/survkit.jar:$TMP/scale" bench/ReportBench.java "${1:-3}" "${2:-5}"
echo
echo "### Whole processes: survkit report examples/rapamycin-mbc/study.yaml"
echo
echo "| flags | median s | runs (s) |"
echo "|---|---|---|"
for flags in "--no-png" "" "--figure-formats svg,png,pdf,eps,tiff"; do
  times=()
  for i in 1 2 3 4; do
    s=$(date +%s%N)
    java $JAVA_OPTS -jar "$TMP/survkit.jar" report examples/rapamycin-mbc/study.yaml --out "$TMP/out" $flags \
      >/dev/null 2>&1
    e=$(date +%s%N)
    [ "$i" = 1 ] && continue   # the first run warms the file cache
    times+=("$(awk "BEGIN{printf \"%.2f\", ($e-$s)/1e9}")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  echo "| \`${flags:-(default: svg, png)}\` | $median | ${times[*]} |"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

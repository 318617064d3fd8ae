#!/usr/bin/env bash
# The Spark engine's benchmark in local mode (results: bench/RESULTS.md, "survkit on Spark").
#
#   bench/spark.sh ROWS [MASTER] [PARTITIONS] [--check]
#   bench/spark.sh 10000000 'local[2]' 16 --days     # 1e7 rows, times in whole days
#   bench/spark.sh 1000000 'local[2]' 8 --check      # 1e6 rows, also against the in-memory engines
#
# Builds survkit-spark (package, tests skipped: target/survkit-spark.jar + target/lib), writes a seeded Parquet
# cohort once to bench-data/spark/ (continuous times, 3 groups, 4 strata, 4 covariates), then times Kaplan-Meier
# by group, the stratified log-rank test and a stratified Efron Cox model through SparkSurvival
# (survkit-spark/src/test/java/org/survkit/spark/SparkBench.java). Env: SPARK_BENCH_XMX (default 8g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:?rows}"
master="${2:-local[2]}"
parts="${3:-16}"
shift $(( $# < 3 ? $# : 3 ))
if [ "${NO_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -q -B -o -DskipTests -pl survkit-spark -am package)
fi
mkdir -p "$root/bench-data/spark"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
cp="$root/survkit-spark/target/test-classes:$root/survkit-spark/target/survkit-spark.jar:$root/survkit-spark/target/lib/*"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
/usr/bin/time -v -o "$root/bench-data/spark/time.txt" java -Xmx"${SPARK_BENCH_XMX:-8g}" -XX:+UseParallelGC -Dlog4j2.provider=org.apache.logging.log4j.core.impl.Log4jProvider $opens -cp "$cp" org.survkit.spark.SparkBench \
  "$rows" "$master" "$root/bench-data/spark" "$parts" "$@" 2> >(grep -v -E ' (WARN|INFO) ' >&2)
grep -E 'Maximum resident|Elapsed \(wall' "$root/bench-data/spark/time.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

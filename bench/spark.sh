#!/usr/bin/env bash
# The Spark engine's benchmark in local mode (results: bench/RESULTS.md, "survkit on Spark").
#
#   bench/spark.sh ROWS [MASTER] [PARTITIONS] [--check]
#   bench/spark.sh 10000000 'local[2]' 16 --days     # 1e7 rows, times in whole days
#   bench/spark.sh 1000000 'local[2]' 8 --check      # 1e6 rows, also against the in-memory engines
#
# Builds survkit-spark (package, tests skipped: target/survkit-spark.jar + target/lib), writes a seeded Parquet
# cohort once to bench-data/spark/cohort_cr_ROWS[_days].parquet (continuous times, 3 groups, 4 strata, 4
# covariates, an event of interest and a competing event), then times Kaplan-Meier by group, the stratified
# log-rank test, a stratified Efron Cox model with its PH test, the cumulative incidence by group with the
# stratified Gray test and the Fine-Gray model through SparkSurvival
# (survkit-spark/src/test/java/org/survkit/spark/SparkBench.java). --check: the same statistics by the in-memory
# engines on the same rows, the largest relative difference per statistic. Env: SPARK_BENCH_XMX (default 8g).
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
# the opens Spark 4 needs on Java 17, and Log4j's core provider (survkit-report's log4j2.component.properties on the
# class path chooses the simple logger, which Spark cannot cast: SparkBench stopped in Spark's start-up without it)
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.provider=org.apache.logging.log4j.core.impl.Log4jProvider"
cp="$root/survkit-spark/target/test-classes:$root/survkit-spark/target/survkit-spark.jar:$root/survkit-spark/target/lib/*"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
/usr/bin/time -v -o "$root/bench-data/spark/time.txt" java -Xmx"${SPARK_BENCH_XMX:-8g}" -XX:+UseParallelGC -Dlog4j2.provider=org.apache.logging.log4j.core.impl.Log4jProvider $opens -cp "$cp" org.survkit.spark.SparkBench \
  "$rows" "$master" "$root/bench-data/spark" "$parts" "$@" 2> >(grep -v -E ' (WARN|INFO) ' >&2)
grep -E 'Maximum resident|Elapsed \(wall|User time|System time' "$root/bench-data/spark/time.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

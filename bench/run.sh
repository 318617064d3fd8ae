#!/usr/bin/env bash
# survkit vs R survival: one command for the performance issue's numbers.
#
#   bench/run.sh            # 1e6 rows
#   bench/run.sh --big      # 1e6 and 1e7 rows (needs ~10 GB free RAM; 7-10 min on 2 cores)
#
# Steps (each can be skipped):
#   1. build   mvn -pl survkit-bench -am package           -> survkit-bench/target/survkit-bench.jar
#              (on a build failure the existing jar is used, with a warning)
#   2. data    Rscript reference/shared-tools/make_big.R    -> bench-data/big_1e6.csv [, big_1e7.csv]
#              (bench-data/ is git-ignored; existing files are reused unless --regen-data)
#   3. R       Rscript bench/r_bench.R: survfit(~group) and survdiff(~group) timed separately,
#              median of 5 (R_BENCH_REPS) in one R process per run, on the same CSVs
#   4. JMH     KaplanMeierBench.fitByGroup, LogRankBench.threeGroups; 1 fork, 3x1 s warm-up,
#              5x1 s measurement, -Xmx8g; reads the same CSVs (or --synthetic: the seeded Java
#              generator that mimics make_big.R)
#   5. table   bench/summarize.py: survkit ms vs R ms, ratio R/survkit, target met?
#   6. e2e     whole processes, median of 3 (hyperfine if installed, else date +%s%N):
#              Rscript bench/r_e2e.R (fread + survfit + summary + survdiff) versus one
#              ./survkit km ... --test logrank --format json process; skipped with a message
#              when the CLI launcher ($SURVKIT, default ./survkit) does not exist yet or fails.
#
# Options: --big --synthetic --regen-data --no-build --skip-r --skip-jmh --skip-e2e
#          --cli-jar (e2e: time java -jar survkit-cli/target/survkit.jar, a snapshot, with the
#          launcher's JVM options, instead of ./survkit, which rebuilds when any source changed)
# Env:     SURVKIT (CLI launcher), R_BENCH_REPS (5), E2E_RUNS (3), NO_HYPERFINE=1 (use date +%s%N)
# Output:  bench/out/<timestamp>/{env.txt, r.tsv, jmh.json, jmh.log, e2e.json|e2e.tsv, results.md}
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
ROOT="$(dirname "$(dirname "$SELF")")"
cd "$ROOT"
DATA="$ROOT/bench-data"
JAR="$ROOT/survkit-bench/target/survkit-bench.jar"
SURVKIT="${SURVKIT:-$ROOT/survkit}"
E2E_RUNS="${E2E_RUNS:-3}"

big=0 synthetic=0 regen=0 build=1 do_r=1 do_jmh=1 do_e2e=1 cli_jar=0
for a in "$@"; do
  case "$a" in
    --big) big=1 ;;
    --synthetic) synthetic=1 ;;
    --regen-data) regen=1 ;;
    --no-build) build=0 ;;
    --skip-r) do_r=0 ;;
    --skip-jmh) do_jmh=0 ;;
    --skip-e2e) do_e2e=0 ;;
    --cli-jar) cli_jar=1 ;;
    -h|--help) sed -n '2,31p' "$SELF"; exit 0 ;;
    *) echo "unknown option: $a (try --help)" >&2; exit 2 ;;
  esac
done

OUT="$ROOT/bench/out/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT" "$DATA"
say() { printf '\n== %s  [load %s]\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

labels=(1e6); rows=(1000000)
if [ "$big" = 1 ]; then labels+=(1e7); rows+=(10000000); fi

say "environment -> $OUT/env.txt"
{
  echo "date: $(date -Is)"
  echo "host: $(uname -srm)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "nproc: $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/{print $2 " GB"}')"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "R: $(Rscript --version 2>&1 | head -1)"
  echo "survival: $(Rscript -e 'cat(format(packageVersion("survival")))'), data.table: $(Rscript -e 'cat(format(packageVersion("data.table")))')"
  echo "hyperfine: $(command -v hyperfine >/dev/null && hyperfine --version || echo 'not installed')"
  echo "command: bench/run.sh $*"
  echo "loadavg at start: $(cat /proc/loadavg)"
} | tee "$OUT/env.txt"

if [ "$build" = 1 ]; then
  say "build survkit-bench"
  # maven.test.skip: also skips compiling other modules' tests, which may be mid-edit
  if ! mvn -q -B -pl survkit-bench -am package -Dmaven.test.skip=true > "$OUT/build.log" 2>&1; then
    if [ -s "$JAR" ]; then
      echo "WARNING: build failed (see $OUT/build.log); using the existing $JAR of $(date -r "$JAR" -Is)" | tee -a "$OUT/env.txt"
    else
      cat "$OUT/build.log"; exit 1
    fi
  fi
fi

say "data (make_big.R)"
csvs=()
for i in "${!labels[@]}"; do
  f="$DATA/big_${labels[$i]}.csv"
  if [ "$regen" = 1 ] || [ ! -s "$f" ]; then
    echo "generating $f"
    /usr/bin/time -f "  %es, max RSS %M KB" Rscript reference/shared-tools/make_big.R "${rows[$i]}" "$f"
  else
    echo "reusing $f ($(du -h "$f" | cut -f1)); --regen-data to rebuild"
  fi
  csvs+=("$f")
done

if [ "$do_r" = 1 ]; then
  say "R survival in process (median of ${R_BENCH_REPS:-5})"
  Rscript bench/r_bench.R "$OUT/r.tsv" "${csvs[@]}"
fi

if [ "$do_jmh" = 1 ]; then
  say "JMH (survkit in process)"
  jvmprops=()
  if [ "$synthetic" = 0 ]; then jvmprops+=("-Dsurvkit.bench.dataDir=$DATA"); fi
  plist=$(IFS=,; echo "${rows[*]}")
  java "${jvmprops[@]}" -jar "$JAR" 'org\.survkit\.bench\.(KaplanMeierBench|LogRankBench)\.' \
    -p rows="$plist" -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff "$OUT/jmh.json" 2>&1 \
    | tee "$OUT/jmh.log" | grep -E '^(# (Benchmark|Parameters):|(# Warmup )?Iteration|Benchmark +\(|[A-Za-z]+Bench\.)' || true
fi

if [ "$do_e2e" = 1 ]; then
  e2e_csv="${csvs[0]}"
  say "end to end on $(basename "$e2e_csv"): one Rscript process vs one survkit km --test logrank process"
  cli=()
  if [ "$cli_jar" = 1 ]; then
    # the built CLI jar, snapshotted so that a concurrent rebuild cannot change it mid-run, run
    # with the launcher's JVM options; skips the launcher's staleness check and rebuild
    if [ -s "$ROOT/survkit-cli/target/survkit.jar" ]; then
      cp -p "$ROOT/survkit-cli/target/survkit.jar" "$OUT/survkit.jar"
      echo "cli jar: survkit-cli/target/survkit.jar of $(date -r "$OUT/survkit.jar" -Is), sha256 $(sha256sum "$OUT/survkit.jar" | cut -c1-16)" | tee -a "$OUT/env.txt"
      cli=(java -XX:+UseParallelGC -jar "$OUT/survkit.jar")
    else
      echo "SKIPPED: --cli-jar given but survkit-cli/target/survkit.jar does not exist."
    fi
  elif [ -x "$SURVKIT" ]; then
    cli=("$SURVKIT")
  else
    echo "SKIPPED: CLI launcher $SURVKIT not found (survkit-cli is still being written)."
    echo "         Re-run later with: bench/run.sh --no-build --skip-r --skip-jmh"
  fi
  if [ "${#cli[@]}" -gt 0 ]; then
    cols=(--time time --event status --group group --test logrank --format json)
    ok=1
    for sub in km; do
      echo "check: ${cli[*]} $sub $(basename "$e2e_csv") ${cols[*]}  (the launcher may build the CLI first)"
      if ! "${cli[@]}" "$sub" "$e2e_csv" "${cols[@]}" > "$OUT/e2e_$sub.json" 2> "$OUT/e2e_$sub.err"; then
        echo "SKIPPED: '${cli[*]} $sub' failed; stderr:"; head -20 "$OUT/e2e_$sub.err"
        echo "         (to time the last built jar instead: bench/run.sh --no-build --skip-r --skip-jmh --cli-jar)"
        ok=0
      else
        echo "  ok, $(wc -c < "$OUT/e2e_$sub.json") bytes of JSON"
      fi
    done
    if [ "$ok" = 1 ]; then
      Rscript bench/r_e2e.R "$e2e_csv" > "$OUT/e2e_r.txt"
      jar_before=$(stat -c %Y "$ROOT/survkit-web/target/survkit.jar" 2>/dev/null || echo none)
      if [ "${NO_HYPERFINE:-0}" = 0 ] && command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 1 --runs "$E2E_RUNS" --export-json "$OUT/e2e.json" \
          -n "R: Rscript r_e2e.R" "Rscript bench/r_e2e.R $e2e_csv" \
          -n "survkit km --test logrank" "${cli[*]} km $e2e_csv ${cols[*]}"
      else
        echo "timing with date +%s%N (hyperfine not installed or NO_HYPERFINE=1)"
        printf 'command\truns_ms\n' > "$OUT/e2e.tsv"
        run_ms() { local t0 t1; t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
        for name in R km; do
          case $name in
            R) cmd=(Rscript bench/r_e2e.R "$e2e_csv") ;;
            *) cmd=("${cli[@]}" "$name" "$e2e_csv" "${cols[@]}") ;;
          esac
          "${cmd[@]}" > /dev/null 2>&1 || true # warm-up (file cache, launcher build)
          ms=(); for _ in $(seq "$E2E_RUNS"); do ms+=("$(run_ms "${cmd[@]}")"); done
          printf '%s\t%s\n' "$name" "$(IFS=';'; echo "${ms[*]}")" | tee -a "$OUT/e2e.tsv"
        done
      fi
      jar_after=$(stat -c %Y "$ROOT/survkit-web/target/survkit.jar" 2>/dev/null || echo none)
      if [ "$cli_jar" = 0 ] && [ "$jar_before" != "$jar_after" ]; then
        echo "WARNING: survkit-web/target/survkit.jar was rebuilt during the timing; the survkit times include a build. Re-run."
      fi
    fi
  fi
fi

say "results -> $OUT/results.md"
python3 bench/summarize.py "$OUT" | tee "$OUT/results.md"

# Sourced by bench/e2e.sh and bench/scale.sh: copies survkit-web/target/survkit.jar into $OUT (so that a rebuild
# cannot change it mid-run), makes its AppCDS archive with the launcher's training run, and sets SK to the command
# that runs it as ./survkit does (override the heap and GC flags with SURVKIT_JAVA_OPTS).
cp -p "$ROOT/survkit-web/target/survkit.jar" "$OUT/survkit.jar"
JSA="$OUT/survkit.jsa"
java -XX:ArchiveClassesAtExit="$JSA" -Xlog:disable -Xlog:all=warning:stderr -XX:+UseParallelGC -jar "$OUT/survkit.jar" \
  km "$ROOT/examples/lung/lung.csv" --time time --event status --event-value 2 --censor-value 1 --group sex \
  --test logrank --format json > /dev/null 2>&1
# shellcheck disable=SC2206
SK=(java -Xlog:disable -Xlog:all=warning:stderr -XX:SharedArchiveFile="$JSA" ${SURVKIT_JAVA_OPTS:--XX:+UseParallelGC -Xmn64m -XX:MaxRAMPercentage=75} -jar "$OUT/survkit.jar")

# Sourced by bench/e2e.sh and bench/scale.sh: copies survkit-web/target/survkit.jar into $OUT (so that a rebuild
# cannot change it mid-run) and sets SK to the ./survkit launcher running that copy (SURVKIT_JAR): the same AppCDS
# archive (made next to the copy by the launcher's training run), heap, GC and compiler flags as a user's run
# (override the JVM flags with SURVKIT_JAVA_OPTS).
cp -p "$ROOT/survkit-web/target/survkit.jar" "$OUT/survkit.jar"
export SURVKIT_JAR="$OUT/survkit.jar"
"$ROOT/survkit" --version > /dev/null # makes the archive
SK=("$ROOT/survkit")

#!/usr/bin/env bash
# survkit serve under faults and hostile uploads: the numbers quoted in README ("survkit serve") and SECURITY.md.
#
#   bench/serve_faults.sh             # all parts (about 2 minutes on 2 cores)
#   bench/serve_faults.sh kill9 wide  # some of: kill9 wide chunked cut cox20
#
#   kill9    kill -9 right after each of 8 acknowledged saves (and after the upload); studies found after a
#            restart; modes of the data folder and its files
#   wide     a 9.9 MB CSV with 1,000,000 columns on -Xmx1g: status and time, then the server still answers
#   chunked  a 60 MB chunked upload (limit 50 MB): status and time
#   cut      a dataset file cut short on disk at a row boundary (181 of 229 lines): the next analysis's n
#   cox20    20 concurrent Cox models (3 covariates) of a seeded 1,000,000-row cohort on -Xmx2g
#
# Uses the ./survkit launcher (it builds survkit-web/target/survkit.jar when sources changed), curl, python3.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(kill9 wide chunked cut cox20)
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
export SURVKIT_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
auth="Authorization: Bearer $SURVKIT_TOKEN"
pid=0
"$root/survkit" --version >/dev/null # build once, outside the timings

start() { # start DATA_DIR [JAVA_OPTS]
  SURVKIT_JAVA_OPTS="${2:-}" "$root/survkit" serve --port 0 --no-browser --data-dir "$1" >"$work/out.txt" 2>>"$work/err.txt" &
  pid=$!
  url=""
  for _ in $(seq 1 300); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/out.txt" 2>/dev/null | head -1)
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "survkit serve did not start:"; cat "$work/err.txt"; exit 1
}
upload() { curl -s -H "$auth" -F "file=@$1" "${url}api/datasets" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/' | head -c 32; }
stop9() { kill -9 "$pid"; wait "$pid" 2>/dev/null; }
stop() { kill "$pid"; wait "$pid" 2>/dev/null; }

for part in "${parts[@]}"; do
  case "$part" in
  kill9)
    data="$work/kill9"
    start "$data"
    ds=$(upload "$root/examples/lung/lung.csv")
    stop9
    acked=0
    for run in $(seq 1 8); do
      start "$data"
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H 'Content-Type: application/json' "${url}api/studies" \
        -d "{\"name\":\"run $run\",\"dataset\":\"$ds\",\"settings\":{\"options\":{\"time\":\"time\",\"event\":\"status\"}}}")
      stop9
      [ "$code" = 201 ] && acked=$((acked + 1))
    done
    start "$data"
    found=$(curl -s -H "$auth" "${url}api/studies" | grep -o '"name":"run [0-9]*"' | wc -l)
    dsok=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "${url}api/datasets/$ds")
    stop
    echo "kill9: $acked saves acknowledged, each followed by kill -9; found after restart: $found; dataset: HTTP $dsok"
    echo "kill9: modes: $(cd "$data" && find . -printf '%m %p\n' | sort -k2 | tr '\n' ' ')"
    ;;
  wide)
    start "$work/wide" -Xmx1g
    python3 -c "
h=','.join('c%d' % i for i in range(1000000)); r=','.join('1' for i in range(1000000))
open('$work/wide.csv', 'w').write(h + '\n' + r + '\n')"
    curl -s -o "$work/wide.json" -w "wide: $(stat -c %s "$work/wide.csv") bytes, 1,000,000 columns, -Xmx1g: HTTP %{http_code} in %{time_total} s\n" \
      -H "$auth" -F "file=@$work/wide.csv" "${url}api/datasets"
    echo "wide: $(cat "$work/wide.json")"
    curl -s -o /dev/null -w 'wide: then GET /api/config: HTTP %{http_code}\n' -H "$auth" "${url}api/config"
    stop
    ;;
  chunked)
    start "$work/chunked"
    head -c $((60 * 1024 * 1024)) /dev/zero | tr '\0' '1' >"$work/big.csv"
    curl -s -o "$work/big.json" -w 'chunked: 60 MB, Transfer-Encoding: chunked: HTTP %{http_code} in %{time_total} s\n' \
      -H "$auth" -H 'Transfer-Encoding: chunked' -F "file=@$work/big.csv" "${url}api/datasets"
    echo "chunked: $(cat "$work/big.json")"
    stop
    ;;
  cut)
    start "$work/cut"
    ds=$(upload "$root/examples/lung/lung.csv")
    q='{"dataset":"'$ds'","analysis":"km","options":{"time":"time","event":"status","event_value":"2"}}'
    file="$work/cut/datasets/$ds/lung.csv"
    head -n 181 "$file" >"$work/cut.csv" && cp "$work/cut.csv" "$file"
    n=$(curl -s -H "$auth" -H 'Content-Type: application/json' "${url}api/analyses" -d "$q" | grep -m1 '"n"' | tr -d ' ,')
    echo "cut: file cut to $(wc -l <"$work/cut.csv") of 229 lines; next analysis: $n; lines on disk after: $(wc -l <"$file")"
    stop
    ;;
  cox20)
    python3 - "$work/c1m.csv" <<'PY'
import math, random, sys
r = random.Random(20261127)
with open(sys.argv[1], 'w') as f:
    f.write('id,days,dead,arm,age,sex\n')
    for i in range(1000000):
        a = r.randrange(3); t = -math.log(1 - r.random()) * (900, 1300, 1800)[a]; c = 30 + r.random() * 3000
        f.write('%d,%d,%d,%s,%d,%s\n' % (i + 1, math.ceil(min(t, c)), t <= c, 'ABC'[a], 40 + r.randrange(45), 'FM'[r.randrange(2)]))
PY
    start "$work/cox20" -Xmx2g
    ds=$(upload "$work/c1m.csv")
    q='{"dataset":"'$ds'","analysis":"cox","options":{"time":"days","event":"dead","covariates":["arm","age","sex"]}}'
    t0=$(date +%s%N)
    cpids=()
    for i in $(seq 1 20); do
      curl -s -o /dev/null -w '%{http_code}\n' -H "$auth" -H 'Content-Type: application/json' "${url}api/analyses" -d "$q" >"$work/code$i" &
      cpids+=($!)
    done
    wait "${cpids[@]}"
    t1=$(date +%s%N)
    echo "cox20: 20 concurrent Cox models of 1,000,000 rows on -Xmx2g: $(cat "$work"/code* | sort | uniq -c | tr -s ' ' | tr '\n' ';') $(( (t1 - t0) / 1000000 )) ms wall; OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$work/err.txt")"
    stop
    ;;
  *) echo "unknown part $part (kill9 wide chunked cut cox20)"; exit 2 ;;
  esac
done

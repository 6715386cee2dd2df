#!/usr/bin/env bash
# Compares nioredis with Redis under redis-benchmark's default suite.
#
# Starts redis-server and nioredis on free loopback ports with the same settings (no persistence), both
# pinned to CPU 0, and runs redis-benchmark pinned to CPU 1 against each in turn: for every round and for
# pipeline depths 1 and 16, with 50 clients, alternating which server goes first. The median requests per
# second of each test go into bench/results/comparison.{md,csv,svg} (see compare-report.py).
#
# Usage: bench/compare-with-redis.sh [-n requests] [-r rounds] [-t tests] [-o outdir]
#   -n  requests per test and run (default 100000)
#   -r  rounds (default 5)
#   -t  comma-separated redis-benchmark test list (default: its whole default suite, then the custom rows:
#       EVALSHA of a one-call and a ten-call script, XADD/XREADGROUP, PFADD/PFCOUNT and GEOSEARCH; name
#       "evalsha", "streams", "hll" or "geo" in the list to keep those rows)
#   -o  output directory (default bench/results)
# Environment: REDIS_SERVER, REDIS_BENCHMARK (binaries), JAVA (java binary), JAVA_OPTS (JVM flags).
# Build nioredis first: mvn -q -DskipTests package
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
requests=100000
rounds=5
tests=""
outdir="$here/results"
while getopts "n:r:t:o:" opt; do
  case "$opt" in
    n) requests="$OPTARG" ;;
    r) rounds="$OPTARG" ;;
    t) tests="$OPTARG" ;;
    o) outdir="$OPTARG" ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done

redis_server="${REDIS_SERVER:-redis-server}"
redis_benchmark="${REDIS_BENCHMARK:-redis-benchmark}"
java="${JAVA:-java}"
jar="$root/server/target/nioredis-server.jar"
[ -f "$jar" ] || { echo "missing $jar: run 'mvn -q -DskipTests package' first" >&2; exit 1; }
for tool in "$redis_server" "$redis_benchmark" redis-cli taskset python3 "$java"; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_ready() {
  local port="$1"
  for _ in $(seq 1 200); do
    if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; then
      return 0
    fi
    sleep 0.05
  done
  echo "server on port $port did not start" >&2
  return 1
}

raw="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$raw"
}
trap cleanup EXIT

redis_port="$(free_port)"
taskset -c 0 "$redis_server" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
  --daemonize no --loglevel warning >"$raw/redis.log" 2>&1 &
pids+=($!)
nio_port="$(free_port)"
# shellcheck disable=SC2086
taskset -c 0 "$java" ${JAVA_OPTS:-} -jar "$jar" --port "$nio_port" --bind 127.0.0.1 --save '' \
  --appendonly no --loglevel warning >"$raw/nioredis.log" 2>&1 &
pids+=($!)
wait_ready "$redis_port"
wait_ready "$nio_port"

run() {
  local server="$1" port="$2" pipeline="$3" round="$4"
  redis-cli -h 127.0.0.1 -p "$port" flushall >/dev/null
  local args=(-h 127.0.0.1 -p "$port" -c 50 -n "$requests" -P "$pipeline" --csv)
  local suite
  suite="$(suite_tests)"
  if [ -n "$suite" ]; then
    args+=(-t "$suite")
  fi
  echo "round $round, -P $pipeline: $server" >&2
  if [ -n "$tests" ] && [ -z "$suite" ]; then
    # Only custom rows: the CSV still needs redis-benchmark's header line.
    taskset -c 1 "$redis_benchmark" "${args[@]}" -n 1 -t ping --csv | head -1 >"$raw/$server-P$pipeline-r$round.csv"
  elif ! taskset -c 1 "$redis_benchmark" "${args[@]}" >"$raw/$server-P$pipeline-r$round.csv"; then
    # Keep the tests that finished; a test the server rejects ends the run early (see the table).
    echo "redis-benchmark against $server stopped early (-P $pipeline, round $round)" >&2
  fi
  for family in evalsha streams hll geo; do
    if [ -z "$tests" ] || [[ ",$tests," == *",$family,"* ]]; then
      "run_$family" "$server" "$port" "$pipeline" "$round"
    fi
  done
}

# The -t list without the names of custom row families: what redis-benchmark's own suite runs.
suite_tests() {
  local name kept=()
  IFS=',' read -ra names <<<"$tests"
  for name in "${names[@]}"; do
    case "$name" in
      evalsha | streams | hll | geo) ;;
      *) kept+=("$name") ;;
    esac
  done
  (IFS=','; echo "${kept[*]}")
}

# One custom row: redis-benchmark runs the given command, and its row joins the suite's in the same CSV under
# the given name. Commands may use __rand_int__ (a random number below 1000000, -r).
custom_row() {
  local server="$1" port="$2" pipeline="$3" round="$4" name="$5"
  shift 5
  if ! taskset -c 1 "$redis_benchmark" -h 127.0.0.1 -p "$port" -c 50 -n "$requests" -P "$pipeline" \
      -r 1000000 --csv "$@" | tail -n +2 | sed "s/^\"[^\"]*\"/\"$name\"/" \
      >>"$raw/$server-P$pipeline-r$round.csv"; then
    echo "redis-benchmark $name against $server failed (-P $pipeline, round $round)" >&2
  fi
}

cli() {
  local port="$1"
  shift
  redis-cli -h 127.0.0.1 -p "$port" "$@"
}

# EVALSHA rows: a script of one redis.call and one of ten, on one existing key, loaded before the run.
one_call="return redis.call('GET', KEYS[1])"
ten_calls="local v for i = 1, 10 do v = redis.call('GET', KEYS[1]) end return v"
run_evalsha() {
  local server="$1" port="$2" pipeline="$3" round="$4"
  cli "$port" set bench:script:key value >/dev/null
  custom_row "$@" "EVALSHA 1 call" EVALSHA "$(cli "$port" script load "$one_call")" 1 bench:script:key
  custom_row "$@" "EVALSHA 10 calls" EVALSHA "$(cli "$port" script load "$ten_calls")" 1 bench:script:key
}

# Stream rows: XADD of a three-field entry with automatic IDs, then XREADGROUP reading those entries back one
# at a time through a consumer group (each read delivers one new entry and adds it to the pending list).
run_streams() {
  local server="$1" port="$2" pipeline="$3" round="$4"
  cli "$port" del bench:stream >/dev/null
  custom_row "$@" "XADD" XADD bench:stream '*' name __rand_int__ kind job attempt 1
  cli "$port" xgroup create bench:stream workers 0 >/dev/null
  custom_row "$@" "XREADGROUP" XREADGROUP GROUP workers consumer COUNT 1 STREAMS bench:stream '>'
}

# HyperLogLog rows: PFADD of random elements into one HLL (it turns dense early), then PFCOUNT of it.
run_hll() {
  local server="$1" port="$2" pipeline="$3" round="$4"
  cli "$port" del bench:hll >/dev/null
  custom_row "$@" "PFADD" PFADD bench:hll element:__rand_int__
  custom_row "$@" "PFCOUNT" PFCOUNT bench:hll
}

# Geo rows: 100,000 random places around one point, then GEOSEARCH for the ten nearest within 2 km.
run_geo() {
  local server="$1" port="$2" pipeline="$3" round="$4"
  if [ "$(cli "$port" zcard bench:geo)" != "100000" ]; then
    python3 -c '
import random
random.seed(7)
for i in range(100000):
    print("GEOADD bench:geo %.6f %.6f place:%d" % (13.0 + random.random(), 38.0 + random.random(), i))
' | cli "$port" --pipe >/dev/null
  fi
  custom_row "$@" "GEOSEARCH" GEOSEARCH bench:geo FROMLONLAT 13.5 38.5 BYRADIUS 2 km ASC COUNT 10
}

for round in $(seq 1 "$rounds"); do
  for pipeline in 1 16; do
    if [ $((round % 2)) -eq 1 ]; then
      run redis "$redis_port" "$pipeline" "$round"
      run nioredis "$nio_port" "$pipeline" "$round"
    else
      run nioredis "$nio_port" "$pipeline" "$round"
      run redis "$redis_port" "$pipeline" "$round"
    fi
  done
done

mkdir -p "$outdir"
python3 "$here/compare-report.py" --raw "$raw" --out "$outdir" \
  --setting "requests per test: $requests" \
  --setting "rounds: $rounds (servers alternate which runs first)" \
  --setting "clients: 50; pipelines: 1 and 16" \
  --setting "tests: ${tests:-redis-benchmark default suite}" \
  --setting "redis: $("$redis_server" --version | head -1)" \
  --setting "nioredis: $("$java" -version 2>&1 | head -1)${JAVA_OPTS:+ with $JAVA_OPTS}" \
  --setting "pinning: servers on CPU 0, redis-benchmark on CPU 1"

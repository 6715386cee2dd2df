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
#   -t  comma-separated redis-benchmark test list (default: its whole default suite, then EVALSHA of a
#       one-call and a ten-call script; name "evalsha" in the list to keep those rows)
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
  if [ -n "$tests" ]; then
    args+=(-t "$tests")
  fi
  echo "round $round, -P $pipeline: $server" >&2
  if ! taskset -c 1 "$redis_benchmark" "${args[@]}" >"$raw/$server-P$pipeline-r$round.csv"; then
    # Keep the tests that finished; a test the server rejects ends the run early (see the table).
    echo "redis-benchmark against $server stopped early (-P $pipeline, round $round)" >&2
  fi
  if [ -z "$tests" ] || [[ ",$tests," == *",evalsha,"* ]]; then
    run_scripts "$server" "$port" "$pipeline" "$round"
  fi
}

# EVALSHA rows: a script of one redis.call and one of ten, on one existing key, loaded before the run; their
# rows join the suite's in the same CSV, named by what the script does.
one_call="return redis.call('GET', KEYS[1])"
ten_calls="local v for i = 1, 10 do v = redis.call('GET', KEYS[1]) end return v"
run_scripts() {
  local server="$1" port="$2" pipeline="$3" round="$4" name body sha
  redis-cli -h 127.0.0.1 -p "$port" set bench:script:key value >/dev/null
  for name in "EVALSHA 1 call" "EVALSHA 10 calls"; do
    body="$one_call"
    [ "$name" = "EVALSHA 10 calls" ] && body="$ten_calls"
    sha="$(redis-cli -h 127.0.0.1 -p "$port" script load "$body")"
    if ! taskset -c 1 "$redis_benchmark" -h 127.0.0.1 -p "$port" -c 50 -n "$requests" -P "$pipeline" --csv \
        EVALSHA "$sha" 1 bench:script:key | tail -n +2 | sed "s/^\"[^\"]*\"/\"$name\"/" \
        >>"$raw/$server-P$pipeline-r$round.csv"; then
      echo "redis-benchmark $name against $server failed (-P $pipeline, round $round)" >&2
    fi
  done
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

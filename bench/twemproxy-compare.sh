#!/usr/bin/env bash
# redis-benchmark through twemproxy (nutcracker) in front of three nioredis servers, against the same with
# three redis-servers behind the same proxy configuration (bench/twemproxy/nutcracker.yml).
#
# The six servers run pinned to CPU 0, each proxy and redis-benchmark to CPU 1. Every round runs the tests
# through both proxies at pipeline depths 1 and 16, alternating which setup goes first; the medians of the
# rounds go into a table of requests per second and the nioredis/Redis ratio (compare-report.py), written
# to bench/results/twemproxy/comparison.{md,csv,svg}. The proxy spreads keys by the servers' names, so
# both setups put the same keys on their first, second and third server.
#
# Before the rounds, one untimed pass through each setup warms the JIT up.
#
# Usage: bench/twemproxy-compare.sh [-n requests] [-r rounds] [-t tests] [-o outdir]
#   -n  requests per test and run (default 100000)
#   -r  rounds (default 3)
#   -t  redis-benchmark tests (default: those twemproxy forwards,
#       set,get,incr,lpush,rpush,lpop,rpop,sadd,hset,spop,zadd,mset)
#   -o  output directory (default bench/results/twemproxy)
# Environment: JAVA_OPTS (JVM flags added to the launcher's). Build nioredis first: mvn -q -DskipTests package
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
requests=100000
rounds=3
tests="set,get,incr,lpush,rpush,lpop,rpop,sadd,hset,spop,zadd,mset"
outdir="$here/results/twemproxy"
while getopts "n:r:t:o:" opt; do
  case "$opt" in
    n) requests="$OPTARG" ;;
    r) rounds="$OPTARG" ;;
    t) tests="$OPTARG" ;;
    o) outdir="$OPTARG" ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done

nutcracker="$(command -v nutcracker || echo /usr/sbin/nutcracker)"
[ -x "$nutcracker" ] || { echo "missing nutcracker: apt-get install nutcracker" >&2; exit 1; }
[ -f "$root/server/target/nioredis-server.jar" ] || {
  echo "missing server/target/nioredis-server.jar: run 'mvn -q -DskipTests package' first" >&2; exit 1; }
for tool in redis-server redis-cli redis-benchmark taskset python3; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_ready() {
  for _ in $(seq 1 200); do
    [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = "PONG" ] && return 0
    sleep 0.05
  done
  echo "nothing answers PING on port $1" >&2
  return 1
}

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Three servers of one kind and a proxy in front of them; sets proxy_port.
start_setup() {
  local kind="$1" ports=() port conf
  for i in 1 2 3; do
    port="$(free_port)"
    if [ "$kind" = redis ]; then
      taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        --loglevel warning >"$work/$kind-$i.log" 2>&1 &
    else
      taskset -c 0 "$root/bin/nioredis-server" --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --loglevel warning >"$work/$kind-$i.log" 2>&1 &
    fi
    pids+=($!)
    ports+=("$port")
  done
  for port in "${ports[@]}"; do wait_ready "$port"; done
  port="$(free_port)"
  conf="$work/$kind-nutcracker.yml"
  sed -e "s/127.0.0.1:22121/127.0.0.1:$port/" -e "s/127.0.0.1:6380:/127.0.0.1:${ports[0]}:/" \
    -e "s/127.0.0.1:6381:/127.0.0.1:${ports[1]}:/" -e "s/127.0.0.1:6382:/127.0.0.1:${ports[2]}:/" \
    "$here/twemproxy/nutcracker.yml" >"$conf"
  taskset -c 1 "$nutcracker" -c "$conf" -s "$(free_port)" -a 127.0.0.1 -o "$work/$kind-nutcracker.log" \
    >/dev/null 2>&1 &
  pids+=($!)
  wait_ready "$port"
  proxy_port="$port"
}

load_before="$(cut -d" " -f1-3 /proc/loadavg)"
start_setup redis
redis_proxy="$proxy_port"
start_setup nioredis
nio_proxy="$proxy_port"

run() {
  local server="$1" port="$2" pipeline="$3" round="$4" out
  out="$work/raw/$server-P$pipeline-r$round.csv"
  echo "round $round, -P $pipeline: $server" >&2
  # FLUSHALL is no command twemproxy forwards: the lists and sets simply carry on from the last run.
  # CONFIG GET is none either, so redis-benchmark warns that it could not read the server's settings.
  taskset -c 1 redis-benchmark -h 127.0.0.1 -p "$port" -c 50 -n "$requests" -r 100000 -P "$pipeline" \
    -t "$tests" -e --csv >"$out" 2>"$work/stderr"
  if grep -q "Error" "$out" "$work/stderr"; then
    echo "errors through the $server proxy:" >&2
    cat "$out" "$work/stderr" >&2
    exit 1
  fi
}

# One untimed pass through each, so the servers' JIT has compiled the request path before the first round.
for port in "$redis_proxy" "$nio_proxy"; do
  taskset -c 1 redis-benchmark -h 127.0.0.1 -p "$port" -c 50 -n 20000 -r 100000 -P 16 -t "$tests" -q \
    >/dev/null 2>&1
done

mkdir -p "$work/raw"
for round in $(seq 1 "$rounds"); do
  for pipeline in 1 16; do
    if [ $((round % 2)) -eq 1 ]; then
      run redis "$redis_proxy" "$pipeline" "$round"
      run nioredis "$nio_proxy" "$pipeline" "$round"
    else
      run nioredis "$nio_proxy" "$pipeline" "$round"
      run redis "$redis_proxy" "$pipeline" "$round"
    fi
  done
done

mkdir -p "$outdir"
python3 "$here/compare-report.py" --raw "$work/raw" --out "$outdir" \
  --setting "through twemproxy ($("$nutcracker" --version 2>&1 | head -1 | sed 's/This is //')) in front of three servers of each kind, bench/twemproxy/nutcracker.yml" \
  --setting "requests per test: $requests; random keys: -r 100000" \
  --setting "rounds: $rounds (setups alternate which runs first)" \
  --setting "clients: 50; pipelines: 1 and 16" \
  --setting "tests: $tests" \
  --setting "redis: $(redis-server --version | head -1)" \
  --setting "nioredis: bin/nioredis-server, $(java -version 2>&1 | head -1)${JAVA_OPTS:+ with $JAVA_OPTS}" \
  --setting "pinning: the six servers on CPU 0, the proxies and redis-benchmark on CPU 1" \
  --setting "load average before the run: $load_before" \
  --setting "date: $(date -u '+%Y-%m-%d %H:%M UTC')"

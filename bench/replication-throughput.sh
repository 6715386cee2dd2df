#!/usr/bin/env bash
# Writes per second a master sustains with two replicas attached: a nioredis master against a redis-server
# master, each with two redis-server replicas; REPLICAS=nioredis gives both masters nioredis replicas, and
# REPLICAS=same gives each master replicas of its own kind (three nioredis against three redis-servers).
#
# Every round starts, for each master kind in turn (alternating which goes first), a fresh master, warms
# it up with an untimed pass (so the JIT has compiled the request path), empties it, attaches the two
# replicas and waits until both are online, then runs redis-benchmark against the master
# (-t set,lpush,incr -r 100000 -P 16, 50 clients). Afterwards the replicas must catch up: the script waits
# until the master's master_repl_offset equals both replicas' acknowledged offsets (INFO replication's
# slaveN:...offset=) and the three DBSIZEs agree, and fails when they do not within 30 s. Servers are
# pinned to CPU 0, redis-benchmark to CPU 1. The medians over the rounds go into
# bench/results/replication-throughput/<REPLICAS>-replicas/comparison.{md,csv,svg} (compare-report.py),
# with the catch-up times below the table.
#
# Usage: bench/replication-throughput.sh [-n requests] [-r rounds] [-o outdir]
#   -n  requests per test and run (default 1000000)
#   -r  rounds (default 3)
#   -o  output directory (default bench/results/replication-throughput/<REPLICAS>-replicas)
# Environment: REPLICAS (redis, nioredis or same; default redis), JAVA_OPTS (JVM flags added to the
# launcher's).
# Build nioredis first: mvn -q -DskipTests package
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
requests=1000000
rounds=3
replicas="${REPLICAS:-redis}"
case "$replicas" in redis | nioredis | same) ;; *) echo "REPLICAS is redis, nioredis or same" >&2; exit 2 ;; esac
outdir="$here/results/replication-throughput/$replicas-replicas"
tests="set,lpush,incr"
while getopts "n:r:o:" opt; do
  case "$opt" in
    n) requests="$OPTARG" ;;
    r) rounds="$OPTARG" ;;
    o) outdir="$OPTARG" ;;
    *) sed -n '2,22p' "$0"; exit 2 ;;
  esac
done

[ -f "$root/server/target/nioredis-server.jar" ] || {
  echo "missing server/target/nioredis-server.jar: run 'mvn -q -DskipTests package' first" >&2; exit 1; }
for tool in redis-server redis-cli redis-benchmark taskset python3; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cli() {
  local port="$1"
  shift
  redis-cli -h 127.0.0.1 -p "$port" "$@"
}

wait_ready() {
  for _ in $(seq 1 200); do
    [ "$(cli "$1" ping 2>/dev/null)" = "PONG" ] && return 0
    sleep 0.05
  done
  echo "nothing answers PING on port $1" >&2
  return 1
}

# One field of INFO replication.
field() {
  cli "$1" info replication | tr -d '\r' | sed -n "s/^$2:\(.*\)$/\1/p"
}

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a server of a kind on a port, in a folder of its own, with any further flags; remembers its pid.
start_server() {
  local kind="$1" port="$2" dir
  shift 2
  dir="$(mktemp -d -p "$work")"
  if [ "$kind" = redis ]; then
    taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
      --daemonize no --loglevel warning "$@" >"$dir/log" 2>&1 &
  else
    taskset -c 0 "$root/bin/nioredis-server" --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
      --dir "$dir" --loglevel warning "$@" >"$dir/log" 2>&1 &
  fi
  pids+=($!)
  server_pid=$!
  wait_ready "$port"
}

stop_server() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# The replicas' acknowledged offsets from the master's INFO, one per line.
acked_offsets() {
  cli "$1" info replication | tr -d '\r' | sed -n 's/^slave[0-9]*:.*,offset=\([0-9]*\),.*$/\1/p'
}

in_sync() {
  local master="$1" offset
  offset="$(field "$master" master_repl_offset)"
  [ "$(acked_offsets "$master" | grep -c "^$offset\$")" = 2 ] || return 1
  [ "$(cli "$2" dbsize)" = "$(cli "$master" dbsize)" ] && [ "$(cli "$3" dbsize)" = "$(cli "$master" dbsize)" ]
}

run() {
  local kind="$1" round="$2" replica_kind="$replicas" master replica1 replica2 pid1 pid2 pid3 start end
  [ "$replicas" = same ] && replica_kind="$kind"
  echo "round $round: $kind master, two $replica_kind replicas" >&2
  master="$(free_port)"
  start_server "$kind" "$master"
  pid1=$server_pid
  taskset -c 1 redis-benchmark -h 127.0.0.1 -p "$master" -c 50 -n 200000 -r 100000 -P 16 -t "$tests" -q \
    >/dev/null 2>&1
  cli "$master" flushall >/dev/null
  replica1="$(free_port)"
  start_server "$replica_kind" "$replica1" --replicaof 127.0.0.1 "$master"
  pid2=$server_pid
  replica2="$(free_port)"
  start_server "$replica_kind" "$replica2" --replicaof 127.0.0.1 "$master"
  pid3=$server_pid
  for _ in $(seq 1 600); do
    [ "$(cli "$master" info replication | tr -d '\r' | grep -c 'state=online')" = 2 ] && break
    sleep 0.05
  done
  [ "$(field "$master" connected_slaves)" = 2 ] || { echo "replicas did not attach to $kind" >&2; exit 1; }

  taskset -c 1 redis-benchmark -h 127.0.0.1 -p "$master" -c 50 -n "$requests" -r 100000 -P 16 -t "$tests" \
    -e --csv >"$work/raw/$kind-P16-r$round.csv" 2>"$work/stderr"
  if grep -q "Error" "$work/raw/$kind-P16-r$round.csv" "$work/stderr"; then
    cat "$work/raw/$kind-P16-r$round.csv" "$work/stderr" >&2
    exit 1
  fi
  [ "$(field "$master" connected_slaves)" = 2 ] || { echo "a replica of $kind dropped under load" >&2; exit 1; }
  start=$(date +%s%N)
  for _ in $(seq 1 3000); do
    in_sync "$master" "$replica1" "$replica2" && break
    sleep 0.01
  done
  end=$(date +%s%N)
  if ! in_sync "$master" "$replica1" "$replica2"; then
    echo "the replicas of $kind did not catch up: master_repl_offset $(field "$master" master_repl_offset)," \
      "acked $(acked_offsets "$master" | tr '\n' ' '), dbsize $(cli "$master" dbsize)" \
      "$(cli "$replica1" dbsize) $(cli "$replica2" dbsize)" >&2
    exit 1
  fi
  echo "| $round | $kind | $(field "$master" master_repl_offset) | $(cli "$master" dbsize) | $(( (end - start) / 1000000 )) |" \
    >>"$work/sync.md"
  stop_server "$pid3"
  stop_server "$pid2"
  stop_server "$pid1"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work/raw"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    run redis "$round"
    run nioredis "$round"
  else
    run nioredis "$round"
    run redis "$round"
  fi
done

mkdir -p "$outdir"
python3 "$here/compare-report.py" --raw "$work/raw" --out "$outdir" \
  --setting "writes on a master with two replicas attached (redis-benchmark against the master); replicas: $replicas" \
  --setting "requests per test: $requests; -r 100000; clients: 50; pipeline: 16; tests: $tests" \
  --setting "rounds: $rounds (master kinds alternate which runs first; a fresh master and replicas each run)" \
  --setting "redis: $(redis-server --version | head -1)" \
  --setting "nioredis: bin/nioredis-server, $(java -version 2>&1 | head -1)${JAVA_OPTS:+ with $JAVA_OPTS}" \
  --setting "pinning: master and replicas on CPU 0, redis-benchmark on CPU 1" \
  --setting "load average before the run: $load_before" \
  --setting "date: $(date -u '+%Y-%m-%d %H:%M UTC')" >/dev/null
{
  echo
  echo "After each run both replicas had acknowledged the master's whole stream (master_repl_offset equal to"
  echo "each slaveN offset) and held as many keys as the master; catch-up is the time from the benchmark's end"
  echo "until then (the replicas acknowledge once a second)."
  echo
  echo "| round | master | master_repl_offset | keys | catch-up ms |"
  echo "| ---: | --- | ---: | ---: | ---: |"
  cat "$work/sync.md"
} >>"$outdir/comparison.md"
cat "$outdir/comparison.md"

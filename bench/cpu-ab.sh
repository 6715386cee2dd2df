#!/usr/bin/env bash
# The server's CPU time per request under one redis-benchmark command, two servers side by side (issue 16):
# both up at once on CPU 0, each warmed up with one untimed run, then timed runs alternating between them
# (which one goes first alternates too).
# Prints each round's pair and, at the end, both medians and the median of the rounds' ratios (B over A).
# On a shared machine one server's CPU per request moves by a third between runs minutes apart; the ratio
# within a round moves far less. For an A/B of one change (two checkouts) or one command against Redis.
#
#   bench/cpu-ab.sh [-r ROUNDS] [-n REQUESTS] [--port P] [--setup 'CLI ARGS'] A B -- BENCHMARK ARGS
#
#   -r ROUNDS       timed runs per server (default 12)
#   -n REQUESTS     requests per run (default 300000)
#   --setup ARGS    a redis-cli command for both servers before the warm-up, e.g. 'set k v'; repeatable
#   A, B            redis, launcher, NAME=FLAGS or the path of another checkout, as bench/fill-stall.sh
#   BENCHMARK ARGS  what redis-benchmark runs besides -p, -n and -q, e.g. -c 50 -P 16 -t get
#
# Example, EVALSHA of a ten-call script against Redis:
#   bench/cpu-ab.sh --setup 'set k v' --setup "script load \"$ten\"" redis launcher -- -c 50 -P 16 \
#       EVALSHA "$(printf %s "$ten" | sha1sum | cut -c1-40)" 1 k
# redis-benchmark runs on CPU 1. Needs a build (mvn -q -DskipTests package), redis-server, redis-cli,
# redis-benchmark, python3 and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=12
requests=300000
port=7166
setup=()
servers=()
while [ $# -gt 0 ]; do
    case "$1" in
        -r) rounds=$2; shift 2 ;;
        -n) requests=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --setup) setup+=("$2"); shift 2 ;;
        --) shift; break ;;
        -*) sed -n '9,16p' "$0" >&2; exit 1 ;;
        *) servers+=("$1"); shift ;;
    esac
done
[ ${#servers[@]} -eq 2 ] && [ $# -gt 0 ] || { sed -n '9,16p' "$0" >&2; exit 1; }
JAR=server/target/nioredis-server.jar
. bench/lib.sh
root=$(mktemp -d)
pids=()
ports=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait; rm -rf "$root"' EXIT

# Each server gets its own port and directory; start_server works on $port, $work and $server_pid.
for i in 0 1; do
    work=$root/$i
    mkdir -p "$work"
    start_server "${servers[$i]}"
    pids+=("$server_pid")
    ports+=("$port")
    port=$((port + 1))
done

# CPU time of every thread of the process so far, in ns (the first field of each thread's schedstat).
cpu_ns() {
    cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s }'
}

for i in 0 1; do
    for command in "${setup[@]}"; do
        eval "redis-cli -p ${ports[$i]} $command" >/dev/null
    done
    taskset -c 1 redis-benchmark -p "${ports[$i]}" -n "$requests" -q "$@" >/dev/null
done

echo "# cpu-ab, $(date -u +%FT%TZ): A=${servers[0]} B=${servers[1]}, $rounds rounds of $requests requests:" \
    "redis-benchmark $*"
echo "| round | A ns/request | B ns/request | B/A |"
echo "| ---: | ---: | ---: | ---: |"
results=$root/results
for round in $(seq 1 "$rounds"); do
    row=()
    order="0 1"
    [ $((round % 2)) -eq 1 ] || order="1 0" # which server runs first alternates
    for i in $order; do
        before=$(cpu_ns "${pids[$i]}")
        taskset -c 1 redis-benchmark -p "${ports[$i]}" -n "$requests" -q "$@" >/dev/null
        after=$(cpu_ns "${pids[$i]}")
        row[$i]=$(( (after - before) / requests ))
    done
    echo "${row[0]} ${row[1]}" >> "$results"
    echo "| $round | ${row[0]} | ${row[1]} | $(awk -v a="${row[0]}" -v b="${row[1]}" 'BEGIN { printf "%.3f", b / a }') |"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [list(map(int, line.split())) for line in open(sys.argv[1])]
a = [r[0] for r in rows]
b = [r[1] for r in rows]
print()
print("medians: A %d ns, B %d ns per request; median of the rounds' B/A %.3f" % (
    statistics.median(a), statistics.median(b), statistics.median(y / x for x, y in zip(a, b))))
PY

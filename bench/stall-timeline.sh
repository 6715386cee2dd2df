#!/usr/bin/env bash
# What a client's longest stalls during a BGSAVE under writes belong to (issue 13), for Redis and nioredis
# side by side: each server is filled with N keys, then runs two passes on the same data, "cold" right
# after the fill and "warm" after it: W random SETs at -P 16 (redis-benchmark -t set -r N -d 10) with a
# BGSAVE one second in, while bench/stall_probe.py PINGs back to back and logs every round trip over 5 ms
# with its time. Per pass it prints the writes' rate, the longest stall, and the longest stall before the
# BGSAVE, while it runs and after it. A fresh JVM's cold pass also pays for compiling the new paths; the
# warm pass shows what a snapshot costs a server that has run the load before.
#
#   bench/stall-timeline.sh [-n KEYS] [-w WRITES] [-r ROUNDS] [--port P] [SERVER ...]
#
#   -n KEYS     keys filled (default 1000000): SET key:<12-digit i> abc over redis-cli --pipe
#   -w WRITES   writes per pass (default 5000000)
#   -r ROUNDS   rounds, each running every server in turn (default 1)
#   SERVER      redis, launcher (bin/nioredis-server as it is), NAME=FLAGS (java FLAGS -jar the jar) or
#               another checkout's path (its launcher); default: redis launcher
#
# Servers run on CPU 0; the fill, the load and the probe on CPU 1. Needs a build (mvn -q -DskipTests
# package), redis-server, redis-cli, redis-benchmark, python3 and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."

keys=1000000
writes=5000000
rounds=1
port=7155
servers=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) keys=$2; shift 2 ;;
        -w) writes=$2; shift 2 ;;
        -r) rounds=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        -*) sed -n '10,16p' "$0" >&2; exit 1 ;;
        *) servers+=("$1"); shift ;;
    esac
done
[ ${#servers[@]} -gt 0 ] || servers=(redis launcher)
JAR=server/target/nioredis-server.jar
[ -f "$JAR" ] || { echo "$JAR is missing: run mvn -q -DskipTests package first" >&2; exit 1; }
work=$(mktemp -d)
. bench/lib.sh
trap 'stop_server_and_probe; rm -rf "$work"' EXIT

saving() { redis-cli -p "$port" info persistence | grep -q '^rdb_bgsave_in_progress:1'; }

pass() { # server round pass
    local events=$work/events stalls=$work/stalls bench
    rm -f "$work/ready" "$stalls"
    taskset -c 1 python3 bench/stall_probe.py "$port" "$work/ready" "$stalls" > "$work/probe" &
    probe_pid=$!
    until [ -f "$work/ready" ]; do sleep 0.05; done
    echo "start $(date +%s.%N)" > "$events"
    (
        sleep 1
        echo "bgsave $(date +%s.%N)" >> "$events"
        redis-cli -p "$port" bgsave >/dev/null
        sleep 0.05
        while saving; do sleep 0.05; done
        echo "saved $(date +%s.%N)" >> "$events"
    ) &
    local saver=$!
    bench=$(taskset -c 1 redis-benchmark -p "$port" -t set -r "$keys" -n "$writes" -P 16 -d 10 --csv | tail -1 | tr -d '"')
    wait "$saver"
    kill "$probe_pid"
    wait "$probe_pid" || true
    probe_pid=""
    echo "end $(date +%s.%N)" >> "$events"
    python3 - "$events" "$stalls" "$1" "$2" "$3" "$(echo "$bench" | cut -d, -f2)" <<'PY'
import sys
events = dict(line.split() for line in open(sys.argv[1]))
try:
    stalls = [tuple(map(float, line.split())) for line in open(sys.argv[2])]
except FileNotFoundError:
    stalls = []
start, bgsave, saved, end = (float(events[k]) for k in ("start", "bgsave", "saved", "end"))
def worst(a, b):
    window = [ms for at, ms in stalls if a <= at < b]
    return "%.1f" % max(window) if window else "< 5"
print("| %s | %s | %s | %.0f | %s | %s | %s | %s | %.1f |" % (
    sys.argv[4], sys.argv[3], sys.argv[5], float(sys.argv[6]), worst(start, end), worst(start, bgsave),
    worst(bgsave, saved), worst(saved, end), saved - bgsave))
PY
}

echo "# stall timeline, $(date -u +%FT%TZ), $keys keys, $writes writes of 10 bytes per pass (-P 16), BGSAVE 1 s into each pass"
echo "# $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3), $(nproc) CPUs"
echo
echo "| round | server | pass | writes/s | longest stall ms | before BGSAVE | during BGSAVE | after BGSAVE | BGSAVE s |"
echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
    for s in "${servers[@]}"; do
        start_server "$s"
        taskset -c 1 awk -v n="$keys" 'BEGIN { for (i = 0; i < n; i++) printf "SET key:%012d abc\r\n", i }' \
            | taskset -c 1 redis-cli -p "$port" --pipe >/dev/null
        sleep 2
        pass "${s%%=*}" "$round" cold
        pass "${s%%=*}" "$round" warm
        stop_server_and_probe
    done
done
echo
echo "Stalls are round trips of one PING client; \"< 5\": none over 5 ms in that window."

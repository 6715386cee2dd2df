#!/usr/bin/env bash
# The longest stall a client sees while a fresh server is filled (issue 16): for each server in turn, a new
# process on CPU 0, a PING client (bench/stall_probe.py) connected, then N keys written over
# `redis-cli --pipe` (SET key:<12-digit i> abc, in RESP), as a user loads a data set. Prints per run the
# fill's time, the longest PING round trip and the 99.9th percentile. A fresh JVM's fill includes compiling
# the SET path and the first touches of the heap's memory, which is why each run starts a new server.
#
#   bench/fill-stall.sh [-n KEYS] [-r ROUNDS] [--port P] [SERVER ...]
#
#   -n KEYS     keys filled (default 1000000)
#   -r ROUNDS   rounds, each running every server in turn (default 3)
#   SERVER      redis, launcher (this checkout's bin/nioredis-server), NAME=FLAGS (java FLAGS -jar the jar),
#               or the path of another checkout with a build, whose launcher runs (to compare two builds);
#               default: redis launcher
#
# The fill and the probe run on CPU 1. Needs a build (mvn -q -DskipTests package), redis-server,
# redis-cli, python3 and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."

keys=1000000
rounds=3
port=7156
servers=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) keys=$2; shift 2 ;;
        -r) rounds=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        -*) sed -n '8,14p' "$0" >&2; exit 1 ;;
        *) servers+=("$1"); shift ;;
    esac
done
[ ${#servers[@]} -gt 0 ] || servers=(redis launcher)
JAR=server/target/nioredis-server.jar
work=$(mktemp -d)
. bench/lib.sh
trap 'stop_server_and_probe; rm -rf "$work"' EXIT

echo "# fill stall, $(date -u +%FT%TZ), $keys keys over redis-cli --pipe into a fresh server"
echo "# $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3), $(nproc) CPUs"
echo
echo "| round | server | fill s | longest stall ms | p99.9 ms |"
echo "| ---: | --- | ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
    for s in "${servers[@]}"; do
        start_server "$s"
        rm -f "$work/ready"
        taskset -c 1 python3 bench/stall_probe.py "$port" "$work/ready" > "$work/probe" &
        probe_pid=$!
        until [ -f "$work/ready" ]; do sleep 0.05; done
        began=$(date +%s.%N)
        taskset -c 1 awk -v n="$keys" \
            'BEGIN { for (i = 0; i < n; i++) printf "*3\r\n$3\r\nSET\r\n$16\r\nkey:%012d\r\n$3\r\nabc\r\n", i }' \
            | taskset -c 1 redis-cli -p "$port" --pipe >/dev/null
        ended=$(date +%s.%N)
        kill -INT "$probe_pid"
        wait "$probe_pid" || true
        probe_pid=""
        read -r max p999 _ < <(sed 's/[a-z0-9_]*=//g' "$work/probe")
        printf '| %s | %s | %.2f | %s | %s |\n' "$round" "$s" "$(echo "$ended - $began" | bc)" "$max" "$p999"
        stop_server_and_probe
    done
done

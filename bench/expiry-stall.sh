#!/usr/bin/env bash
# The longest stall a client sees while a server reclaims many keys that expire at the same moment (issue 16):
# for each server in turn, a new process on CPU 0 is filled with N keys (SET key:<12-digit i> abc PXAT T,
# over `redis-cli --pipe`, all with the same deadline T a few seconds after the fill), then a PING client
# (bench/stall_probe.py) runs from before T until the server's DBSIZE is 0, which takes its active expiry.
# Prints per run the time from T until every key was gone (DBSIZE polled every ~50 ms), the longest PING
# round trip, the 99.9th percentile and the number of probes.
#
#   bench/expiry-stall.sh [-n KEYS] [-r ROUNDS] [--lead SECONDS] [--port P] [SERVER ...]
#
#   -n KEYS         keys filled (default 1000000)
#   -r ROUNDS       rounds, each running every server in turn (default 3)
#   --lead SECONDS  T is this long after the fill began (default 20); the run is refused if the fill ends
#                   less than 2 s before T
#   SERVER          as bench/fill-stall.sh: redis, launcher, NAME=FLAGS or another checkout's path
#                   (default: redis launcher)
#
# The fill, the probe and the DBSIZE polls run on CPU 1. Needs a build (mvn -q -DskipTests package),
# redis-server, redis-cli, python3 and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."

keys=1000000
rounds=3
lead=20
port=7158
servers=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) keys=$2; shift 2 ;;
        -r) rounds=$2; shift 2 ;;
        --lead) lead=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        -*) sed -n '9,16p' "$0" >&2; exit 1 ;;
        *) servers+=("$1"); shift ;;
    esac
done
[ ${#servers[@]} -gt 0 ] || servers=(redis launcher)
JAR=server/target/nioredis-server.jar
work=$(mktemp -d)
. bench/lib.sh
trap 'stop_server_and_probe; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

echo "# expiry stall, $(date -u +%FT%TZ), $keys keys expiring at the same millisecond"
echo "# $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3), $(nproc) CPUs"
echo
echo "| round | server | all gone after s | longest stall ms | p99.9 ms | probes |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
    for s in "${servers[@]}"; do
        start_server "$s"
        deadline=$(( $(now_ms) + lead * 1000 ))
        taskset -c 1 awk -v n="$keys" -v t="$deadline" 'BEGIN {
            for (i = 0; i < n; i++)
                printf "*5\r\n$3\r\nSET\r\n$16\r\nkey:%012d\r\n$3\r\nabc\r\n$4\r\nPXAT\r\n$%d\r\n%s\r\n", i, length(t), t
        }' | taskset -c 1 redis-cli -p "$port" --pipe >/dev/null
        if [ $(( deadline - $(now_ms) )) -lt 2000 ]; then
            echo "the fill ended less than 2 s before the deadline: raise --lead" >&2
            exit 1
        fi
        filled=$(redis-cli -p "$port" dbsize)
        [ "$filled" -eq "$keys" ] || { echo "$s holds $filled keys after the fill, not $keys" >&2; exit 1; }
        sleep "$(echo "($deadline - $(now_ms) - 1000) / 1000" | bc -l)"
        rm -f "$work/ready"
        taskset -c 1 python3 bench/stall_probe.py "$port" "$work/ready" > "$work/probe" &
        probe_pid=$!
        until [ -f "$work/ready" ]; do sleep 0.05; done
        gone=""
        for _ in $(seq 1 1200); do
            if [ "$(taskset -c 1 redis-cli -p "$port" dbsize)" -eq 0 ]; then gone=$(now_ms); break; fi
            sleep 0.05
        done
        kill -INT "$probe_pid"
        wait "$probe_pid" || true
        probe_pid=""
        read -r max p999 probes < <(sed 's/[a-z0-9_]*=//g' "$work/probe")
        if [ -n "$gone" ]; then after=$(printf '%.2f' "$(echo "($gone - $deadline) / 1000" | bc -l)"); else after="> 60"; fi
        printf '| %s | %s | %s | %s | %s | %s |\n' "$round" "$s" "$after" "$max" "$p999" "$probes"
        stop_server_and_probe
    done
done

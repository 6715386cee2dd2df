#!/bin/sh
# How long one client's pipeline of slow commands holds up the others: a client pipelines LRANGEs of a
# 10,000-element list, 200 at a time (redis-benchmark -c 1 -P 200), while bench/stall_probe.py sends PING
# back to back on a connection of its own and reports the longest round trip. Redis runs a whole read's
# requests before serving anyone else; nioredis stops after 1 ms of them and comes back (EventLoop).
#   bench/pipeline-fairness.sh [requests] [port]
# ONLY=nioredis or ONLY=redis measures one server. Servers run on core 0, the client and the probe on core 1.
# Build first: mvn -q -DskipTests package.
set -eu
cd "$(dirname "$0")/.."
requests=${1:-40000}
port=${2:-7347}

run() {
    name=$1
    shift
    work=$(mktemp -d)
    taskset -c 0 "$@" --port "$port" --bind 127.0.0.1 --save '' --dir "$work" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do
        redis-cli -p "$port" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    seq 1 10000 | awk '{ printf "RPUSH biglist element-%d\n", $1 }' | redis-cli -p "$port" >/dev/null
    # untimed first: a fresh JVM compiles LRANGE here
    taskset -c 1 redis-benchmark -p "$port" -c 1 -P 200 -n 20000 lrange biglist 0 -1 >/dev/null 2>&1
    taskset -c 1 python3 bench/stall_probe.py "$port" "$work/ready" >"$work/probe" &
    probe=$!
    while [ ! -f "$work/ready" ]; do sleep 0.05; done
    rate=$(taskset -c 1 redis-benchmark -p "$port" -c 1 -P 200 -n "$requests" lrange biglist 0 -1 2>&1 \
        | grep -a "throughput summary" | sed 's/.*summary: //')
    kill -INT "$probe"
    wait "$probe" || true
    echo "$name: $(cat "$work/probe"), LRANGE $rate"
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}

[ "${ONLY:-redis}" = redis ] && run redis-server redis-server
[ "${ONLY:-nioredis}" = nioredis ] && run nioredis bin/nioredis-server
exit 0

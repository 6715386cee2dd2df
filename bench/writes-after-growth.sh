#!/usr/bin/env bash
# Random writes right after a keyspace has grown: fills N keys (default 10M), then runs
# `redis-benchmark -t set -r N -n 1000000 -P 16 -d 10 -c 50` RUNS times in a row (default 3), printing the
# server's CPU time (utime+stime from /proc) and requests/s of each run. A keyspace that has just doubled its
# bucket table is still rehashing, one bucket per command as in Redis, so the first runs carry that work.
#   bench/writes-after-growth.sh [keys] [port]
# ONLY=nioredis or ONLY=redis runs one server. NIOREDIS_SERVER names another launcher (e.g. an older build's
# bin/nioredis-server, to compare builds). Servers run on core 0, the fill and redis-benchmark on core 1.
# Build first: mvn -q -DskipTests package.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
keys=${1:-10000000}
port=${2:-7211}
runs=${RUNS:-3}
launcher=${NIOREDIS_SERVER:-bin/nioredis-server}
trap stop_server_and_probe EXIT

cpu_ms() { # pid: utime+stime in ms
    local stat
    stat=$(cat "/proc/$1/stat")
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    echo $(((${12} + ${13}) * 1000 / $(getconf CLK_TCK)))
}

measure() { # name
    taskset -c 1 awk -v n="$keys" 'BEGIN { for (i = 0; i < n; i++) { k = sprintf("key:%012d", i)
        printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$3\r\nabc\r\n", length(k), k } }' \
        | taskset -c 1 redis-cli -p "$port" --pipe >/dev/null
    for run in $(seq 1 "$runs"); do
        local before after rps
        before=$(cpu_ms "$server_pid")
        rps=$(taskset -c 1 redis-benchmark -p "$port" -t set -r "$keys" -n 1000000 -P 16 -d 10 -c 50 -q \
            | tr '\r' '\n' | awk '/requests per second/ { print $2 }' | tail -1)
        after=$(cpu_ms "$server_pid")
        echo "$1 run $run: server CPU $((after - before)) ms, $rps requests/s"
    done
    stop_server_and_probe
}

if [ "${ONLY:-redis}" = redis ]; then
    taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        --loglevel warning &
    server_pid=$!
    wait_ready "$port" redis-server
    measure redis
fi
if [ "${ONLY:-nioredis}" = nioredis ]; then
    taskset -c 0 "$launcher" --port "$port" --bind 127.0.0.1 --save '' --loglevel warning >/dev/null &
    server_pid=$!
    wait_ready "$port" nioredis
    measure nioredis
fi

#!/bin/sh
# Full synchronisation of N keys (default 1M): a redis-server replica of a Redis master, then of a nioredis
# master, each timed from the replica's start until INFO says master_link_status:up (snapshot, transfer and
# load). Then, on each master, bench/bgsave_probe.py with a writer running: the longest stall a client sees
# on the master while a replica full-syncs (diskless, the 7.0 default). Both masters run with
# repl-diskless-sync-delay 0, so the timing is the sync's own. Masters on core 0, replica and probe on core 1.
#   bench/replication-full-sync.sh [keys] [rounds]
# MASTER_PORT and REPLICA_PORT choose the ports (default 7401, 7402). ONLY=redis or ONLY=nioredis measures one.
# Build first: mvn -q -DskipTests package.
set -eu
cd "$(dirname "$0")/.."
keys=${1:-1000000}
rounds=${2:-2}
master=${MASTER_PORT:-7401}
replica=${REPLICA_PORT:-7402}
work=$(mktemp -d)
trap 'redis-cli -p $replica shutdown nosave >/dev/null 2>&1 || true; redis-cli -p $master shutdown nosave >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

fill() {
    taskset -c 1 awk -v n="$keys" 'BEGIN { for (i = 0; i < n; i++) { k = "key:" i; v = "value-" i
        printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v } }' \
        | taskset -c 1 redis-cli -p "$master" --pipe >/dev/null
}

wait_ready() {
    for _ in $(seq 1 200); do
        redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "server on $1 did not start" >&2
    exit 1
}

sync_once() {
    dir=$(mktemp -d -p "$work")
    start=$(date +%s%N)
    taskset -c 1 redis-server --port "$replica" --bind 127.0.0.1 --save '' --dir "$dir" \
        --replicaof 127.0.0.1 "$master" --daemonize yes --logfile "$dir/log"
    until redis-cli -p "$replica" info replication 2>/dev/null | grep -q "master_link_status:up"; do
        sleep 0.01
    done
    end=$(date +%s%N)
    echo "$1: full sync of $(redis-cli -p "$replica" dbsize) keys in $(( (end - start) / 1000000 )) ms"
    redis-cli -p "$replica" shutdown nosave >/dev/null
}

# The longest stall on the master (PID $2) while a replica syncs, with a writer running.
probe() {
    dir=$(mktemp -d -p "$work")
    taskset -c 1 redis-server --port "$replica" --bind 127.0.0.1 --save '' --dir "$dir" --daemonize yes \
        --logfile "$dir/log"
    wait_ready "$replica"
    echo "$1, stall probe:"
    taskset -c 1 python3 bench/bgsave_probe.py "$master" "$2" "$replica"
    redis-cli -p "$replica" shutdown nosave >/dev/null
}

if [ "${ONLY:-redis}" = redis ]; then
taskset -c 0 redis-server --port "$master" --bind 127.0.0.1 --save '' --repl-diskless-sync-delay 0 --dir "$work" \
    --daemonize no --logfile "$work/master.log" &
pid=$!
wait_ready "$master"
fill
for _ in $(seq 1 "$rounds"); do sync_once redis-server; done
probe redis-server "$pid"
redis-cli -p "$master" shutdown nosave >/dev/null
wait "$pid" 2>/dev/null || true
fi
[ "${ONLY:-nioredis}" = nioredis ] || exit 0

taskset -c 0 bin/nioredis-server --port "$master" --bind 127.0.0.1 --save '' --repl-diskless-sync-delay 0 \
    --dir "$work" --loglevel warning >/dev/null 2>&1 &
pid=$!
wait_ready "$master"
fill
for _ in $(seq 1 "$rounds"); do sync_once nioredis; done
probe nioredis "$pid"
redis-cli -p "$master" shutdown nosave >/dev/null 2>&1 || true
wait "$pid" 2>/dev/null || true

#!/usr/bin/env bash
# Bytes per list element of nioredis against Redis: for each case (one list of N 10-byte strings, one list
# of N small integers, N/100 lists of 100 10-byte strings) loads a fresh server of each kind and prints the
# RSS and used_memory growth per element (ListMemory).
#
#   bench/list-memory.sh [N]          default: 1000000 (the "lists" case uses N/10: 1000 lists of 100)
#
# Needs a build (mvn -DskipTests package), redis-server and jcmd on the PATH. Environment as
# bench/memory-per-key.sh: NIOREDIS_PORT, REDIS_PORT, NIOREDIS_JAVA_OPTS, SERVER_CPU, LOAD_CPU.
set -euo pipefail
cd "$(dirname "$0")/.."

NIOREDIS_PORT=${NIOREDIS_PORT:-7400}
REDIS_PORT=${REDIS_PORT:-7401}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
# The flags bench/memory-per-key.sh recommends (see bench/README.md).
NIOREDIS_JAVA_OPTS=${NIOREDIS_JAVA_OPTS:-"-XX:+UseSerialGC -Xms8m -Xmn8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -Xss256k"}
JAR=server/target/nioredis-server.jar
BENCH=bench/target/benchmarks.jar
N=${1:-1000000}

server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    server_pid=
}
trap cleanup EXIT

refuse_taken() { # a server already answering there is someone else's: measuring it would be wrong
    if redis-cli -p "$1" ping >/dev/null 2>&1; then echo "port $1 is in use" >&2; exit 1; fi
}

wait_for() {
    for _ in $(seq 1 100); do
        if redis-cli -p "$1" ping >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2
    exit 1
}

measure() { # name port pid case elements jvm
    taskset -c "$LOAD_CPU" java -cp "$BENCH" io.nioredis.bench.ListMemory "$@"
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3)"
echo "# nioredis JVM flags: $NIOREDIS_JAVA_OPTS"
for kind in strings integers lists; do
    n=$N
    if [ "$kind" = lists ]; then n=$((N / 10)); fi
    refuse_taken "$NIOREDIS_PORT"
    refuse_taken "$REDIS_PORT"
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CPU" java $NIOREDIS_JAVA_OPTS -jar "$JAR" --port "$NIOREDIS_PORT" --bind 127.0.0.1 --save "" \
        >/dev/null 2>&1 &
    server_pid=$!
    wait_for "$NIOREDIS_PORT"
    measure nioredis "$NIOREDIS_PORT" "$server_pid" "$kind" "$n" true
    cleanup

    taskset -c "$SERVER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize no >/dev/null 2>&1 &
    server_pid=$!
    wait_for "$REDIS_PORT"
    measure redis "$REDIS_PORT" "$server_pid" "$kind" "$n" false
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    cleanup
done

#!/usr/bin/env bash
# Bytes per key of nioredis against Redis: loads N keys key:<i> with a 3-byte value, without and with a
# TTL, into a fresh server of each kind and prints the RSS and used_memory growth per key (MemoryPerKey).
#
#   bench/memory-per-key.sh [N ...]          default: 1000000 10000000
#
# Needs a build (mvn -DskipTests package), redis-server and jcmd on the PATH. Environment:
#   NIOREDIS_PORT, REDIS_PORT   ports on 127.0.0.1 (default 7400, 7401)
#   NIOREDIS_JAVA_OPTS          JVM flags of the nioredis server (default: the recommended ones below);
#                               "launcher" runs bin/nioredis-server instead, with its own flags and archive
#   SERVER_CPU, LOAD_CPU        CPUs to pin the server and the loader to (default 0 and 1)
set -euo pipefail
cd "$(dirname "$0")/.."

NIOREDIS_PORT=${NIOREDIS_PORT:-7400}
REDIS_PORT=${REDIS_PORT:-7401}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
# The JVM flags the measurement recommends (see bench/README.md): Serial GC has no remembered sets or
# marking bitmaps beside the heap and returns memory after a full GC; a small -Xms lets the heap shrink to
# the live data, the free ratios keep the committed heap within about 10% of it, and a small young
# generation keeps eden, which is touched and so resident, from costing tens of MB.
NIOREDIS_JAVA_OPTS=${NIOREDIS_JAVA_OPTS:-"-XX:+UseSerialGC -Xms8m -Xmn8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -Xss256k"}
JAR=server/target/nioredis-server.jar
BENCH=bench/target/benchmarks.jar
if [ $# -eq 0 ]; then set -- 1000000 10000000; fi

server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    server_pid=
}
trap cleanup EXIT

wait_for() {
    for _ in $(seq 1 100); do
        if redis-cli -p "$1" ping >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2
    exit 1
}

measure() { # name port pid keys ttl jvm
    taskset -c "$LOAD_CPU" java -cp "$BENCH" io.nioredis.bench.MemoryPerKey "$@"
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3)"
echo "# nioredis JVM flags: $NIOREDIS_JAVA_OPTS"
for n in "$@"; do
    for ttl in false true; do
        if [ "$NIOREDIS_JAVA_OPTS" = launcher ]; then
            # taskset and the launcher both exec, so $! is the JVM's pid (for jcmd and /proc)
            taskset -c "$SERVER_CPU" bin/nioredis-server --port "$NIOREDIS_PORT" --bind 127.0.0.1 --save "" \
                >/dev/null 2>&1 &
        else
            # shellcheck disable=SC2086
            taskset -c "$SERVER_CPU" java $NIOREDIS_JAVA_OPTS -jar "$JAR" --port "$NIOREDIS_PORT" --bind 127.0.0.1 \
                --save "" >/dev/null 2>&1 &
        fi
        server_pid=$!
        wait_for "$NIOREDIS_PORT"
        measure nioredis "$NIOREDIS_PORT" "$server_pid" "$n" "$ttl" true
        cleanup

        taskset -c "$SERVER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
            --daemonize no >/dev/null 2>&1 &
        server_pid=$!
        wait_for "$REDIS_PORT"
        measure redis "$REDIS_PORT" "$server_pid" "$n" "$ttl" false
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
        cleanup
    done
done

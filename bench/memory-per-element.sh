#!/usr/bin/env bash
# Bytes per element of hashes, sets and sorted sets of 100 small elements, nioredis against Redis: for each
# type loads N keys into a fresh server of each kind and prints the RSS and used_memory growth per element
# and the first key's OBJECT ENCODING (MemoryPerElement), then nioredis's RSS per element over Redis's.
#
#   bench/memory-per-element.sh [N]          default: 100000 keys (10M elements per type)
#
# nioredis runs through the launcher (bin/nioredis-server, its own JVM flags and archive) unless
# NIOREDIS_JAVA_OPTS is set, which runs the jar with exactly those flags. Needs a build
# (mvn -DskipTests package), redis-server and jcmd on the PATH. Environment as bench/memory-per-key.sh:
# NIOREDIS_PORT, REDIS_PORT (default 7400, 7401), SERVER_CPU, LOAD_CPU (default 0 and 1); TYPES (default
# "hash set zset").
set -euo pipefail
cd "$(dirname "$0")/.."

NIOREDIS_PORT=${NIOREDIS_PORT:-7400}
REDIS_PORT=${REDIS_PORT:-7401}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
TYPES=${TYPES:-"hash set zset"}
JAR=server/target/nioredis-server.jar
BENCH=bench/target/benchmarks.jar
N=${1:-100000}

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

measure() { # name port pid type keys jvm
    taskset -c "$LOAD_CPU" java -cp "$BENCH" io.nioredis.bench.MemoryPerElement "$@"
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3)"
echo "# nioredis: ${NIOREDIS_JAVA_OPTS:-the launcher, bin/nioredis-server}"
for type in $TYPES; do
    refuse_taken "$NIOREDIS_PORT"
    refuse_taken "$REDIS_PORT"
    if [ -n "${NIOREDIS_JAVA_OPTS:-}" ]; then
        # shellcheck disable=SC2086
        taskset -c "$SERVER_CPU" java $NIOREDIS_JAVA_OPTS -jar "$JAR" --port "$NIOREDIS_PORT" --bind 127.0.0.1 \
            --save "" >/dev/null 2>&1 &
    else
        # taskset and the launcher both exec, so $! is the JVM's pid (for jcmd and /proc)
        taskset -c "$SERVER_CPU" bin/nioredis-server --port "$NIOREDIS_PORT" --bind 127.0.0.1 --save "" \
            >/dev/null 2>&1 &
    fi
    server_pid=$!
    wait_for "$NIOREDIS_PORT"
    ours=$(measure nioredis "$NIOREDIS_PORT" "$server_pid" "$type" "$N" true)
    echo "$ours"
    cleanup

    taskset -c "$SERVER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize no >/dev/null 2>&1 &
    server_pid=$!
    wait_for "$REDIS_PORT"
    theirs=$(measure redis "$REDIS_PORT" "$server_pid" "$type" "$N" false)
    echo "$theirs"
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    cleanup

    field() { echo "$1" | sed -n "s/.* $2=\([^ ]*\).*/\1/p"; }
    if [ "$(field "$ours" encoding)" != "$(field "$theirs" encoding)" ]; then
        echo "WARNING: $type encodings differ: nioredis $(field "$ours" encoding), Redis $(field "$theirs" encoding)"
    fi
    awk -v t="$type" -v a="$(field "$ours" rss_per_element)" -v b="$(field "$theirs" rss_per_element)" \
        -v c="$(field "$ours" used_per_element)" -v d="$(field "$theirs" used_per_element)" \
        'BEGIN { printf "ratio    %-4s rss %.2fx used_memory %.2fx (issue 16 aim: rss <= 0.8x)\n", t, a / b, c / d }'
done

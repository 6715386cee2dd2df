#!/bin/sh
# BGSAVE side by side: nioredis and redis-server, each filled with the same N keys (default 1M), each
# measured by bench/bgsave_probe.py with a writer running (longest stall, snapshot time, extra memory).
#   bench/bgsave-stall.sh [keys] [port]
# NIOREDIS_JAVA_OPTS, when set, runs the jar with exactly those JVM flags instead of the launcher.
# ONLY=nioredis or ONLY=redis measures one server. Servers run on core 0, the probe on core 1.
# WARMUP=N runs N untimed BGSAVEs after the fill, one after the other, before the measured one: a fresh JVM
# otherwise compiles the snapshot's code during the measured save, on the server's core.
# Build first: mvn -q -DskipTests package.
set -eu
cd "$(dirname "$0")/.."
keys=${1:-1000000}
port=${2:-7209}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fill() {
    taskset -c 1 awk -v n="$keys" 'BEGIN { for (i = 0; i < n; i++) {
        k = "key:" i; v = "value-" i
        printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v } }' \
        | taskset -c 1 redis-cli -p "$port" --pipe >/dev/null
}

warm_up() {
    for _ in $(seq 1 "${WARMUP:-0}"); do
        redis-cli -p "$port" bgsave >/dev/null
        while redis-cli -p "$port" info persistence | grep -q "rdb_bgsave_in_progress:1"; do sleep 0.1; done
    done
}

wait_ready() {
    for _ in $(seq 1 200); do
        redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "server on $port did not start" >&2
    exit 1
}

if [ "${ONLY:-redis}" = redis ]; then
echo "== redis-server ($keys keys)"
taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --dir "$work" --daemonize no --loglevel warning &
pid=$!
wait_ready
fill
warm_up
taskset -c 1 python3 bench/bgsave_probe.py "$port" "$pid"
redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
wait "$pid" 2>/dev/null || true
rm -f "$work"/dump.rdb
fi
[ "${ONLY:-nioredis}" = nioredis ] || exit 0

echo "== nioredis ($keys keys)"
if [ -n "${NIOREDIS_JAVA_OPTS:-}" ]; then
    # Instead of the launcher's flags (a collector other than its own cannot be added through JAVA_OPTS)
    # shellcheck disable=SC2086
    taskset -c 0 java $NIOREDIS_JAVA_OPTS -jar server/target/nioredis-server.jar --port "$port" --bind 127.0.0.1 --save '' \
        --dir "$work" --loglevel warning >/dev/null &
else
    taskset -c 0 bin/nioredis-server --port "$port" --bind 127.0.0.1 --save '' --dir "$work" --loglevel warning >/dev/null &
fi
pid=$!
wait_ready

fill
warm_up
taskset -c 1 python3 bench/bgsave_probe.py "$port" "$pid"
redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
wait "$pid" 2>/dev/null || true

#!/bin/bash
# Aggregates growing over a filled keyspace, against a server that first loads 1M string keys from an RDB file
# made by redis-server, so the fill is neither timed nor in the collector's log: one set, one hash and one sorted
# set growing to ~950k members (redis-benchmark's SADD, HSET and ZADD at -P 16, -r 1000000, 3M requests each;
# ZADD's scores are random, so a member already there mostly moves), then a consumer
# group's pending entries list growing by 1M (XREADGROUP ... COUNT 1 STREAMS s '>' over a stream of 1M entries
# added untimed). Per test: requests per second, the server's CPU per request (utime+stime of every thread
# around the test), p99 and p99.9 from redis-benchmark's distribution, and for nioredis the collector's pauses
# during the test; then MEMORY USAGE of the set, the hash, the sorted set and the stream's growth per pending entry,
# used_memory and the growth of the server's RSS.
#   bench/aggregate-growth.sh [ROOT...]
# Each ROOT is a nioredis checkout with its package built (mvn -q -DskipTests package), run through its
# launcher; the default is this one. redis-server runs first, for reference. Servers on core 0, the load on
# core 1. ROUNDS=N repeats the whole series (default 1); TESTS="xreadgroup" (any of sadd hset zadd xreadgroup)
# runs only those.
set -eu
cd "$(dirname "$0")/.."
roots=("$@")
[ ${#roots[@]} -gt 0 ] || roots=("$PWD")
port=7231
work=$(mktemp -d)
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Until PONG: a server loading its file answers -LOADING.
wait_ready() {
    for _ in $(seq 1 600); do
        [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && return 0
        sleep 0.1
    done
    echo "server on $port did not start" >&2
    exit 1
}

mkdir -p "$work/seed"
taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --dir "$work/seed" --daemonize no \
    --loglevel warning >/dev/null &
wait_ready
taskset -c 1 redis-benchmark -p "$port" -c 50 -P 16 -n 5000000 -r 1000000 -d 3 -t set -q >/dev/null 2>&1
redis-cli -p "$port" save >/dev/null
redis-cli -p "$port" shutdown nosave >/dev/null
wait
echo "keyspace: $(ls -l "$work/seed/dump.rdb" | awk '{print $5}') bytes of RDB"

cpu_ticks() {
    local total=0
    for stat in /proc/"$1"/task/*/stat; do
        # shellcheck disable=SC2046
        set -- $(sed 's/^.*) //' "$stat")
        total=$((total + ${12} + ${13}))
    done
    echo "$total"
}

run() {
    local label=$1 pid=$2 gclog=$3
    local rss0 rss1
    rss0=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
    local stream_before=0
    for test in ${TESTS:-sadd hset zadd xreadgroup}; do
        local lines0=0 ticks0 ticks1 out command=(-t "$test") requests=3000000
        if [ "$test" = xreadgroup ]; then
            taskset -c 1 redis-benchmark -p "$port" -c 50 -P 16 -n 1000000 -r 1000000 \
                xadd s '*' name __rand_int__ kind job attempt 1 >/dev/null 2>&1
            redis-cli -p "$port" xgroup create s workers 0 >/dev/null
            stream_before=$(redis-cli -p "$port" memory usage s)
            command=(xreadgroup GROUP workers consumer COUNT 1 STREAMS s '>')
            requests=1000000
        fi
        [ -z "$gclog" ] || lines0=$(wc -l <"$gclog")
        ticks0=$(cpu_ticks "$pid")
        out=$(taskset -c 1 redis-benchmark -p "$port" -c 50 -P 16 -n "$requests" -r 1000000 "${command[@]}" 2>&1 |
            tr '\r' '\n')
        ticks1=$(cpu_ticks "$pid")
        local gc=""
        if [ -n "$gclog" ]; then
            gc=$(sed -n "$((lines0 + 1)),\$p" "$gclog" | grep Pause | sed 's/ms$//' |
                awk '{n++; s += $NF; if ($NF + 0 > m) m = $NF + 0} END {printf " pauses %d, %.0f ms in all, longest %.1f ms", n, s, m}')
        fi
        echo "$label $test: $(echo "$out" | awk '/throughput summary/ {print $3; exit}') rps," \
            "$(echo "scale=2; ($ticks1 - $ticks0) * 1000000 / $(getconf CLK_TCK) / $requests" | bc) µs CPU/req," \
            "p99 $(echo "$out" | awk '/Latency by percentile/ {f = 1; next} f && $1 + 0 >= 99.0 {print $3; exit}') ms," \
            "p99.9 $(echo "$out" | awk '/Latency by percentile/ {f = 1; next} f && $1 + 0 >= 99.9 {print $3; exit}') ms;$gc"
    done
    sleep 1
    rss1=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
    echo "$label memory: set of $(redis-cli -p "$port" scard myset) members $(redis-cli -p "$port" memory usage myset) B," \
        "hash of $(redis-cli -p "$port" hlen myhash) fields $(redis-cli -p "$port" memory usage myhash) B," \
        "sorted set of $(redis-cli -p "$port" zcard myzset) members $(redis-cli -p "$port" memory usage myzset) B," \
        "pending $(redis-cli -p "$port" xpending s workers | head -1)" \
        "$((($(redis-cli -p "$port" memory usage s) - stream_before) / 1000000)) B each," \
        "used_memory $(redis-cli -p "$port" info memory | awk -F: '/^used_memory:/ {print $2}' | tr -d '\r')," \
        "RSS +$(((rss1 - rss0) / 1024)) MB"
}

for round in $(seq 1 "${ROUNDS:-1}"); do
    echo "== round $round"
    rm -rf "$work/dir" && mkdir -p "$work/dir" && cp "$work/seed/dump.rdb" "$work/dir/"
    taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --dir "$work/dir" --daemonize no \
        --loglevel warning >/dev/null &
    wait_ready
    run redis-server $! ""
    redis-cli -p "$port" shutdown nosave >/dev/null
    wait
    for root in "${roots[@]}"; do
        rm -rf "$work/dir" && mkdir -p "$work/dir" && cp "$work/seed/dump.rdb" "$work/dir/"
        JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$work/gc.log:uptime" taskset -c 0 "$root/bin/nioredis-server" \
            --port "$port" --bind 127.0.0.1 --save '' --dir "$work/dir" --loglevel warning >/dev/null &
        wait_ready
        run "nioredis($root)" "$(pgrep -f "nioredis.*--port $port" | head -1)" "$work/gc.log"
        redis-cli -p "$port" shutdown nosave >/dev/null
        wait
    done
done

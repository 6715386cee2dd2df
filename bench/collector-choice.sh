#!/usr/bin/env bash
# Which collector and heap shape for nioredis, by the numbers (issue 16): for each JVM flag set, a fresh
# nioredis on CPU 0 with its GC log, filled with N keys, then a write load, with a PING probe of its own
# recording the longest stall a client sees; Redis is the reference row. Per flag set it prints RSS per key
# after the fill (as the collector leaves it, and after a full GC), the fill's time and longest stall, the
# write load's rate, longest stall and redis-benchmark's max latency, and from the GC log the longest pause,
# the total pause time, the number of pauses and the concurrent GC time of each phase.
#
#   bench/collector-choice.sh [-n KEYS] [-w WRITES] [-d BYTES] [--bgsave] [--port P]
#                             [--only NAME ...] [--set 'NAME=FLAGS' ...] [--no-redis] [--logs DIR]
#
#   -n KEYS      keys filled (default 10000000): SET key:<12-digit i> abc over redis-cli --pipe
#   -w WRITES    writes of the load (default 5000000): redis-benchmark -t set -r KEYS -P 16 -d BYTES, so
#                the writes overwrite the filled keys at random
#   -d BYTES     value size of the writes (default 10): not the fill's 3, so that a write replaces the
#                key's entry (garbage for the collector) rather than overwriting it in place
#   --bgsave     a BGSAVE one second into the write load (issue 13's stall); the probe then runs until the
#                save is over
#   --only NAME  only these flag sets (and Redis unless --no-redis); repeatable
#   --set 'NAME=FLAGS'   one more flag set, run with java FLAGS -jar; repeatable
#   --logs DIR   where the GC logs are kept (default: a new directory under /tmp, printed at the end)
#
# The flag sets: "launcher" runs bin/nioredis-server as it is (its flags and archive, the GC log added
# through JAVA_OPTS); the others run the jar with exactly their flags. The load, the fill and the probe
# share CPU 1. Needs a build (mvn -q -DskipTests package), redis-server, redis-cli, redis-benchmark, python3, jcmd, taskset.
set -euo pipefail
cd "$(dirname "$0")/.."

keys=10000000
writes=5000000
size=10
bgsave=false
port=7150
redis=true
logs=""
only=()
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) keys=$2; shift 2 ;;
        -w) writes=$2; shift 2 ;;
        -d) size=$2; shift 2 ;;
        --bgsave) bgsave=true; shift ;;
        --port) port=$2; shift 2 ;;
        --only) only+=("$2"); shift 2 ;;
        --set) extra+=("$2"); shift 2 ;;
        --no-redis) redis=false; shift ;;
        --logs) logs=$2; shift 2 ;;
        *) sed -n '9,10p' "$0" >&2; exit 1 ;;
    esac
done
JAR=server/target/nioredis-server.jar
[ -f "$JAR" ] || { echo "$JAR is missing: run mvn -q -DskipTests package first" >&2; exit 1; }
if [ -z "$logs" ]; then logs=$(mktemp -d /tmp/collector-choice.XXXXXX); fi
mkdir -p "$logs"
work=$(mktemp -d)

# The launcher's own flags, as it prints them, so the variants below stay next to what it really runs.
launcher_opts=$(NIOREDIS_PRINT_JVM_FLAGS=1 sh bin/nioredis-server)
sets=(
    "launcher=(bin/nioredis-server)"
    "serial-loose=$(echo "$launcher_opts" | sed 's/MinHeapFreeRatio=[0-9]*/MinHeapFreeRatio=20/; s/MaxHeapFreeRatio=[0-9]*/MaxHeapFreeRatio=40/')"
    "shenandoah=-XX:+UseShenandoahGC -Xms8m -Xss256k -XX:-UsePerfData"
    "g1=-XX:+UseG1GC -Xms8m -Xss256k -XX:-UsePerfData"
)
sets+=("${extra[@]+"${extra[@]}"}")

. bench/lib.sh
probe_result=""
trap 'stop_server_and_probe; rm -rf "$work"' EXIT

chosen() {
    [ ${#only[@]} -eq 0 ] && return 0
    local o
    for o in "${only[@]}"; do [ "$o" = "$1" ] && return 0; done
    return 1
}

rss_kb() { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$server_pid/status"; }

probe_start() {
    rm -f "$work/probe.ready"
    taskset -c 1 python3 bench/stall_probe.py "$port" "$work/probe.ready" > "$work/probe" &
    probe_pid=$!
    until [ -f "$work/probe.ready" ]; do sleep 0.05; done
}
# Not in a $(...): that subshell could not wait for the probe, and would read its output before it is written.
probe_stop() { kill "$probe_pid"; wait "$probe_pid" || true; probe_pid=""; probe_result=$(cat "$work/probe"); }

# The generator is pinned beside redis-cli: left to the scheduler it ran on the server's core at times, and a
# stall during the fill was then partly the server waiting for awk (seen with perf sched).
fill() {
    taskset -c 1 awk -v n="$keys" 'BEGIN { for (i = 0; i < n; i++) {
        k = sprintf("key:%012d", i)
        printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$3\r\nabc\r\n", length(k), k } }' \
        | taskset -c 1 redis-cli -p "$port" --pipe >/dev/null
}

bgsave_done() { redis-cli -p "$port" info persistence | grep -q '^rdb_bgsave_in_progress:0'; }

# GC log lines FROM..TO (1-based, TO inclusive): pauses (lines naming a Pause, with their time in ms),
# the concurrent phases' time, and the longest safepoint (any stop of the application, GC or not).
gc_summary() { # file from to
    sed -n "$2,$3p" "$1" | awk '
        /\[gc *\]/ && /Pause/ && /[0-9.]+ms$/ { t = $NF; sub(/ms$/, "", t); t += 0; n++; sum += t; if (t > max) max = t }
        /\[gc *\]/ && /Concurrent/ && /[0-9.]+ms$/ { t = $NF; sub(/ms$/, "", t); conc += t }
        /\[safepoint *\]/ && /Total: [0-9]+ ns/ { for (i = 1; i <= NF; i++) if ($i == "Total:") { s = $(i + 1) / 1e6; if (s > sp) sp = s } }
        END { printf "%.1f|%.0f|%d|%.0f|%.1f", max, sum, n, conc, sp }'
}

field() { echo "$1" | sed -n "s/.*$2=\([^ ]*\).*/\1/p"; }

rows=()
run() { # name flags (empty: Redis)
    local name=$1 flags=$2 log="$logs/$1.gc.log" jvm=true
    rm -f "$log" "$work/dump.rdb"
    if [ -z "$flags" ]; then
        jvm=false
        taskset -c 0 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
            --daemonize no --loglevel warning >/dev/null &
    elif [ "$flags" = "(bin/nioredis-server)" ]; then
        JAVA_OPTS="-Xlog:gc,safepoint:file=$log" taskset -c 0 bin/nioredis-server --port "$port" --bind 127.0.0.1 \
            --save '' --dir "$work" >/dev/null 2>&1 &
    else
        # shellcheck disable=SC2086 # flags are a list of words
        taskset -c 0 java $flags "-Xlog:gc,safepoint:file=$log" -jar "$JAR" --port "$port" --bind 127.0.0.1 \
            --save '' --dir "$work" >/dev/null 2>&1 &
    fi
    server_pid=$!
    echo "== $name: ${flags:-redis-server}" >&2
    wait_ready "$port" "$name"
    sleep 1
    local rss0 rss1 rss2="" began ended fill_stall write_stall bench mark1 mark2 gc_fill="-|-|-|-|-" gc_writes="-|-|-|-|-"
    rss0=$(rss_kb)

    probe_start
    began=$(date +%s.%N)
    fill
    ended=$(date +%s.%N)
    probe_stop
    fill_stall=$probe_result
    sleep 2
    rss1=$(rss_kb)
    if $jvm; then
        mark1=$(wc -l < "$log")
        jcmd "$server_pid" GC.run >/dev/null
        sleep 1
        rss2=$(rss_kb)
        mark2=$(( $(wc -l < "$log") + 1 ))
        gc_fill=$(gc_summary "$log" 1 "$mark1")
    fi

    probe_start
    if $bgsave; then (sleep 1; redis-cli -p "$port" bgsave >&2) & fi
    bench=$(taskset -c 1 redis-benchmark -p "$port" -t set -r "$keys" -n "$writes" -P 16 -d "$size" --csv \
        | tail -1 | tr -d '"')
    if $bgsave; then
        wait $!
        until bgsave_done; do sleep 0.05; done
        redis-cli -p "$port" info persistence | grep '^rdb_last_bgsave_status' >&2
    fi
    probe_stop
    write_stall=$probe_result
    if $jvm; then gc_writes=$(gc_summary "$log" "$mark2" '$'); fi

    local rps max_latency
    rps=$(echo "$bench" | cut -d, -f2)
    max_latency=$(echo "$bench" | cut -d, -f8)
    rows+=("$(printf '| %s | %.1f | %s | %.1f | %s | %s | %s | %.0f | %s | %s | %s |' "$name" \
        "$(echo "($rss1 - $rss0) * 1024 / $keys" | bc -l)" \
        "$(if [ -n "$rss2" ]; then printf '%.1f' "$(echo "($rss2 - $rss0) * 1024 / $keys" | bc -l)"; else echo -; fi)" \
        "$(echo "$ended - $began" | bc -l)" "$(field "$fill_stall" max_ms)" \
        "$(echo "$gc_fill" | cut -d'|' -f1-2 | tr '|' /)" "$(echo "$gc_fill" | cut -d'|' -f3)" \
        "$rps" "$(field "$write_stall" max_ms)" "$max_latency" \
        "$(echo "$gc_writes" | tr '|' ' ' | awk '{ print $1 " / " $2 " / " $3 " / " $4 " / " $5 }')")")
    if [ -z "$flags" ]; then redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; fi
    stop_server_and_probe
}

if $redis; then run redis ""; fi
for s in "${sets[@]}"; do
    name=${s%%=*}
    if chosen "$name"; then run "$name" "${s#*=}"; fi
done

echo "# collector choice, $(date -u +%FT%TZ), $keys keys, $writes writes of $size bytes (-P 16)$($bgsave && echo ', BGSAVE during the writes')"
echo "# $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3), $(nproc) CPUs"
for s in "${sets[@]}"; do chosen "${s%%=*}" && echo "#   ${s%%=*}: ${s#*=}"; done
echo
echo "| flags | RSS B/key after fill | after full GC | fill s | fill: longest stall ms | fill: max / total GC pause ms | fill: pauses | writes/s | writes: longest stall ms | writes: benchmark max ms | writes: max pause / total pause ms / pauses / concurrent ms / longest safepoint ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "GC logs: $logs"

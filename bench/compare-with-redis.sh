#!/usr/bin/env bash
# Compares nioredis with Redis under redis-benchmark's default suite: requests per second, the server's CPU
# time per request and the latency percentiles of every test.
#
# Starts redis-server and nioredis (the launcher bin/nioredis-server) on loopback ports with the same settings
# (no persistence), both pinned to CPU 0, and runs redis-benchmark pinned to CPU 1 against each in turn: for
# every round and pipeline depth, alternating which server goes first. Before each server's tests of a round
# and depth the keyspace is flushed and filled with the keys redis-benchmark's random keys name; then every
# test runs on its own, in the suite's order, with the server's CPU time read around it. The medians go into
# bench/results/comparison-k<keys>-c<clients>[-maxmemory][-jar].{md,csv,svg} (see compare-report.py).
#
# Usage: bench/compare-with-redis.sh [-k keys] [-c clients] [-P depths] [-m maxmemory] [-n requests]
#                                    [-N requests] [-r rounds] [-w requests] [-t tests] [-o outdir] [-p port] [-j]
#   -k  keyspace size (default 1000000): redis-benchmark runs with -r <keys>, and the keys key:000000000000 ..
#       key:<keys-1> (value xxx, redis-benchmark's default 3 bytes) are loaded before each server's tests;
#       -k 0 runs redis-benchmark without -r, every command on one key (the single-key suite)
#   -c  redis-benchmark clients (default 50)
#   -P  pipeline depths, space- or comma-separated (default "1 16")
#   -m  maxmemory for both servers, e.g. 4gb, with maxmemory-policy allkeys-lru (default: no limit)
#   -n  requests per test and run at pipeline depth 1 (default 100000)
#   -N  requests per test and run at deeper pipelines (default: sized per test from Redis's rate in the
#       warm-up, for a run of about 2 s against Redis and at least -n; without a warm-up 10 x -n)
#   -r  rounds (default 5; not redis-benchmark's -r, which is -k here)
#   -w  requests per test of the untimed warm-up pass through every test and depth before the rounds, so the
#       JIT has compiled nioredis's request path (default 20000; 0 = none)
#   -t  comma-separated tests, redis-benchmark's -t names (ping = ping_inline,ping_mbulk; lrange =
#       lrange_100,lrange_300,lrange_500,lrange_600) and the custom rows "evalsha" (EVALSHA of a one-call and a
#       ten-call script), "streams" (XADD/XREADGROUP), "hll" (PFADD/PFCOUNT) and "geo" (GEOSEARCH)
#       (default: the whole default suite, then the custom rows)
#   -o  output directory (default bench/results)
#   -p  first of two ports to use, Redis on it and nioredis on the next (default: two free ports)
#   -j  run nioredis as plain `java -jar server/target/nioredis-server.jar` instead of the launcher (the same
#       as NIOREDIS=jar in the environment); the output name then ends in -jar
# Environment: JAVA (java binary; the launcher gets the JDK as JAVA_HOME), JAVA_OPTS (JVM flags, after the
# launcher's own), REDIS_SERVER, REDIS_BENCHMARK (binaries), TEST_TIMEOUT (seconds one test may take, default
# 1800). Build nioredis first: mvn -q -DskipTests package
#
# Each test runs as its own redis-benchmark (-t name). The LRANGE tests run as their commands (LRANGE mylist
# 0 99 ...) after one LPUSH run that fills the list, which is what `-t lrange_100` does in one process; so
# each row's CPU is its own. A test that fails or is refused (redis-benchmark exits on an error reply) shows
# as missing in the table, with the error below it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
keys=1000000
clients=50
depths="1 16"
maxmemory=""
requests=100000
deep_requests=""
rounds=5
warmup=20000
tests=""
outdir="$here/results"
base_port=""
mode="${NIOREDIS:-launcher}"
usage() { sed -n '2,41p' "$0" >&2; exit 2; }
while getopts "k:c:P:m:n:N:r:w:t:o:p:j" opt; do
  case "$opt" in
    k) keys="$OPTARG" ;;
    c) clients="$OPTARG" ;;
    P) depths="${OPTARG//,/ }" ;;
    m) maxmemory="$OPTARG" ;;
    n) requests="$OPTARG" ;;
    N) deep_requests="$OPTARG" ;;
    r) rounds="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    t) tests="$OPTARG" ;;
    o) outdir="$OPTARG" ;;
    p) base_port="$OPTARG" ;;
    j) mode=jar ;;
    *) usage ;;
  esac
done
[ "$OPTIND" -gt "$#" ] || usage
for number in "$keys" "$clients" "$requests" ${deep_requests:+"$deep_requests"} "$rounds" "$warmup" $depths ${base_port:+"$base_port"}; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "not a number: $number" >&2; usage; }
done
[ "$rounds" -ge 1 ] && [ "$clients" -ge 1 ] && [ "$requests" -ge 1 ] && [ -n "$depths" ] || usage
case "$mode" in launcher | jar) ;; *) echo "NIOREDIS must be 'jar' or unset" >&2; exit 2 ;; esac

redis_server="${REDIS_SERVER:-redis-server}"
redis_benchmark="${REDIS_BENCHMARK:-redis-benchmark}"
test_timeout="${TEST_TIMEOUT:-1800}"
jar="$root/server/target/nioredis-server.jar"
[ -f "$jar" ] || { echo "missing $jar: run 'mvn -q -DskipTests package' first" >&2; exit 1; }
for tool in "$redis_server" "$redis_benchmark" redis-cli taskset timeout python3; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
if [ -n "${JAVA:-}" ]; then
  java="$(command -v "$JAVA")" || { echo "JAVA=$JAVA is no program" >&2; exit 1; }
  # The launcher takes its JVM from JAVA_HOME.
  JAVA_HOME="$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd)"
  export JAVA_HOME
fi

# The tests, in redis-benchmark's order, and the titles it gives them.
suite=(ping_inline ping_mbulk set get incr lpush rpush lpop rpop sadd hset spop zadd zpopmin
  lrange_100 lrange_300 lrange_500 lrange_600 mset)
families=(evalsha streams hll geo)
title() {
  case "$1" in
    lpush_for_lrange) echo "LPUSH (needed to benchmark LRANGE)" ;;
    lrange_*) echo "LRANGE_${1#lrange_} (first ${1#lrange_} elements)" ;;
    mset) echo "MSET (10 keys)" ;;
    *) echo "${1^^}" ;;
  esac
}

# The -t list as single tests in the suite's order (lpush_for_lrange before the first LRANGE), then families.
selected=()
select_tests() {
  local wanted=",${tests,,}," name lrange_added=""
  if [ -z "$tests" ]; then
    wanted=",${suite[*]},${families[*]},"
    wanted="${wanted// /,}"
  fi
  wanted="${wanted//,ping,/,ping_inline,ping_mbulk,}"
  wanted="${wanted//,lrange,/,lrange_100,lrange_300,lrange_500,lrange_600,}"
  IFS=',' read -ra names <<<"$wanted"
  for name in "${names[@]}"; do
    [ -z "$name" ] || [[ " ${suite[*]} ${families[*]} " == *" $name "* ]] || {
      echo "unknown test: $name" >&2; exit 2; }
  done
  for name in "${suite[@]}" "${families[@]}"; do
    [[ "$wanted" == *",$name,"* ]] || continue
    if [[ "$name" == lrange_* ]] && [ -z "$lrange_added" ]; then
      selected+=(lpush_for_lrange)
      lrange_added=yes
    fi
    selected+=("$name")
  done
}
select_tests

# redis-benchmark opens one connection per client, the servers one descriptor each: raise the soft limit.
need_files=$((clients + 256))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_files" ]; then
  ulimit -n "$need_files" 2>/dev/null || {
    echo "open-file limit $(ulimit -n) is below $need_files for $clients clients: raise it (ulimit -Hn)" >&2
    exit 1
  }
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cli() {
  local port="$1"
  shift
  redis-cli -h 127.0.0.1 -p "$port" "$@"
}

wait_ready() {
  local port="$1" pid="$2"
  for _ in $(seq 1 400); do
    [ "$(cli "$port" ping 2>/dev/null)" = "PONG" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "server on port $port did not start" >&2
  return 1
}

work="$(mktemp -d)"
pids=()
benchmark_pid=""
cleanup() {
  local pid
  [ -z "$benchmark_pid" ] || kill "$benchmark_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$work/raw" "$work/warmup" "$work/redis-dir" "$work/nioredis-dir"

limits=()
[ -z "$maxmemory" ] || limits=(--maxmemory "$maxmemory" --maxmemory-policy allkeys-lru)
redis_port="${base_port:-$(free_port)}"
taskset -c 0 "$redis_server" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
  --daemonize no --loglevel warning --dir "$work/redis-dir" "${limits[@]}" >"$work/redis.log" 2>&1 &
redis_pid=$!
pids+=("$redis_pid")
nio_port="$([ -n "$base_port" ] && echo $((base_port + 1)) || free_port)"
nio_args=(--port "$nio_port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning
  --dir "$work/nioredis-dir" "${limits[@]}")
if [ "$mode" = jar ]; then
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  taskset -c 0 "${java:-java}" ${JAVA_OPTS:-} -jar "$jar" "${nio_args[@]}" >"$work/nioredis.log" 2>&1 &
else
  taskset -c 0 "$root/bin/nioredis-server" "${nio_args[@]}" >"$work/nioredis.log" 2>&1 &
fi
nio_pid=$!
pids+=("$nio_pid")
wait_ready "$redis_port" "$redis_pid" || { cat "$work/redis.log" >&2; exit 1; }
wait_ready "$nio_port" "$nio_pid" || { cat "$work/nioredis.log" >&2; exit 1; }
# taskset and the launcher exec the server, so these are the servers' own processes.
# The command line for the table's settings, each argument quoted as the shell would need it, without the
# checkout's and the temporary directory's paths.
nio_command="$(xargs -0 printf '%q ' <"/proc/$nio_pid/cmdline")"
nio_command="${nio_command//$root\//}"
nio_command="${nio_command//$work/<tmp>}"
nio_java="$(readlink "/proc/$nio_pid/exe")"

# CPU time of a process: the first field of every thread's schedstat (nanoseconds on a CPU, precise), and
# utime+stime of /proc/<pid>/stat in clock ticks (which keeps the time of threads that have ended, 10 ms
# resolution). Prints both in nanoseconds.
clock_tick="$(getconf CLK_TCK)"
cpu_source=schedstat
[ -r "/proc/$nio_pid/schedstat" ] || cpu_source=ticks
cpu_now() {
  local pid="$1" sum=0 ns file stat fields
  for file in /proc/"$pid"/task/*/schedstat; do
    { read -r ns _ <"$file"; } 2>/dev/null && sum=$((sum + ns))
  done
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  read -ra fields <<<"${stat##*) }"
  echo "$sum $(((fields[11] + fields[12]) * 1000000000 / clock_tick))"
}

server_pid() { [ "$1" = redis ] && echo "$redis_pid" || echo "$nio_pid"; }

# The keyspace redis-benchmark -r <keys> addresses, as SET commands for redis-cli --pipe.
fill_file="$work/fill.resp"
if [ "$keys" -gt 0 ]; then
  python3 - "$keys" "$fill_file" <<'EOF'
import sys
keys, path = int(sys.argv[1]), sys.argv[2]
with open(path, "wb") as f:
    for i in range(keys):
        f.write(b"*3\r\n$3\r\nSET\r\n$16\r\nkey:%012d\r\n$3\r\nxxx\r\n" % i)
EOF
fi

fill() {
  local port="$1" loaded
  cli "$port" flushall >/dev/null
  [ "$keys" -gt 0 ] || return 0
  if ! taskset -c 1 redis-cli -h 127.0.0.1 -p "$port" --pipe <"$fill_file" >"$work/fill.log" 2>&1 ||
    ! grep -q "errors: 0," "$work/fill.log"; then
    echo "filling the keyspace on port $port failed:" >&2
    cat "$work/fill.log" >&2
    exit 1
  fi
  loaded="$(cli "$port" dbsize)"
  if [ "$loaded" != "$keys" ]; then
    # Under a maxmemory below the data the servers evict while loading: the comparison still runs, but
    # its keyspace is not what -k says.
    [ -n "$maxmemory" ] || { echo "port $port holds $loaded keys after the fill, not $keys" >&2; exit 1; }
    echo "port $port holds $loaded of $keys keys after the fill: maxmemory $maxmemory is below the data" >&2
  fi
}

# One measured redis-benchmark run: its output goes to <dir>/<index>.out, and <dir>/<index>.meta holds the
# row's title, the requests asked for, the exit status, and the server's CPU time and the wall time around it.
measure() {
  local server="$1" port="$2" depth="$3" dir="$4" title="$5" n pid before after start end status=0 base
  shift 5
  n="$requests"
  [ "$depth" -eq 1 ] || n="${deep_requests:-${sized["$depth/$(sized_like "$title")"]:-$((requests * 10))}}"
  [ -z "${requests_override:-}" ] || n="$requests_override"
  pid="$(server_pid "$server")"
  index=$((index + 1))
  base="$dir/$(printf '%02d' "$index")"
  before="$(cpu_now "$pid")" || { echo "$server is gone" >&2; cat "$work/$server.log" >&2; exit 1; }
  start="$(date +%s%N)"
  # In the background, so that a signal to this script ends the wait at once (see cleanup).
  timeout "$test_timeout" taskset -c 1 "$redis_benchmark" -h 127.0.0.1 -p "$port" -c "$clients" -n "$n" \
    -P "$depth" "$@" >"$base.out" 2>"$base.err" &
  benchmark_pid=$!
  wait "$benchmark_pid" || status=$?
  benchmark_pid=""
  end="$(date +%s%N)"
  after="$(cpu_now "$pid")" || { echo "$server is gone" >&2; cat "$work/$server.log" >&2; exit 1; }
  read -r before_sched before_ticks <<<"$before"
  read -r after_sched after_ticks <<<"$after"
  {
    echo "title=$title"
    echo "requests=$n"
    echo "exit=$status"
    echo "cpu_ns=$((after_sched - before_sched))"
    echo "tick_cpu_ns=$((after_ticks - before_ticks))"
    echo "wall_ns=$((end - start))"
    echo "cpu_source=$cpu_source"
    echo "clock_tick_ns=$((1000000000 / clock_tick))"
  } >"$base.meta"
  if [ -n "${requests_override:-}" ] && [ "$server" = redis ] && [ "$status" -eq 0 ]; then
    size_from_warmup "$depth" "$title" "$base.out"
  fi
  [ "$status" -eq 0 ] || echo "  $title against $server failed (exit $status): $(cat "$base.err" "$base.out" |
    tr '\r\n' '  ' | tail -c 300 | sed 's/  */ /g')" >&2
}

# Requests per test at a deeper pipeline: what Redis serves in deep_seconds at its warm-up rate, rounded up to
# thousands and at least -n, so that fast tests run long enough to measure and slow ones (LRANGE_600,
# GEOSEARCH) do not take minutes. The same count for both servers and every round.
declare -A sized
deep_seconds=2
# A test that takes what an earlier one added runs as many requests as that one, as in one redis-benchmark run:
# the pops empty the list, set and sorted set the pushes filled, XREADGROUP reads each entry XADD added.
sized_like() {
  case "$1" in
    LPOP) echo LPUSH ;;
    RPOP) echo RPUSH ;;
    SPOP) echo SADD ;;
    ZPOPMIN) echo ZADD ;;
    XREADGROUP) echo XADD ;;
    *) echo "$1" ;;
  esac
}
size_from_warmup() {
  local depth="$1" title="$2" output="$3" rps
  [ "$depth" -ne 1 ] || return 0
  rps="$(tr '\r' '\n' <"$output" | sed -n 's/.*throughput summary: \([0-9.]*\) requests per second.*/\1/p')"
  [ -n "$rps" ] || return 0
  sized["$depth/$title"]="$(awk -v rps="$rps" -v s="$deep_seconds" -v min="$requests" \
    'BEGIN { n = int(rps * s / 1000 + 1) * 1000; print (n < min ? min : n) }')"
}

# Every selected test against one server at one depth, after the keyspace is filled; results under <dir>.
run_tests() {
  local server="$1" port="$2" depth="$3" dir="$4" name random=()
  mkdir -p "$dir"
  index=0
  [ "$keys" -eq 0 ] || random=(-r "$keys")
  fill "$port"
  for name in "${selected[@]}"; do
    case "$name" in
      lpush_for_lrange) measure "$server" "$port" "$depth" "$dir" "$(title "$name")" "${random[@]}" -t lpush ;;
      lrange_*) measure "$server" "$port" "$depth" "$dir" "$(title "$name")" LRANGE mylist 0 $((${name#lrange_} - 1)) ;;
      evalsha | streams | hll | geo) "run_$name" "$server" "$port" "$depth" "$dir" ;;
      *) measure "$server" "$port" "$depth" "$dir" "$(title "$name")" "${random[@]}" -t "$name" ;;
    esac
  done
}

# A custom row: redis-benchmark runs the given command under the given title. Commands may use __rand_int__
# (a random number below 1000000, -r, whatever -k says: the custom rows are the same in every table).
custom_row() {
  local server="$1" port="$2" depth="$3" dir="$4" title="$5"
  shift 5
  measure "$server" "$port" "$depth" "$dir" "$title" -r 1000000 "$@"
}

# EVALSHA rows: a script of one redis.call and one of ten, on one existing key, loaded before the run.
one_call="return redis.call('GET', KEYS[1])"
ten_calls="local v for i = 1, 10 do v = redis.call('GET', KEYS[1]) end return v"
run_evalsha() {
  local port="$2"
  cli "$port" set bench:script:key value >/dev/null
  custom_row "$@" "EVALSHA 1 call" EVALSHA "$(cli "$port" script load "$one_call")" 1 bench:script:key
  custom_row "$@" "EVALSHA 10 calls" EVALSHA "$(cli "$port" script load "$ten_calls")" 1 bench:script:key
}

# Stream rows: XADD of a three-field entry with automatic IDs, then XREADGROUP reading those entries back one
# at a time through a consumer group (each read delivers one new entry and adds it to the pending list).
run_streams() {
  local port="$2"
  cli "$port" del bench:stream >/dev/null
  custom_row "$@" "XADD" XADD bench:stream '*' name __rand_int__ kind job attempt 1
  cli "$port" xgroup create bench:stream workers 0 >/dev/null
  custom_row "$@" "XREADGROUP" XREADGROUP GROUP workers consumer COUNT 1 STREAMS bench:stream '>'
}

# HyperLogLog rows: PFADD of random elements into one HLL (it turns dense early), then PFCOUNT of it.
run_hll() {
  local port="$2"
  cli "$port" del bench:hll >/dev/null
  custom_row "$@" "PFADD" PFADD bench:hll element:__rand_int__
  custom_row "$@" "PFCOUNT" PFCOUNT bench:hll
}

# Geo rows: 100,000 random places around one point, then GEOSEARCH for the ten nearest within 2 km.
run_geo() {
  local port="$2"
  if [ "$(cli "$port" zcard bench:geo)" != "100000" ]; then
    python3 -c '
import random
random.seed(7)
for i in range(100000):
    print("GEOADD bench:geo %.6f %.6f place:%d" % (13.0 + random.random(), 38.0 + random.random(), i))
' | cli "$port" --pipe >/dev/null
  fi
  custom_row "$@" "GEOSEARCH" GEOSEARCH bench:geo FROMLONLAT 13.5 38.5 BYRADIUS 2 km ASC COUNT 10
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$warmup" -gt 0 ]; then
  echo "warm-up: $warmup requests per test" >&2
  for depth in $depths; do
    requests_override="$warmup" run_tests redis "$redis_port" "$depth" "$work/warmup/redis-P$depth"
    requests_override="$warmup" run_tests nioredis "$nio_port" "$depth" "$work/warmup/nioredis-P$depth"
  done
fi

for round in $(seq 1 "$rounds"); do
  for depth in $depths; do
    order=(redis nioredis)
    [ $((round % 2)) -eq 1 ] || order=(nioredis redis)
    for server in "${order[@]}"; do
      echo "round $round of $rounds, -P $depth: $server" >&2
      port="$redis_port"
      [ "$server" = redis ] || port="$nio_port"
      run_tests "$server" "$port" "$depth" "$work/raw/$server-P$depth-r$round"
    done
  done
done

deep_setting() {
  local key
  if [ -n "$deep_requests" ]; then
    echo "$deep_requests"
  elif [ "${#sized[@]}" -gt 0 ]; then
    echo "sized per test from Redis's warm-up rate for about $deep_seconds s, at least $requests (the CSV's requests column)"
  else
    echo "$((requests * 10))"
  fi
}

suffix=""
[ "$mode" = launcher ] || suffix="-jar"
name="comparison-k$keys-c$clients${maxmemory:+-maxmemory}$suffix"
# With maxmemory, the table of the same run without a limit (if there is one) gives the cost of the limit.
baseline=()
if [ -n "$maxmemory" ] && [ -f "$outdir/comparison-k$keys-c$clients$suffix.csv" ]; then
  baseline=(--baseline "$outdir/comparison-k$keys-c$clients$suffix.csv")
fi
mkdir -p "$outdir"
python3 "$here/compare-report.py" --raw "$work/raw" --out "$outdir" --name "$name" "${baseline[@]}" \
  --setting "keyspace: $([ "$keys" -gt 0 ] && echo "$keys keys (key:%012d, 3-byte values) loaded before each server's tests, redis-benchmark -r $keys" || echo "none, every command on one key (redis-benchmark without -r)")" \
  --setting "requests per test: $requests at -P 1; at deeper pipelines $(deep_setting)" \
  --setting "rounds: $rounds (servers alternate which runs first); warm-up: $([ "$warmup" -gt 0 ] && echo "$warmup requests per test and depth, untimed" || echo none)" \
  --setting "clients: $clients; pipelines: $depths" \
  --setting "maxmemory: $([ -n "$maxmemory" ] && echo "$maxmemory, maxmemory-policy allkeys-lru" || echo none)" \
  --setting "tests: ${tests:-redis-benchmark default suite and the custom rows}, each its own redis-benchmark run" \
  --setting "CPU per request: the server's CPU time around each test over the requests, $([ "$cpu_source" = schedstat ] && echo "from the first field of /proc/<pid>/task/*/schedstat (ns)" || echo "from utime+stime of /proc/<pid>/stat (clock ticks, $((1000 / clock_tick)) ms)")" \
  --setting "latency: redis-benchmark's summary (p50, p99) and its percentile distribution (p99.9), ms" \
  --setting "redis: $("$redis_server" --version | head -1)" \
  --setting "nioredis: $([ "$mode" = launcher ] && echo "bin/nioredis-server" || echo "java -jar"), $("$nio_java" -version 2>&1 | head -1); command line: $nio_command" \
  --setting "pinning: servers on CPU 0, redis-benchmark on CPU 1; $(nproc) CPUs" \
  --setting "load average before the run: $load_before" \
  --setting "date: $(date -u '+%Y-%m-%d %H:%M UTC')"

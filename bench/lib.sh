# Sourced by the bench scripts that run one server and one probe client at a time (collector-choice.sh,
# stall-timeline.sh, fill-stall.sh): their process ids, starting a server, stopping both, and waiting for
# the server to answer PING.
# shellcheck shell=bash

server_pid=""
probe_pid=""

# Stops the probe and the server if they run; safe to call twice (the scripts also call it on EXIT).
stop_server_and_probe() {
    if [ -n "$probe_pid" ]; then kill "$probe_pid" 2>/dev/null || true; wait "$probe_pid" 2>/dev/null || true; fi
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    probe_pid=""
    server_pid=""
}

# Waits up to 30 s for the server on port $1 to answer PING; ends the script if it does not.
wait_ready() { # port [name]
    for _ in $(seq 1 300); do
        redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "${2:-server} did not start on $1" >&2
    exit 1
}

# Starts a server on CPU 0, on $port with its files in $work/dir (emptied first), and waits for it: redis,
# launcher (this checkout's bin/nioredis-server), NAME=FLAGS (java FLAGS -jar $JAR), or the path of another
# checkout with a build (its launcher, to compare two builds).
start_server() { # server
    rm -rf "$work/dir" && mkdir "$work/dir"
    local common=(--port "$port" --bind 127.0.0.1 --save '' --dir "$work/dir")
    case "$1" in
        redis) taskset -c 0 redis-server "${common[@]}" --appendonly no --daemonize no --loglevel warning \
                   >/dev/null & ;;
        launcher) taskset -c 0 bin/nioredis-server "${common[@]}" >/dev/null 2>&1 & ;;
        # shellcheck disable=SC2086 # the flags are a list of words
        *=*) taskset -c 0 java ${1#*=} -jar "$JAR" "${common[@]}" >/dev/null 2>&1 & ;;
        *) [ -x "$1/bin/nioredis-server" ] || { echo "unknown server $1" >&2; exit 1; }
           taskset -c 0 "$1/bin/nioredis-server" "${common[@]}" >/dev/null 2>&1 & ;;
    esac
    server_pid=$!
    wait_ready "$port" "$1"
}

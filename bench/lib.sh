# Sourced by the bench scripts that run one server and one probe client at a time (collector-choice.sh,
# stall-timeline.sh): their process ids, stopping both, and waiting for the server to answer PING.
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

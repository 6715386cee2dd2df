#!/usr/bin/env python3
"""The longest stall a client sees: sends PING back to back over one connection until it gets SIGTERM or
SIGINT, then prints the longest round trip, the 99.9th percentile and the number of probes:

    stall_probe.py PORT [READY_FILE [STALLS_FILE]]   prints: max_ms=12.3 p999_ms=0.4 probes=123456

READY_FILE, when given, is created once the probe is connected and listens for the signal, so that a
caller can wait for it before starting the load. STALLS_FILE, when given, gets a line "<unix time at the
end of the round trip> <ms>" for every round trip over 5 ms, so that a caller can tell which event a stall
belongs to (bench/stall-timeline.sh).

Run it as a process of its own (bench/collector-choice.sh pins it beside the load), so that no other
client's work delays its reads."""
import signal
import socket
import sys
import time

PING = b"*1\r\n$4\r\nPING\r\n"
PONG = b"+PONG\r\n"
stopping = False


def stop(signum, frame):
    global stopping
    stopping = True


def main():
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if len(sys.argv) > 2:
        open(sys.argv[2], "w").close()
    stalls = open(sys.argv[3], "w") if len(sys.argv) > 3 else None
    durations = []
    while not stopping:
        t = time.perf_counter()
        s.sendall(PING)
        got = b""
        while len(got) < len(PONG):
            chunk = s.recv(len(PONG) - len(got))
            if not chunk:
                raise SystemExit("connection closed by the server")
            got += chunk
        took = time.perf_counter() - t
        durations.append(took)
        if stalls is not None and took > 0.005:
            stalls.write("%.3f %.1f\n" % (time.time(), took * 1000))
    if stalls is not None:
        stalls.close()
    durations.sort()
    if not durations:
        print("max_ms=- p999_ms=- probes=0")
        return
    p999 = durations[min(len(durations) - 1, int(len(durations) * 0.999))]
    print("max_ms=%.1f p999_ms=%.2f probes=%d" % (durations[-1] * 1000, p999 * 1000, len(durations)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""BGSAVE under load: the longest stall a client sees, the snapshot's wall time and the server's extra
resident memory, for one server already filled with data.

    bgsave_probe.py PORT PID [REPLICA_PORT]

A writer process keeps overwriting keys while a probe process sends PING back to back; BGSAVE is
issued from a third connection and the run ends when INFO says the save is over. Before it, the same load
runs for a few seconds without a save, for the longest stall the server shows anyway. Resident memory is the
sum over PID and its children (Redis's fork child), sampled every 10 ms.

With REPLICA_PORT (a redis-server with no data), the event is a full synchronisation instead of BGSAVE: the
replica is told REPLICAOF this server and the run ends when it says master_link_status:up.

STALLS_OVER_MS=N also lists every probe during the event that took longer than N ms, with its wall-clock
time (UTC, to the microsecond), to set beside a server's own logs (a JVM's -Xlog with the time decorator)."""
import os
import socket
import sys
import multiprocessing
import time
from datetime import datetime, timezone

BASELINE_SECONDS = 5


def connect(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def call(s, *args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    s.sendall(out)
    return read_reply(s)


def read_reply(s):
    buf = b""
    while not buf.endswith(b"\r\n"):
        buf += s.recv(1)
    if buf[:1] == b"$":
        n = int(buf[1:-2])
        if n < 0:
            return None
        data = b""
        while len(data) < n + 2:
            data += s.recv(n + 2 - len(data))
        return data[:-2]
    return buf[:-2]


def rss_kb(pid):
    total = 0
    pids = [pid]
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    for p in pids:
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def write_until(port, stop):
    s = connect(port)
    i = 0
    while not stop.is_set():
        call(s, "SET", "key:%d" % (i % 1000000), "overwritten-%d" % i)
        i += 1


def probe_until(port, stop, results):
    """PING back to back; sends (start, duration) pairs. Its own process, so the writer never holds its GIL."""
    s = connect(port)
    samples = []
    while not stop.is_set():
        t = time.perf_counter()
        call(s, "PING")
        samples.append((t, time.perf_counter() - t))
    results.send(samples)


def main():
    port, pid = int(sys.argv[1]), int(sys.argv[2])
    replica_port = int(sys.argv[3]) if len(sys.argv) > 3 else None
    event = "the full sync" if replica_port else "BGSAVE"
    stop = multiprocessing.Event()
    receiving, sending = multiprocessing.Pipe(duplex=False)
    processes = [multiprocessing.Process(target=write_until, args=(port, stop)),
                 multiprocessing.Process(target=probe_until, args=(port, stop, sending))]
    for p in processes:
        p.start()
    time.sleep(1)
    # The same load without a save first: what the server's own pauses (a collector's, say) cost anyway.
    baseline_from = time.perf_counter()
    time.sleep(BASELINE_SECONDS)
    base_rss = rss_kb(pid)
    peak_rss = base_rss
    c = connect(port)
    r = connect(replica_port) if replica_port else None
    start = time.perf_counter()
    if r:
        reply = call(r, "REPLICAOF", "127.0.0.1", port)
    else:
        reply = call(c, "BGSAVE")
    while True:
        peak_rss = max(peak_rss, rss_kb(pid))
        if r:
            info = call(r, "INFO", "replication").decode()
            if "master_link_status:up" in info:
                break
        else:
            info = call(c, "INFO", "persistence").decode()
            if "rdb_bgsave_in_progress:0" in info:
                break
        time.sleep(0.01)
    end = time.perf_counter()
    if r:
        keys = call(r, "DBSIZE").decode()
        call(r, "REPLICAOF", "NO", "ONE")
    stop.set()
    samples = receiving.recv()
    for p in processes:
        p.join()
    baseline = [d for t, d in samples if baseline_from <= t < start]
    during = [d for t, d in samples if start <= t < end]
    if r:
        print("replicaof reply: %s, replica keys %s" % (reply.decode(), keys))
        print("full sync wall time (until the replica's link is up): %.3f s" % (end - start))
    else:
        status = [l for l in info.split("\r\n") if l.startswith("rdb_last_bgsave_status")]
        print("bgsave reply: %s, %s" % (reply.decode(), status[0] if status else "?"))
        print("snapshot wall time: %.3f s" % (end - start))
    print("longest client stall during %s: %.1f ms (%d probes)"
          % (event, max(during) * 1000 if during else -1, len(during)))
    print("longest client stall in %d s of the same load without %s: %.1f ms (%d probes)"
          % (BASELINE_SECONDS, event, max(baseline) * 1000 if baseline else -1, len(baseline)))
    print("resident memory: %.0f MB before, %.0f MB peak, +%.0f MB" % (base_rss / 1024, peak_rss / 1024,
                                                                     (peak_rss - base_rss) / 1024))
    if "STALLS_OVER_MS" in os.environ:
        print_stalls(samples, start, end, float(os.environ["STALLS_OVER_MS"]) / 1000)


def print_stalls(samples, start, end, over):
    # perf_counter has no epoch: the wall clock's offset from it, taken now, dates the samples.
    offset = time.time() - time.perf_counter()
    for t, d in samples:
        if start <= t < end and d > over:
            when = datetime.fromtimestamp(t + offset, timezone.utc).strftime("%H:%M:%S.%f")
            print("stall %s %.1f ms" % (when, d * 1000))


if __name__ == "__main__":
    main()

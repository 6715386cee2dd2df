package io.nioredis.diagnostics;

import io.nioredis.resp.Request;
import io.nioredis.text.Repr;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients in MONITOR mode and the line each of them is sent per command, as Redis 7.0's
 * replicationFeedMonitors: {@code +1700000000.123456 [0 127.0.0.1:56789] "set" "k" "v"}, with the
 * arguments quoted as sdscatrepr quotes them and credentials shown as "(redacted)". The line is built once
 * and the same array queued to every monitor; nothing is built while nobody monitors.
 */
public final class MonitorFeed {
    private final List<MonitorSink> monitors = new ArrayList<>();

    public boolean active() {
        return !monitors.isEmpty();
    }

    public void add(MonitorSink monitor) {
        if (!monitors.contains(monitor)) {
            monitors.add(monitor);
        }
    }

    public void remove(MonitorSink monitor) {
        monitors.remove(monitor);
    }

    public int size() {
        return monitors.size();
    }

    /**
     * Sends one command to every monitor. {@code peer} is the client's {@code ip:port} (or {@code lua} for
     * a script's call); bit i of {@code redacted} hides argument i.
     */
    public void feed(long unixMicros, int db, String peer, Request request, long redacted) {
        byte[] line = line(unixMicros, db, peer, request, redacted);
        for (int i = 0; i < monitors.size(); i++) {
            monitors.get(i).push(line);
        }
    }

    static byte[] line(long unixMicros, int db, String peer, Request request, long redacted) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        long micros = Math.floorMod(unixMicros, 1_000_000L);
        String head = "+" + Math.floorDiv(unixMicros, 1_000_000L) + "." + String.format("%06d", micros)
                + " [" + db + " " + peer + "] ";
        b.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < request.argc(); i++) {
            if (i > 0) {
                b.write(' ');
            }
            if (i < 64 && (redacted & (1L << i)) != 0) {
                Repr.append(b, SlowLog.REDACTED, 0, SlowLog.REDACTED.length);
            } else {
                Repr.append(b, request.array(), request.offset(i), request.length(i));
            }
        }
        b.write('\r');
        b.write('\n');
        return b.toByteArray();
    }
}

package io.nioredis.diagnostics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis's latency monitor (latency.c): for each event class ("command", "fast-command", "expire-cycle",
 * "eviction-cycle"...) the last 160 seconds in which it took at least {@code latency-monitor-threshold}
 * milliseconds, one sample per second holding that second's worst, and the worst ever. A threshold of 0
 * turns it off.
 */
public final class LatencyMonitor {
    /** Redis's LATENCY_TS_LEN. */
    static final int SAMPLES = 160;

    /** One event class's samples: a ring of (Unix second, milliseconds), time 0 meaning empty. */
    public static final class Series {
        final long[] times = new long[SAMPLES];
        final long[] latencies = new long[SAMPLES];
        int next;
        long max;

        int last() {
            return (next + SAMPLES - 1) % SAMPLES;
        }

        public long lastTime() {
            return times[last()];
        }

        public long lastLatency() {
            return latencies[last()];
        }

        public long max() {
            return max;
        }

        /** The samples oldest first, each {unixSeconds, millis}. */
        public List<long[]> samples() {
            List<long[]> list = new ArrayList<>();
            for (int j = 0; j < SAMPLES; j++) {
                int i = (next + j) % SAMPLES;
                if (times[i] != 0) {
                    list.add(new long[] {times[i], latencies[i]});
                }
            }
            return list;
        }
    }

    private final Map<String, Series> events = new LinkedHashMap<>();
    private long thresholdMillis;

    public void threshold(long millis) {
        thresholdMillis = millis;
    }

    public long threshold() {
        return thresholdMillis;
    }

    /** latencyAddSampleIfNeeded's test: monitoring is on and the latency reaches the threshold. */
    public boolean reaches(long millis) {
        return thresholdMillis != 0 && millis >= thresholdMillis;
    }

    /** latencyAddSample: a second sample within the same second only raises that second's value. */
    public void add(String event, long millis, long unixSeconds) {
        Series ts = events.computeIfAbsent(event, e -> new Series());
        if (millis > ts.max) {
            ts.max = millis;
        }
        int prev = ts.last();
        if (ts.times[prev] == unixSeconds) {
            if (millis > ts.latencies[prev]) {
                ts.latencies[prev] = millis;
            }
            return;
        }
        ts.times[ts.next] = unixSeconds;
        ts.latencies[ts.next] = millis;
        ts.next = (ts.next + 1) % SAMPLES;
    }

    /** The event classes with their samples, in the order they first appeared. */
    public Map<String, Series> events() {
        return events;
    }

    public Series series(String event) {
        return events.get(event);
    }

    /** Forgets one event class (named in any case), or all of them for null; returns how many went. */
    public int reset(String event) {
        int resets = 0;
        for (Iterator<String> it = events.keySet().iterator(); it.hasNext(); ) {
            String name = it.next();
            if (event == null || name.equalsIgnoreCase(event)) {
                it.remove();
                resets++;
            }
        }
        return resets;
    }
}

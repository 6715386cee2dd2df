package io.nioredis.diagnostics;

import io.nioredis.config.Config;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the server records about its own behaviour for SLOWLOG, LATENCY, MONITOR and INFO latencystats,
 * kept in step with the configuration ({@code slowlog-*}, {@code latency-*}).
 */
public final class Diagnostics implements Config.Listener {
    public static final String PERCENTILES_RANGE =
            "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]";
    public static final String PERCENTILES_INVALID = "Invalid latency-tracking-info-percentiles parameters";

    public final SlowLog slowlog = new SlowLog();
    public final LatencyMonitor latency = new LatencyMonitor();
    public final MonitorFeed monitors = new MonitorFeed();
    /** latency-tracking: per-command histograms for INFO latencystats. */
    public boolean latencyTracking = true;
    private double[] percentiles = {50, 99, 99.9};
    /** Histograms by command full name, in the order the commands were first called. */
    private final Map<String, LatencyHistogram> histograms = new LinkedHashMap<>();
    private final Config config;

    public Diagnostics(Config config) {
        this.config = config;
        config.addValidator("latency-tracking-info-percentiles", new Config.Validator() { // not a lambda: see Config
            @Override
            public String check(String value) {
                return checkPercentiles(value);
            }
        });
        config.addListener(this);
        changed("");
    }

    @Override
    public void changed(String name) {
        slowlog.slowerThan(config.getLong("slowlog-log-slower-than"));
        slowlog.maxLen(config.getLong("slowlog-max-len"));
        latency.threshold(config.getLong("latency-monitor-threshold"));
        latencyTracking = config.get("latency-tracking").equals("yes");
        percentiles = parsePercentiles(config.get("latency-tracking-info-percentiles"));
    }

    /**
     * A latency sample of a periodic job ("expire-cycle", "eviction-cycle"), kept if it reaches the
     * threshold; Redis counts whole milliseconds.
     */
    public void sample(String event, long nanos, io.nioredis.store.Clock clock) {
        long millis = nanos / 1_000_000;
        if (latency.reaches(millis)) {
            latency.add(event, millis, clock.millis() / 1000);
        }
    }

    /** The histogram of a command, made on its first call; the caller keeps the reference. */
    public LatencyHistogram histogram(String fullName) {
        LatencyHistogram histogram = histograms.get(fullName);
        if (histogram == null) { // not computeIfAbsent: the first PING's path (see Config on lambdas)
            histogram = new LatencyHistogram();
            histograms.put(fullName, histogram);
        }
        return histogram;
    }

    /**
     * The histograms LATENCY HISTOGRAM shows for a name: the command's own and, for a container, each of
     * its subcommands' ({@code config} gives {@code config|get}, {@code config|set}...); only those with
     * samples. Null names every command.
     */
    public Map<String, LatencyHistogram> histograms(String name) {
        Map<String, LatencyHistogram> found = new LinkedHashMap<>();
        String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, LatencyHistogram> e : histograms.entrySet()) {
            String key = e.getKey();
            boolean matches = lower == null || key.equals(lower)
                    || (lower.indexOf('|') < 0 && key.startsWith(lower + "|"));
            if (matches && e.getValue().totalCount() > 0) {
                found.put(key, e.getValue());
            }
        }
        return found;
    }

    /** CONFIG RESETSTAT: as Redis frees the histograms, commands not called since are not listed. */
    public void resetHistograms() {
        for (LatencyHistogram h : histograms.values()) {
            h.reset();
        }
    }

    /**
     * The lines of INFO latencystats after its header, as Redis's fillPercentileDistributionLatencies:
     * {@code latency_percentiles_usec_get:p50=1.003,p99=2.007,p99.9=3.007}.
     */
    public void appendLatencyStats(StringBuilder b) {
        if (!latencyTracking) {
            return;
        }
        for (Map.Entry<String, LatencyHistogram> e : histograms.entrySet()) {
            LatencyHistogram h = e.getValue();
            if (h.totalCount() == 0) {
                continue;
            }
            b.append("latency_percentiles_usec_").append(e.getKey()).append(':');
            for (int j = 0; j < percentiles.length; j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append('p').append(trimmed(percentiles[j])).append('=')
                        .append(String.format(Locale.ROOT, "%.3f", h.valueAtPercentile(percentiles[j]) / 1000.0));
            }
            b.append("\r\n");
        }
    }

    /** Redis's "%f" then trimDoubleString: 50 -> "50", 99.9 -> "99.9". */
    static String trimmed(double v) {
        String s = String.format(Locale.ROOT, "%f", v);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }

    private static String checkPercentiles(String value) {
        for (String word : words(value)) {
            double p;
            try {
                p = Double.parseDouble(word);
            } catch (NumberFormatException e) {
                return PERCENTILES_INVALID;
            }
            if (!(p >= 0.0 && p <= 100.0)) {
                return PERCENTILES_RANGE;
            }
        }
        return null;
    }

    private static double[] parsePercentiles(String value) {
        String[] words = words(value);
        double[] p = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            p[i] = Double.parseDouble(words[i]);
        }
        return p;
    }

    private static String[] words(String value) {
        String t = value.trim();
        return io.nioredis.text.Words.split(t); // no regex: start-up code
    }
}

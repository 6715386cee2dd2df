package io.nioredis;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * INFO errorstats: error replies counted by their prefix (ERR, WRONGTYPE, NOAUTH...), as Redis's
 * incrementErrorCount, and their total for INFO stats' total_error_replies.
 */
public final class ErrorStats {
    /** Redis stops tracking new prefixes past 128 of them, so a flood of odd errors cannot grow the table. */
    private static final int MAX_PREFIXES = 128;

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private long total;

    /** Counts an error message (without the leading '-'). */
    public void count(String message) {
        int space = message.indexOf(' ');
        add(space < 0 ? message : message.substring(0, space));
    }

    /** Counts an error reply already written as {@code -PREFIX message\r\n} from {@code from}. */
    public void countReply(byte[] b, int from, int end) {
        int i = from;
        while (i < end && b[i] != ' ' && b[i] != '\r') {
            i++;
        }
        add(new String(b, from, i - from, StandardCharsets.US_ASCII));
    }

    private void add(String prefix) {
        total++;
        long[] n = counts.get(prefix);
        if (n == null) {
            if (counts.size() >= MAX_PREFIXES) {
                return;
            }
            counts.put(prefix, n = new long[1]);
        }
        n[0]++;
    }

    public long total() {
        return total;
    }

    public Map<String, long[]> byPrefix() {
        return counts;
    }

    public void reset() {
        counts.clear();
        total = 0;
    }
}

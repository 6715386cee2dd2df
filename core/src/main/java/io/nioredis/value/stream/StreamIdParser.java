package io.nioredis.value.stream;

/**
 * Parses stream IDs from argument bytes as Redis 7.0's streamGenericParseIDOrReply does: "-" and "+"
 * (unless strict), "ms" alone (the sequence is the caller's default), "ms-seq", and for XADD "*" and
 * "ms-*". The number parts follow Redis's string2ull: a canonical integer, or whatever C's strtoull
 * accepts in full (leading blanks, a sign, leading zeros), so "05", "+5" and " 5" are all 5.
 * Every failure is {@link StreamErrors#INVALID_ID}.
 */
public final class StreamIdParser {
    private StreamIdParser() {}

    /** Redis copies the argument into a 128-byte buffer and gives up on anything longer. */
    private static final int MAX_ID_LENGTH = 127;

    public static StreamId parse(byte[] a, int off, int len, long missingSeq) {
        return parse(a, off, len, missingSeq, false);
    }

    /** As {@link #parse} but "-" and "+" are refused: used wherever an actual entry id is meant. */
    public static StreamId parseStrict(byte[] a, int off, int len, long missingSeq) {
        return parse(a, off, len, missingSeq, true);
    }

    public static StreamId parse(byte[] a, int off, int len, long missingSeq, boolean strict) {
        if (len > MAX_ID_LENGTH) throw invalid();
        if (len == 1 && (a[off] == '-' || a[off] == '+')) {
            if (strict) throw invalid();
            return a[off] == '-' ? StreamId.MIN : StreamId.MAX;
        }
        int end = off + len;
        int dash = indexOf(a, off, end, (byte) '-');
        if (dash < 0) return new StreamId(parseUnsigned(a, off, end), missingSeq);
        long ms = parseUnsigned(a, off, dash);
        long seq = parseUnsigned(a, dash + 1, end);
        return new StreamId(ms, seq);
    }

    /** The XADD id: "*", "ms-*", or a strict id whose missing sequence is 0. */
    public static XaddId parseXaddId(byte[] a, int off, int len) {
        if (len == 1 && a[off] == '*') return XaddId.AUTO;
        if (len > MAX_ID_LENGTH) throw invalid();
        if (len >= 2 && a[off + len - 1] == '*' && a[off + len - 2] == '-') {
            int dash = indexOf(a, off, off + len, (byte) '-');
            if (dash == off + len - 2) return XaddId.autoSequence(parseUnsigned(a, off, dash));
        }
        StreamId id = parseStrict(a, off, len, 0);
        return XaddId.explicit(id.ms(), id.seq());
    }

    /**
     * A range bound as XRANGE, XREVRANGE, XPENDING and XAUTOCLAIM take it: "(" makes it exclusive,
     * which Redis implements by stepping the id once (up for a start, down for an end) and refusing
     * the step past either end of the id space.
     */
    public static StreamId parseRangeBound(byte[] a, int off, int len, boolean isStart) {
        long missingSeq = isStart ? 0 : -1L;
        boolean exclusive = len > 1 && a[off] == '(';
        if (!exclusive) return parse(a, off, len, missingSeq, false);
        StreamId id = parse(a, off + 1, len - 1, missingSeq, true);
        StreamId stepped = isStart ? id.incremented() : id.decremented();
        if (stepped == null) {
            throw new StreamException(isStart ? StreamErrors.INVALID_START_INTERVAL : StreamErrors.INVALID_END_INTERVAL);
        }
        return stepped;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) if (a[i] == b) return i;
        return -1;
    }

    /** Redis's string2ull on a[from, to). */
    static long parseUnsigned(byte[] a, int from, int to) {
        if (from >= to) throw invalid();
        if (EntryCodec.isCanonicalInteger(a, from, to - from)) {
            if (a[from] == '-') throw invalid(); // string2ll succeeded with a negative value
            return parseDigits(a, from, to);
        }
        return strtoull(a, from, to);
    }

    private static long parseDigits(byte[] a, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (a[i] - '0');
        return v;
    }

    /** C's strtoull in base 10, required to consume the whole text; a '-' sign negates modulo 2^64. */
    private static long strtoull(byte[] a, int from, int to) {
        int p = from;
        while (p < to && isCSpace(a[p])) p++;
        boolean negative = false;
        if (p < to && (a[p] == '+' || a[p] == '-')) {
            negative = a[p] == '-';
            p++;
        }
        if (p >= to) throw invalid();
        long v = 0;
        for (int i = p; i < to; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) throw invalid();
            // v * 10 + d must stay below 2^64 (unsigned)
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) throw invalid();
            long times10 = v * 10;
            long next = times10 + d;
            if (Long.compareUnsigned(next, times10) < 0) throw invalid();
            v = next;
        }
        return negative ? -v : v;
    }

    private static boolean isCSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }

    private static StreamException invalid() {
        return new StreamException(StreamErrors.INVALID_ID);
    }
}

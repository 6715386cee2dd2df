package io.nioredis.resp;

/**
 * Finds the second and third elements (the key, and a member or field, for most commands) of each complete
 * multibulk request ahead in a buffer, without parsing them: what the event loop hands to
 * {@link io.nioredis.store.Dict#prefetch} before it runs a pipeline. Anything unusual (an inline request, a
 * malformed or incomplete frame) ends the scan; the parser proper deals with it.
 */
public final class FirstArguments {
    private final int[] offsets;
    private final int[] lengths;
    private final int[] memberOffsets;
    private final int[] memberLengths;
    private int count;
    /** The number {@link #number} read last. */
    private long value;

    public FirstArguments(int capacity) {
        offsets = new int[capacity];
        lengths = new int[capacity];
        memberOffsets = new int[capacity];
        memberLengths = new int[capacity];
    }

    /** Scans b[from, to) for up to capacity requests with at least two elements; returns how many it found. */
    public int scan(byte[] b, int from, int to) {
        count = 0;
        int p = from;
        while (count < offsets.length && p < to && b[p] == '*') {
            int next = number(b, p + 1, to);
            if (next < 0) {
                break;
            }
            long elements = value;
            p = next;
            if (elements < 2 || elements > 1024 * 1024) {
                break;
            }
            for (long e = 0; e < elements; e++) {
                if (p >= to || b[p] != '$') {
                    return count;
                }
                next = number(b, p + 1, to);
                if (next < 0 || value < 0 || value > to - next - 2) {
                    return count;
                }
                if (e == 1) {
                    offsets[count] = next;
                    lengths[count] = (int) value;
                    memberOffsets[count] = -1;
                } else if (e == 2) {
                    memberOffsets[count] = next;
                    memberLengths[count] = (int) value;
                }
                p = next + (int) value + 2;
            }
            if (p > to) {
                break;
            }
            count++;
        }
        return count;
    }

    /** Where the found arguments start in the array scanned, the first {@link #scan} result of them. */
    public int[] offsets() {
        return offsets;
    }

    public int[] lengths() {
        return lengths;
    }

    /**
     * Where the third elements start (the member or field of most commands on a set or hash: SADD, HSET,
     * SISMEMBER, HGET), -1 for a request of two elements.
     */
    public int[] memberOffsets() {
        return memberOffsets;
    }

    public int[] memberLengths() {
        return memberLengths;
    }

    /** Reads the decimal number ending in CRLF at b[p...]; returns the position after the CRLF, or -1. */
    private int number(byte[] b, int p, int to) {
        long v = 0;
        int start = p;
        while (p < to && b[p] >= '0' && b[p] <= '9' && p - start < 18) {
            v = v * 10 + (b[p++] - '0');
        }
        if (p == start || p + 1 >= to || b[p] != '\r' || b[p + 1] != '\n') {
            return -1;
        }
        value = v;
        return p + 2;
    }
}

package io.nioredis.resp;

import io.nioredis.text.Ascii;

/**
 * Finds the keys (and a member or field with each, for most commands) of the complete multibulk requests
 * ahead in a buffer, without parsing them: what the event loop hands to {@link io.nioredis.store.Dict#prefetch}
 * before it runs a pipeline. Anything unusual (an inline request, a malformed or incomplete frame) ends the
 * scan; the parser proper deals with it.
 */
public final class RequestKeys {
    private final int[] offsets;
    private final int[] lengths;
    private final int[] memberOffsets;
    private final int[] memberLengths;
    /** The number {@link #number} read last. */
    private long value;

    public RequestKeys(int capacity) {
        offsets = new int[capacity];
        lengths = new int[capacity];
        memberOffsets = new int[capacity];
        memberLengths = new int[capacity];
    }

    /**
     * Scans b[from, to) for the keys of complete requests, up to capacity keys; returns how many it found.
     * A request's key is its second element, with the third as its member; MSET and MSETNX name a key in
     * every other element, MGET, DEL, UNLINK, EXISTS and TOUCH in every one after the name.
     */
    public int scan(byte[] b, int from, int to) {
        int count = 0;
        int complete = 0; // keys of the requests read whole
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
            int keys = ONE_KEY;
            for (long e = 0; e < elements; e++) {
                if (p >= to || b[p] != '$') {
                    return complete;
                }
                next = number(b, p + 1, to);
                if (next < 0 || value < 0 || value > to - next - 2) {
                    return complete;
                }
                int length = (int) value;
                if (e == 0) {
                    keys = keysOf(b, next, length);
                } else if (count < offsets.length
                        && (e == 1 || keys == EVERY || keys == EVERY_OTHER && (e & 1) == 1)) {
                    offsets[count] = next;
                    lengths[count] = length;
                    memberOffsets[count++] = -1;
                } else if (e == 2 && keys == ONE_KEY) {
                    memberOffsets[count - 1] = next;
                    memberLengths[count - 1] = length;
                }
                p = next + length + 2;
            }
            complete = count;
        }
        return complete;
    }

    private static final int ONE_KEY = 0;
    private static final int EVERY = 1;
    private static final int EVERY_OTHER = 2;
    private static final byte[][] EVERY_NAMES = {
        {'m', 'g', 'e', 't'}, {'d', 'e', 'l'}, {'u', 'n', 'l', 'i', 'n', 'k'}, {'e', 'x', 'i', 's', 't', 's'},
        {'t', 'o', 'u', 'c', 'h'}};
    private static final byte[][] EVERY_OTHER_NAMES = {{'m', 's', 'e', 't'}, {'m', 's', 'e', 't', 'n', 'x'}};

    /** Where the command named at b[off, off + len) has its keys. */
    private static int keysOf(byte[] b, int off, int len) {
        byte first = Ascii.toLower(b[off]);
        if (len < 3 || len > 6 || first != 'm' && first != 'd' && first != 'u' && first != 'e' && first != 't') {
            return ONE_KEY; // most commands: decided by the first letter
        }
        for (byte[] name : EVERY_NAMES) {
            if (Ascii.equalsIgnoreCase(b, off, len, name)) {
                return EVERY;
            }
        }
        for (byte[] name : EVERY_OTHER_NAMES) {
            if (Ascii.equalsIgnoreCase(b, off, len, name)) {
                return EVERY_OTHER;
            }
        }
        return ONE_KEY;
    }

    /** Where the keys found start in the array scanned, the first {@link #scan} result of them. */
    public int[] offsets() {
        return offsets;
    }

    public int[] lengths() {
        return lengths;
    }

    /**
     * Where each key's member starts (a request's third element: the member or field of most commands on a
     * set or hash, SADD, HSET, SISMEMBER, HGET), -1 for none.
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

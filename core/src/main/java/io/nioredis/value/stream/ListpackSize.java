package io.nioredis.value.stream;

/**
 * The byte sizes Redis's listpack would give the same stream node. The Java node is laid out
 * differently (and smaller), but Redis decides where one node ends and the next begins by its
 * listpack's byte size (stream-node-max-bytes), and approximate trimming removes whole nodes only:
 * to trim exactly as Redis does, each node tracks the size Redis's listpack would have.
 */
final class ListpackSize {
    private ListpackSize() {}

    /** Total header (4-byte size, 2-byte count) plus the end byte of an empty listpack. */
    static final int EMPTY = 7;

    /** Size of an element holding the integer v (encoding + data + back-length). */
    static int ofInteger(long v) {
        return withBackLength(integerEncodingSize(v));
    }

    /** Size of an element holding the string a[off, off+len): integer-encoded when it is a canonical integer. */
    static int ofString(byte[] a, int off, int len) {
        if (len <= 20 && EntryCodec.isCanonicalInteger(a, off, len)) {
            return ofInteger(EntryCodec.parseCanonicalInteger(a, off, len));
        }
        int encoded;
        if (len < 64) encoded = 1 + len;
        else if (len < 4096) encoded = 2 + len;
        else encoded = 5 + len;
        return withBackLength(encoded);
    }

    private static int integerEncodingSize(long v) {
        if (v >= 0 && v <= 127) return 1;
        if (v >= -4096 && v <= 4095) return 2;
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) return 3;
        if (v >= -8388608 && v <= 8388607) return 4;
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) return 5;
        return 9;
    }

    private static int withBackLength(int encoded) {
        if (encoded <= 127) return encoded + 1;
        if (encoded < 16383) return encoded + 2;
        if (encoded < 2097151) return encoded + 3;
        if (encoded < 268435455) return encoded + 4;
        return encoded + 5;
    }
}

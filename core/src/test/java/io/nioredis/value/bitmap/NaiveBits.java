package io.nioredis.value.bitmap;

/** The reference model for the property tests: a bitmap read one bit at a time, with no cleverness. */
final class NaiveBits {
    static int bit(byte[] value, int length, long i) {
        if (i < 0 || i >= (long) length * 8) {
            return 0;
        }
        return (value[(int) (i / 8)] >> (7 - (int) (i % 8))) & 1;
    }

    /** Set bits with index in [from, to] (bit indexes, already resolved and clamped). */
    static long count(byte[] value, int length, long from, long to) {
        long n = 0;
        for (long i = from; i <= to; i++) {
            n += bit(value, length, i);
        }
        return n;
    }

    /** The first index in [from, to] holding {@code b}, or -1. */
    static long first(byte[] value, int length, int b, long from, long to) {
        for (long i = from; i <= to; i++) {
            if (bit(value, length, i) == b) {
                return i;
            }
        }
        return -1;
    }

    private NaiveBits() {
    }
}

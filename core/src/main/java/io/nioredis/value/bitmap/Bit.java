package io.nioredis.value.bitmap;

import io.nioredis.text.Ascii;

/** GETBIT and SETBIT: one bit of a string, bit 0 being the most significant bit of the first byte. */
public final class Bit {

    /** GETBIT: the bit at {@code offset}; bits past the end of the string read as 0. */
    public static int get(byte[] a, int from, int length, long offset) {
        long index = offset >>> 3;
        if (index >= length) {
            return 0;
        }
        return (a[from + (int) index] >> (7 - (int) (offset & 7))) & 1;
    }

    /**
     * SETBIT: sets the bit at {@code offset} to {@code bit} (0 or 1) and returns the bit it replaced. The array must
     * hold at least {@link #bytesNeeded(long)} bytes: grow it (zero padded) first, as Redis does before writing.
     */
    public static int set(byte[] value, int from, long offset, int bit) {
        int index = from + (int) (offset >>> 3);
        int shift = 7 - (int) (offset & 7);
        int old = (value[index] >> shift) & 1;
        value[index] = (byte) ((value[index] & ~(1 << shift)) | (bit << shift));
        return old;
    }

    /** The string length SETBIT at {@code offset} needs: Redis grows the string to hold that bit's byte. */
    public static long bytesNeeded(long offset) {
        return (offset >>> 3) + 1;
    }

    /**
     * SETBIT's value argument: 0 or 1 as Redis parses it (an integer whose only bit is the lowest), or -1 for
     * anything else (Redis's "bit is not an integer or out of range").
     */
    public static int parseBitValue(byte[] arg) {
        if (!Ascii.isLong(arg, 0, arg.length)) {
            return -1;
        }
        long v = Ascii.parseLong(arg, 0, arg.length);
        return v == 0 || v == 1 ? (int) v : -1;
    }

    private Bit() {
    }
}

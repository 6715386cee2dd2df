package io.nioredis.rdb;

/**
 * Redis's intset blob: a 4-byte encoding (2, 4 or 8: the width of every element), a 4-byte count and
 * the elements sorted ascending, all little endian. The encoding is the smallest that holds every element.
 */
public final class Intset {
    private static final int HEADER_SIZE = 8;

    private Intset() {}

    /** Encodes values that are already sorted ascending and distinct, in the narrowest width. */
    public static byte[] encode(long[] sortedDistinct) {
        return encode(sortedDistinct, 2);
    }

    /**
     * Encodes values that are already sorted ascending and distinct, each at least {@code minWidth} bytes
     * wide (2, 4 or 8): Redis never narrows an intset whose wide member was removed.
     */
    public static byte[] encode(long[] sortedDistinct, int minWidth) {
        int width = minWidth;
        for (long v : sortedDistinct) {
            width = Math.max(width, widthOf(v));
        }
        byte[] out = new byte[HEADER_SIZE + width * sortedDistinct.length];
        putLittleEndian(out, 0, width, 4);
        putLittleEndian(out, 4, sortedDistinct.length, 4);
        int p = HEADER_SIZE;
        for (long v : sortedDistinct) {
            putLittleEndian(out, p, v, width);
            p += width;
        }
        return out;
    }

    private static int widthOf(long v) {
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return 2;
        }
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? 4 : 8;
    }

    /**
     * Decodes and validates as intsetValidateIntegrity does with deep checking: a known encoding, a size
     * that matches the count, at least one element, strictly ascending.
     */
    public static long[] decode(byte[] blob) throws RdbFormatException {
        if (blob.length < HEADER_SIZE) {
            throw corrupt("shorter than its header");
        }
        long width = littleEndian(blob, 0, 4);
        if (width != 2 && width != 4 && width != 8) {
            throw corrupt("unknown encoding " + width);
        }
        long count = littleEndian(blob, 4, 4);
        if (count == 0) {
            throw corrupt("empty intset");
        }
        if (HEADER_SIZE + count * width != blob.length) {
            throw corrupt(count + " elements of " + width + " bytes do not fill " + blob.length + " bytes");
        }
        long[] values = new long[(int) count];
        int unused = 64 - 8 * (int) width;
        for (int i = 0; i < count; i++) {
            long v = littleEndian(blob, HEADER_SIZE + i * (int) width, (int) width);
            values[i] = (v << unused) >> unused;
            if (i > 0 && values[i] <= values[i - 1]) {
                throw corrupt("elements not strictly ascending");
            }
        }
        return values;
    }

    /** The element width (2, 4 or 8) of a blob {@link #decode} accepted. */
    public static int width(byte[] blob) {
        return (int) littleEndian(blob, 0, 4);
    }

    private static long littleEndian(byte[] b, int p, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= (b[p + i] & 0xffL) << (8 * i);
        }
        return v;
    }

    private static void putLittleEndian(byte[] b, int p, long v, int width) {
        for (int i = 0; i < width; i++) {
            b[p + i] = (byte) (v >>> (8 * i));
        }
    }

    private static RdbFormatException corrupt(String why) {
        return new RdbFormatException("Intset integrity check failed: " + why);
    }
}

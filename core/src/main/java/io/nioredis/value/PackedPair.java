package io.nioredis.value;

/**
 * The layout of one field/value pair of a small hash's packed array: a header, then the field's bytes, then
 * the value's. The header's first byte holds the field's length in its high nibble and the value's in its
 * low one; a nibble of 15 says that length is too long for it and follows as a varint (field's first):
 * one byte below 128, else two (high bit set, then 15 bits, big-endian), so up to {@link #MAX_LENGTH}. A
 * pair of short strings (fields and values under 15 bytes, the common case) thus costs one byte of header,
 * a listpack's two entries four (two encodings, two back-lengths). Pairs follow one another with no padding
 * and no pointers. Unlike a listpack (and the list's {@link PackedEntry}) there is no back-length, as the
 * array is only walked forwards, and integers stay text, because a hash hands out its fields and values as
 * views into the array.
 */
final class PackedPair {
    /** The longest field or value a header can describe. */
    static final int MAX_LENGTH = 0x7fff;
    private static final int LONG = 15;

    private PackedPair() {}

    /** Bytes of the header of a pair with these lengths. */
    static int headerSize(int fieldLength, int valueLength) {
        return 1 + extraSize(fieldLength) + extraSize(valueLength);
    }

    /** Bytes of a pair with these lengths. */
    static int size(int fieldLength, int valueLength) {
        return headerSize(fieldLength, valueLength) + fieldLength + valueLength;
    }

    /** Bytes of the header of the pair at {@code pos}. */
    static int headerSizeAt(byte[] packed, int pos) {
        int first = packed[pos];
        int size = 1;
        if (((first >> 4) & 15) == LONG) {
            size += varintSizeAt(packed, pos + 1);
        }
        if ((first & 15) == LONG) {
            size += varintSizeAt(packed, pos + size);
        }
        return size;
    }

    /** Where the field of the pair at {@code pos} starts. */
    static int fieldOffset(byte[] packed, int pos) {
        return pos + headerSizeAt(packed, pos);
    }

    static int fieldLength(byte[] packed, int pos) {
        int n = (packed[pos] >> 4) & 15;
        return n != LONG ? n : varintAt(packed, pos + 1);
    }

    static int valueLength(byte[] packed, int pos) {
        int first = packed[pos];
        int n = first & 15;
        if (n != LONG) {
            return n;
        }
        return varintAt(packed, ((first >> 4) & 15) == LONG ? pos + 1 + varintSizeAt(packed, pos + 1) : pos + 1);
    }

    /** Where the value of the pair at {@code pos} starts. */
    static int valueOffset(byte[] packed, int pos) {
        return fieldOffset(packed, pos) + fieldLength(packed, pos);
    }

    /** Start of the pair after the one at {@code pos}. */
    static int next(byte[] packed, int pos) {
        return valueOffset(packed, pos) + valueLength(packed, pos);
    }

    /** Writes a pair's header at {@code pos}; returns its size. */
    static int writeHeader(byte[] packed, int pos, int fieldLength, int valueLength) {
        packed[pos] = (byte) (Math.min(fieldLength, LONG) << 4 | Math.min(valueLength, LONG));
        int p = pos + 1;
        if (fieldLength >= LONG) {
            p += writeVarint(packed, p, fieldLength);
        }
        if (valueLength >= LONG) {
            p += writeVarint(packed, p, valueLength);
        }
        return p - pos;
    }

    /** Writes a pair at {@code pos}; returns its size. */
    static int write(byte[] packed, int pos, byte[] f, int foff, int flen, byte[] v, int voff, int vlen) {
        int p = pos + writeHeader(packed, pos, flen, vlen);
        System.arraycopy(f, foff, packed, p, flen);
        System.arraycopy(v, voff, packed, p + flen, vlen);
        return p + flen + vlen - pos;
    }

    private static int extraSize(int length) {
        return length < LONG ? 0 : length < 0x80 ? 1 : 2;
    }

    private static int varintSizeAt(byte[] packed, int pos) {
        return packed[pos] >= 0 ? 1 : 2;
    }

    private static int varintAt(byte[] packed, int pos) {
        int first = packed[pos];
        return first >= 0 ? first : ((first & 0x7f) << 8) | (packed[pos + 1] & 0xff);
    }

    private static int writeVarint(byte[] packed, int pos, int length) {
        if (length < 0x80) {
            packed[pos] = (byte) length;
            return 1;
        }
        packed[pos] = (byte) (0x80 | (length >>> 8));
        packed[pos + 1] = (byte) length;
        return 2;
    }
}

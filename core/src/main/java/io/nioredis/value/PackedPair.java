package io.nioredis.value;

/**
 * The layout of one field/value pair of a small hash's packed array: {@code [field length][field bytes]
 * [value length][value bytes]}, each length one byte below 128, else two bytes (high bit set, then 15 bits
 * of length, big-endian), so up to {@link #MAX_LENGTH}. Like Redis's listpack, pairs follow one another
 * with no padding and no pointers. Unlike it (and unlike the list's {@link PackedEntry}) there is no
 * back-length, as the array is only walked forwards, and integers stay text, because a hash hands out its
 * fields and values as views into the array.
 */
final class PackedPair {
    /** The longest field or value a length header can describe. */
    static final int MAX_LENGTH = 0x7fff;

    private PackedPair() {}

    /** Bytes of the length header for a length. */
    static int headerSize(int length) {
        return length < 0x80 ? 1 : 2;
    }

    /** Bytes of the length header starting at {@code pos}. */
    static int headerSizeAt(byte[] packed, int pos) {
        return packed[pos] >= 0 ? 1 : 2;
    }

    /** The length stored in the header at {@code pos}. */
    static int lengthAt(byte[] packed, int pos) {
        int first = packed[pos];
        return first >= 0 ? first : ((first & 0x7f) << 8) | (packed[pos + 1] & 0xff);
    }

    /** Writes a length header at {@code pos}; returns its size. */
    static int writeLength(byte[] packed, int pos, int length) {
        if (length < 0x80) {
            packed[pos] = (byte) length;
            return 1;
        }
        packed[pos] = (byte) (0x80 | (length >>> 8));
        packed[pos + 1] = (byte) length;
        return 2;
    }

    /** Bytes of an entry with these lengths. */
    static int size(int fieldLength, int valueLength) {
        return headerSize(fieldLength) + fieldLength + headerSize(valueLength) + valueLength;
    }

    /** Start of the value's length header of the entry at {@code pos}. */
    static int valueHeaderAt(byte[] packed, int pos) {
        return pos + headerSizeAt(packed, pos) + lengthAt(packed, pos);
    }

    /** Start of the entry after the one at {@code pos}. */
    static int next(byte[] packed, int pos) {
        int value = valueHeaderAt(packed, pos);
        return value + headerSizeAt(packed, value) + lengthAt(packed, value);
    }

    /** Writes an entry at {@code pos}; returns its size. */
    static int write(byte[] packed, int pos, byte[] f, int foff, int flen, byte[] v, int voff, int vlen) {
        int p = pos + writeLength(packed, pos, flen);
        System.arraycopy(f, foff, packed, p, flen);
        p += flen;
        p += writeLength(packed, p, vlen);
        System.arraycopy(v, voff, packed, p, vlen);
        return p + vlen - pos;
    }
}

package io.nioredis.store;

/**
 * A string key and its value packed into one byte array: {@code [header, varint][key][value]}, the header
 * being the key's length times four plus the encoding mark. One object per key instead of an entry plus two
 * arrays saves two object headers and two references per key, which is most of the per-key cost at small
 * sizes.
 *
 * <p>The mark says how Redis made the value's object, which decides what OBJECT ENCODING reports:
 * {@link #BY_VALUE} through tryObjectEncoding (SET, INCR, loading: int, embstr or raw by the bytes), {@link #RAW}
 * when Redis changed the string in place (APPEND, SETRANGE, SETBIT, BITFIELD, the HyperLogLog commands) or
 * built it (BITOP), {@link #NOT_INT} when it made a string object without trying an integer (INCRBYFLOAT:
 * embstr or raw by length), {@link #COPIED} for COPY's duplicate of a by-value one (the same encoding, but an
 * integer in its own object, never one of the shared ones). The mark is the low two bits of the first byte, so
 * changing it never moves the key.
 */
public final class StringEntry {
    public static final int BY_VALUE = 0;
    public static final int RAW = 1;
    public static final int NOT_INT = 2;
    public static final int COPIED = 3;

    private StringEntry() {}

    public static byte[] create(byte[] k, int koff, int klen, byte[] v, int voff, int vlen) {
        int header = varintLength(klen << 2);
        byte[] e = new byte[header + klen + vlen];
        writeVarint(e, klen << 2);
        System.arraycopy(k, koff, e, header, klen);
        System.arraycopy(v, voff, e, header + klen, vlen);
        return e;
    }

    /** A new entry whose value is {@code vlen} zero bytes, as Redis creates a string for a bit command. */
    public static byte[] createZeroed(byte[] k, int koff, int klen, int vlen) {
        int header = varintLength(klen << 2);
        byte[] e = new byte[header + klen + vlen];
        writeVarint(e, klen << 2);
        System.arraycopy(k, koff, e, header, klen);
        return e;
    }

    /** A new entry with the key (and the encoding mark) of {@code e} and another value. */
    public static byte[] withValue(byte[] e, byte[] v, int voff, int vlen) {
        int valueOffset = valueOffset(e);
        byte[] n = new byte[valueOffset + vlen];
        System.arraycopy(e, 0, n, 0, valueOffset);
        System.arraycopy(v, voff, n, valueOffset, vlen);
        return n;
    }

    public static int keyOffset(byte[] e) {
        return e[0] >= 0 ? 1 : varintLength(header(e));
    }

    public static int keyLength(byte[] e) {
        int b = e[0];
        return (b >= 0 ? b : header(e)) >>> 2;
    }

    private static int header(byte[] e) {
        int b = e[0];
        if (b >= 0) {
            return b;
        }
        int v = b & 0x7f;
        int shift = 7;
        int i = 1;
        do {
            b = e[i++];
            v |= (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }

    public static int valueOffset(byte[] e) {
        int header = header(e);
        return varintLength(header) + (header >>> 2);
    }

    public static int valueLength(byte[] e) {
        return e.length - valueOffset(e);
    }

    /** How Redis made the value's object: {@link #BY_VALUE}, {@link #RAW}, {@link #NOT_INT} or {@link #COPIED}. */
    public static int made(byte[] e) {
        return e[0] & 3;
    }

    /** Records how Redis made the value's object (see the class comment); returns {@code e}. */
    public static byte[] made(byte[] e, int how) {
        e[0] = (byte) ((e[0] & ~3) | how);
        return e;
    }

    static int varintLength(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private static void writeVarint(byte[] e, int v) {
        int i = 0;
        while ((v & ~0x7f) != 0) {
            e[i++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        e[i] = (byte) v;
    }
}

package io.nioredis.store;

/**
 * A string key and its value packed into one byte array: {@code [key length, varint][key][value]}.
 * One object per key instead of an entry plus two arrays saves two object headers and two references
 * per key, which is most of the per-key cost at small sizes.
 */
public final class StringEntry {
    private StringEntry() {}

    public static byte[] create(byte[] k, int koff, int klen, byte[] v, int voff, int vlen) {
        int header = varintLength(klen);
        byte[] e = new byte[header + klen + vlen];
        writeVarint(e, klen);
        System.arraycopy(k, koff, e, header, klen);
        System.arraycopy(v, voff, e, header + klen, vlen);
        return e;
    }

    /** A new entry whose value is {@code vlen} zero bytes, as Redis creates a string for a bit command. */
    public static byte[] createZeroed(byte[] k, int koff, int klen, int vlen) {
        int header = varintLength(klen);
        byte[] e = new byte[header + klen + vlen];
        writeVarint(e, klen);
        System.arraycopy(k, koff, e, header, klen);
        return e;
    }

    /** A new entry with the key of {@code e} and another value. */
    public static byte[] withValue(byte[] e, byte[] v, int voff, int vlen) {
        int valueOffset = valueOffset(e);
        byte[] n = new byte[valueOffset + vlen];
        System.arraycopy(e, 0, n, 0, valueOffset);
        System.arraycopy(v, voff, n, valueOffset, vlen);
        return n;
    }

    public static int keyOffset(byte[] e) {
        return e[0] >= 0 ? 1 : varintLength(keyLength(e));
    }

    public static int keyLength(byte[] e) {
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
        int klen = keyLength(e);
        return varintLength(klen) + klen;
    }

    public static int valueLength(byte[] e) {
        return e.length - valueOffset(e);
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

package io.nioredis.store;

/**
 * A hash's field and its value, or a set's member (with an empty value), packed into one byte array of its
 * own: {@code [header, varint][field][value]}, the header being the field's length times four, the value
 * running to the array's end. One object per member instead of an entry plus two arrays saves two object
 * headers and two references, which is most of the per-member cost at small sizes. The header is read as a
 * keyspace {@link StringEntry}'s is, which is how the {@link Dict} finds both.
 */
public final class FieldEntry {
    private FieldEntry() {}

    public static byte[] create(byte[] k, int koff, int klen, byte[] v, int voff, int vlen) {
        int header = StringEntry.varintLength(klen << 2);
        byte[] e = new byte[header + klen + vlen];
        StringEntry.writeVarint(e, 0, klen << 2);
        System.arraycopy(k, koff, e, header, klen);
        System.arraycopy(v, voff, e, header + klen, vlen);
        return e;
    }

    /** A new entry with the field of {@code e} and another value. */
    public static byte[] withValue(byte[] e, byte[] v, int voff, int vlen) {
        int valueOffset = valueOffset(e);
        byte[] n = new byte[valueOffset + vlen];
        System.arraycopy(e, 0, n, 0, valueOffset);
        System.arraycopy(v, voff, n, valueOffset, vlen);
        return n;
    }

    public static int keyOffset(byte[] e) {
        return StringEntry.keyOffset(e, 0);
    }

    public static int keyLength(byte[] e) {
        return StringEntry.keyLength(e, 0);
    }

    public static int valueOffset(byte[] e) {
        return keyOffset(e) + keyLength(e);
    }

    public static int valueLength(byte[] e) {
        return e.length - valueOffset(e);
    }
}

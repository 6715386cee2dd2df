package io.nioredis.store;

/**
 * A string key and its value packed into bytes: {@code [header, varint][key][value length, varint][value]},
 * the header being the key's length times four plus the encoding mark. An entry starts at its base in an
 * array that may hold other entries (see {@link Keyspace}), so every method takes the array and the base, and
 * offsets are the array's. Keeping key and value together instead of an entry plus two arrays saves two object
 * headers and two references per key, which is most of the per-key cost at small sizes.
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

    /** Bytes an entry of this key and value length takes. */
    public static int size(int klen, int vlen) {
        return varintLength(klen << 2) + klen + varintLength(vlen) + vlen;
    }

    /** Bytes the entry at {@code b} takes. */
    public static int size(byte[] e, int b) {
        int valueOffset = valueOffset(e, b);
        return valueOffset - b + valueLength(e, b);
    }

    /**
     * Writes an entry at {@code b} ({@link #size} bytes) with this key, a value of {@code vlen} bytes and the
     * mark; returns the value's offset, where the caller puts the value.
     */
    public static int write(byte[] e, int b, byte[] k, int koff, int klen, int vlen, int made) {
        int at = writeVarint(e, b, (klen << 2) | made);
        System.arraycopy(k, koff, e, at, klen);
        return writeVarint(e, at + klen, vlen);
    }

    public static int keyOffset(byte[] e, int b) {
        return e[b] >= 0 ? b + 1 : b + varintLength(readVarint(e, b));
    }

    public static int keyLength(byte[] e, int b) {
        int h = e[b];
        return (h >= 0 ? h : readVarint(e, b)) >>> 2;
    }

    public static int valueOffset(byte[] e, int b) {
        int lengthAt = valueLengthAt(e, b);
        return e[lengthAt] >= 0 ? lengthAt + 1 : lengthAt + varintLength(readVarint(e, lengthAt));
    }

    public static int valueLength(byte[] e, int b) {
        int lengthAt = valueLengthAt(e, b);
        int v = e[lengthAt];
        return v >= 0 ? v : readVarint(e, lengthAt);
    }

    /** Where the value of the entry at {@code b} would start with a value of {@code vlen} bytes. */
    public static int valueOffsetFor(byte[] e, int b, int vlen) {
        return valueLengthAt(e, b) + varintLength(vlen);
    }

    /**
     * Gives the entry at {@code b} a value length of {@code vlen}, the key unchanged; returns where the value
     * now starts ({@link #valueOffsetFor}). The caller makes sure the room is there and fills the value.
     */
    public static int rewriteValueLength(byte[] e, int b, int vlen) {
        return writeVarint(e, valueLengthAt(e, b), vlen);
    }

    /** Where the value's length is written: right after the key. */
    private static int valueLengthAt(byte[] e, int b) {
        return keyOffset(e, b) + keyLength(e, b);
    }

    /** How Redis made the value's object: {@link #BY_VALUE}, {@link #RAW}, {@link #NOT_INT} or {@link #COPIED}. */
    public static int made(byte[] e, int b) {
        return e[b] & 3;
    }

    /** Records how Redis made the value's object (see the class comment). */
    public static void made(byte[] e, int b, int how) {
        e[b] = (byte) ((e[b] & ~3) | how);
    }

    static int varintLength(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code v} at {@code at}; returns the offset after it. */
    static int writeVarint(byte[] e, int at, int v) {
        while ((v & ~0x7f) != 0) {
            e[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        e[at] = (byte) v;
        return at + 1;
    }

    private static int readVarint(byte[] e, int at) {
        int b = e[at];
        int v = b & 0x7f;
        int shift = 7;
        while (b < 0) {
            b = e[++at];
            v |= (b & 0x7f) << shift;
            shift += 7;
        }
        return v;
    }
}

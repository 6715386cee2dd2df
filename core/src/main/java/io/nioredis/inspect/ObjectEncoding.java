package io.nioredis.inspect;

import io.nioredis.store.StringEntry;
import io.nioredis.text.Ascii;
import io.nioredis.value.HashValue;
import io.nioredis.value.ListValue;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;

/**
 * The encoding Redis 7.0 would report (OBJECT ENCODING, DEBUG OBJECT) for the representation a value has
 * here, and whether Redis would hold it as a shared object.
 *
 * <p>Strings follow tryObjectEncoding on the bytes: a strict decimal of at most 20 characters that fits
 * in 64 bits is {@code int}, other values of at most 44 bytes are {@code embstr}, longer ones {@code raw}.
 * A string Redis changed in place (APPEND, SETRANGE, the bit and HyperLogLog commands) or built (BITOP) is
 * {@code raw} whatever its length, and one made without trying an integer (INCRBYFLOAT) is never
 * {@code int}: the entry carries that mark (see StringEntry).
 */
public final class ObjectEncoding {
    /** OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
    private static final int EMBSTR_LIMIT = 44;
    /** OBJ_SHARED_INTEGERS: values 0..9999 are one shared object each. */
    private static final long SHARED_INTEGERS = 10_000;
    /** OBJ_SHARED_REFCOUNT, which OBJECT REFCOUNT reports for shared objects. */
    public static final long SHARED_REFCOUNT = Integer.MAX_VALUE;

    private ObjectEncoding() {}

    /** OBJECT ENCODING of a keyspace entry (a string's at {@code base} in {@code entry}). */
    public static String of(Object entry, int base) {
        if (entry instanceof byte[] e) {
            int made = StringEntry.made(e, base);
            if (made == StringEntry.RAW) {
                return "raw";
            }
            int off = StringEntry.valueOffset(e, base);
            int len = StringEntry.valueLength(e, base);
            if (made != StringEntry.NOT_INT && Ascii.isLong(e, off, len)) {
                return "int";
            }
            return len <= EMBSTR_LIMIT ? "embstr" : "raw";
        }
        if (entry instanceof ListValue) {
            return "quicklist"; // Redis 7.0 reports quicklist for every list, even a one-node one
        }
        if (entry instanceof HashValue h) {
            return h.isSmall() ? "listpack" : "hashtable";
        }
        if (entry instanceof SetValue s) {
            return s.isIntset() ? "intset" : "hashtable";
        }
        if (entry instanceof SortedSetValue z) {
            return z.compact() ? "listpack" : "skiplist";
        }
        if (entry instanceof io.nioredis.value.stream.Stream) {
            return "stream";
        }
        throw new IllegalArgumentException("no encoding for " + entry.getClass().getSimpleName());
    }

    /**
     * OBJECT REFCOUNT: integers 0..9999 are Redis's shared objects unless {@code sharingDisabled} (maxmemory
     * with an LRU or LFU policy, which needs a private object per key for its access data); everything
     * else has one reference, the keyspace's.
     */
    public static long refcount(Object entry, int base, boolean sharingDisabled) {
        if (!sharingDisabled && entry instanceof byte[] e && StringEntry.made(e, base) == StringEntry.BY_VALUE) {
            int off = StringEntry.valueOffset(e, base);
            int len = StringEntry.valueLength(e, base);
            if (Ascii.isLong(e, off, len)) {
                long v = Ascii.parseLong(e, off, len);
                if (v >= 0 && v < SHARED_INTEGERS) {
                    return SHARED_REFCOUNT;
                }
            }
        }
        return 1;
    }
}

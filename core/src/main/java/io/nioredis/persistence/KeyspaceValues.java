package io.nioredis.persistence;

import io.nioredis.rdb.RdbValue;
import io.nioredis.store.Keyspace;
import io.nioredis.value.RdbConversion;

/**
 * A keyspace entry (a packed string entry or one of the aggregate values) as the snapshot writers need it:
 * its key, and its value in the RDB codec's neutral {@link RdbValue} ({@link RdbConversion}'s, which DUMP
 * uses too). Byte arrays are copied out of packed entries and shared otherwise, so a converted value must be
 * serialized before the entry changes.
 */
final class KeyspaceValues {
    private KeyspaceValues() {}

    /** The value's key, a copy of a string's (the entry at {@code base} in {@code entry}). */
    static byte[] key(Object entry, int base) {
        return Keyspace.keyOf(entry, base);
    }

    /**
     * The entry's value (a string's at {@code base}), as DUMP converts it; an unknown kind of value throws
     * IllegalStateException, since a snapshot must not leave a key out.
     */
    static RdbValue toRdb(Object entry, int base) {
        RdbValue value = RdbConversion.toRdb(entry, base);
        if (value == null) {
            throw new IllegalStateException("a " + entry.getClass().getSimpleName()
                    + " value cannot be saved in an RDB file yet");
        }
        return value;
    }
}

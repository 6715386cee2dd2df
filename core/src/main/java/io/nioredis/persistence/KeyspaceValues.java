package io.nioredis.persistence;

import io.nioredis.rdb.RdbValue;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.HashValue;
import io.nioredis.value.ListValue;
import io.nioredis.value.RdbConversion;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamRdb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between a keyspace entry (a packed string entry or one of the aggregate values) and the RDB
 * codec's neutral {@link RdbValue}. Byte arrays are copied out of packed entries and shared otherwise,
 * so a converted value must be serialized before the entry changes.
 */
final class KeyspaceValues {
    private KeyspaceValues() {}

    /** The value's key, a copy of a string's (the entry at {@code base} in {@code entry}). */
    static byte[] key(Object entry, int base) {
        return Keyspace.keyOf(entry, base);
    }

    /** The entry's value (a string's at {@code base}); an unknown kind of value throws IllegalStateException. */
    static RdbValue toRdb(Object entry, int base) {
        if (entry instanceof byte[] e) {
            int off = StringEntry.valueOffset(e, base);
            return new RdbValue.StringValue(Arrays.copyOfRange(e, off, off + StringEntry.valueLength(e, base)));
        }
        if (entry instanceof ListValue l) {
            return new RdbValue.PackedListValue(l.listpacks());
        }
        if (entry instanceof SetValue s) {
            return RdbConversion.setToRdb(s);
        }
        if (entry instanceof HashValue h) {
            List<RdbValue.HashEntry> entries = new ArrayList<>(h.size());
            for (int i = 0; i < h.handleLimit(); i++) {
                if (h.has(i)) {
                    byte[] field = Arrays.copyOfRange(h.fieldArray(i), h.fieldOffset(i),
                            h.fieldOffset(i) + h.fieldLength(i));
                    byte[] value = Arrays.copyOfRange(h.valueArray(i), h.valueOffset(i),
                            h.valueOffset(i) + h.valueLength(i));
                    entries.add(new RdbValue.HashEntry(field, value));
                }
            }
            return new RdbValue.HashValue(entries);
        }
        if (entry instanceof SortedSetValue z) {
            List<RdbValue.ScoredMember> members = new ArrayList<>((int) z.size());
            z.forEach(false, (b, off, len, score) ->
                    members.add(new RdbValue.ScoredMember(Arrays.copyOfRange(b, off, off + len), score)));
            return new RdbValue.SortedSetValue(members);
        }
        if (entry instanceof Stream s) {
            return StreamRdb.toRdb(s);
        }
        throw new IllegalStateException("a " + entry.getClass().getSimpleName() + " value cannot be saved in an RDB"
                + " file yet");
    }
}

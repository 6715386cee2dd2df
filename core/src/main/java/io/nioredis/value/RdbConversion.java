package io.nioredis.value;

import io.nioredis.rdb.RdbValue;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamRdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Between keyspace entries and the RDB codec's neutral {@link RdbValue} model, for DUMP and RESTORE (and
 * whatever else reads or writes RDB). A keyspace entry is a packed {@link StringEntry} for a string or a
 * {@link KeyedValue}; element arrays are shared with the model on the way out and copied on the way in.
 */
public final class RdbConversion {
    private RdbConversion() {}

    /** The model of an entry, or null for a type the RDB codec does not carry yet. */
    public static RdbValue toRdb(Object entry, int base) {
        if (entry instanceof byte[]) {
            byte[] e = (byte[]) entry;
            int off = StringEntry.valueOffset(e, base);
            int end = off + StringEntry.valueLength(e, base);
            return new RdbValue.StringValue(java.util.Arrays.copyOfRange(e, off, end));
        }
        if (entry instanceof ListValue) {
            return new RdbValue.PackedListValue(((ListValue) entry).listpacks());
        }
        if (entry instanceof SetValue set) {
            return setToRdb(set);
        }
        if (entry instanceof HashValue) {
            HashValue hash = (HashValue) entry;
            List<RdbValue.HashEntry> entries = new ArrayList<>(hash.size());
            for (int h = 0; h < hash.handleLimit(); h++) {
                if (hash.has(h)) {
                    entries.add(new RdbValue.HashEntry(
                            slice(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h)),
                            slice(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h))));
                }
            }
            return new RdbValue.HashValue(entries);
        }
        if (entry instanceof SortedSetValue) {
            SortedSetValue zset = (SortedSetValue) entry;
            List<RdbValue.ScoredMember> members = new ArrayList<>((int) zset.size());
            zset.forEach(false, (b, off, len, score) ->
                    members.add(new RdbValue.ScoredMember(Arrays.copyOfRange(b, off, off + len), score)));
            return new RdbValue.SortedSetValue(members);
        }
        if (entry instanceof Stream) {
            return StreamRdb.toRdb((Stream) entry);
        }
        return null;
    }

    /**
     * A set's model in its encoding: an intset's members ascending with its element width (so it is
     * written as RDB_TYPE_SET_INTSET with Redis's very blob), a hashtable's as RDB_TYPE_SET.
     */
    public static RdbValue.SetValue setToRdb(SetValue set) {
        List<byte[]> members = new ArrayList<>(set.size());
        SetMember m = new SetMember();
        for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
            if (set.member(p, m)) {
                members.add(java.util.Arrays.copyOfRange(m.array, m.offset, m.offset + m.length));
            }
        }
        IntsetMembers ints = set.intset();
        return new RdbValue.SetValue(members, ints != null ? ints.width() : RdbValue.SetValue.HASHTABLE);
    }

    /**
     * A set loaded as rdbLoadObject loads one: an intset blob stays an intset of its width unless it has more
     * than {@code maxIntsetEntries} members; a plain set of at most that many canonical integers becomes an
     * intset too, whatever encoding the writer had.
     */
    public static SetValue setFromRdb(byte[] key, RdbValue.SetValue value, long maxIntsetEntries) {
        List<byte[]> members = value.members();
        SetValue set = value.intset() && members.size() <= maxIntsetEntries
                ? new SetValue(key, value.encoding(), members.size()) : new SetValue(key);
        for (byte[] member : members) {
            set.add(member, 0, member.length, maxIntsetEntries);
        }
        return set;
    }

    /**
     * Adds the model's value under {@code key} (absent from {@code keyspace}) and returns its slot: RDB
     * loading and RESTORE. A string is copied straight into the keyspace; an aggregate is built by
     * {@link #fromRdb}.
     */
    public static int addTo(Keyspace keyspace, byte[] key, RdbValue value, long maxIntsetEntries, int listFill,
                            PackedLimits limits) {
        if (value instanceof RdbValue.StringValue s) {
            byte[] v = s.bytes();
            return keyspace.addString(key, 0, key.length, v, 0, v.length, StringEntry.BY_VALUE);
        }
        return keyspace.add(fromRdb(key, value, maxIntsetEntries, listFill, limits));
    }

    /**
     * An aggregate under {@code key} holding the model's value. A sorted set small enough for a listpack
     * is held as Redis holds it after loading, as a listpack (so -0 reads back as 0); a set as
     * {@link #setFromRdb}. A list gets {@code listFill} (list-max-listpack-size now), as Redis's
     * rdbLoadObject gives it.
     */
    private static KeyedValue fromRdb(byte[] key, RdbValue value, long maxIntsetEntries, int listFill,
                                      PackedLimits limits) {
        if (value instanceof RdbValue.ListValue) {
            ListValue list = new ListValue(key, listFill);
            for (byte[] element : ((RdbValue.ListValue) value).elements()) {
                list.pushTail(element);
            }
            return list;
        }
        if (value instanceof RdbValue.SetValue s) {
            return setFromRdb(key, s, maxIntsetEntries);
        }
        if (value instanceof RdbValue.HashValue h) {
            return limits.hash(key, h);
        }
        if (value instanceof RdbValue.StreamValue) {
            return StreamRdb.fromRdb(key, (RdbValue.StreamValue) value);
        }
        return limits.sortedSet(key, (RdbValue.SortedSetValue) value);
    }

    private static byte[] slice(byte[] b, int off, int len) {
        return java.util.Arrays.copyOfRange(b, off, off + len);
    }
}

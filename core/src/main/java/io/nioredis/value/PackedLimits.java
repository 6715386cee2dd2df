package io.nioredis.value;

import io.nioredis.rdb.RdbValue;

/**
 * hash-max-listpack-entries/value and zset-max-listpack-entries/value as a load or a restore reads them, for
 * building values in the encoding Redis's loader would give them. Commands read the live fields of the
 * configuration instead and pass them to {@link HashValue#put} and {@link SortedSetValue#add}.
 */
public record PackedLimits(long hashEntries, long hashValue, long zsetEntries, long zsetValue) {
    /** Redis 7.0's defaults. */
    public static final PackedLimits DEFAULTS = new PackedLimits(512, 64, 128, 64);

    /**
     * Redis's rdbLoadObject for a hash: a packed one converts only when it has too many fields, whatever the
     * lengths (but one longer than a small hash's header describes, 32767 bytes, converts here); one saved
     * as a hashtable is filled as HSET would, converting past either limit.
     */
    public HashValue hash(byte[] key, RdbValue.HashValue value) {
        HashValue hash = new HashValue(key);
        long entries = value.packed() ? Long.MAX_VALUE : hashEntries;
        long length = value.packed() ? Long.MAX_VALUE : hashValue;
        for (RdbValue.HashEntry e : value.entries()) {
            hash.put(e.field(), 0, e.field().length, e.value(), 0, e.value().length, entries, length);
        }
        hash.convertIfOver(hashEntries);
        hash.trimToSize();
        return hash;
    }

    /**
     * Redis's rdbLoadObject for a sorted set: a packed one stays a listpack unless it has too many members;
     * one saved as a skip list becomes a listpack when it fits the limits in count and member length.
     */
    public SortedSetValue sortedSet(byte[] key, RdbValue.SortedSetValue value) {
        SortedSetValue zset = new SortedSetValue(key);
        boolean fits = value.members().size() <= zsetEntries;
        if (!value.packed()) {
            for (RdbValue.ScoredMember m : value.members()) {
                fits &= m.member().length <= zsetValue;
            }
        }
        if (!fits) {
            zset.notCompact();
        }
        for (RdbValue.ScoredMember m : value.members()) {
            byte[] member = m.member();
            long hash = zset.hash(member, 0, member.length);
            if (Double.isNaN(zset.score(member, 0, member.length, hash))) {
                zset.add(m.score(), member, 0, member.length, hash, SortedSetValue.NO_LIMIT, SortedSetValue.NO_LIMIT);
            }
        }
        zset.trimToSize();
        return zset;
    }
}

package io.nioredis.rdb;

import java.util.List;

/**
 * A neutral model of the values the RDB format carries, so that the command layer can adapt its own
 * types at the edge. Byte arrays are shared, not copied: whoever builds a value must not change the
 * arrays afterwards. Order is meaningful where Redis keeps one: list order, hash listpack order; sorted
 * sets are written sorted whatever order is given.
 */
public sealed interface RdbValue {

    /** A string value, any bytes. */
    record StringValue(byte[] bytes) implements RdbValue {}

    /** A list, head first. */
    record ListValue(List<byte[]> elements) implements RdbValue {}

    /**
     * A list already packed as quicklist nodes, head first, each a whole listpack: written node for node,
     * as Redis writes its own nodes. Only the writer takes this form; readers give {@link ListValue}.
     */
    record PackedListValue(List<byte[]> listpacks) implements RdbValue {}

    /**
     * A set; members must be distinct. {@code encoding} is how Redis holds it, which decides how it is
     * written: {@link #AS_BUILT} lets the writer pick what Redis would for a set built from these members,
     * {@link #HASHTABLE} is always written as RDB_TYPE_SET, and 2, 4 or 8 is an intset whose elements are
     * that many bytes wide (every member a canonical integer; Redis never narrows an intset, so the width
     * can exceed what the members need).
     */
    record SetValue(List<byte[]> members, int encoding) implements RdbValue {
        public static final int AS_BUILT = -1;
        public static final int HASHTABLE = 0;

        public SetValue(List<byte[]> members) {
            this(members, AS_BUILT);
        }

        /** True if the set is an intset of a known width. */
        public boolean intset() {
            return encoding > HASHTABLE;
        }
    }

    /**
     * A hash as field-value pairs in the order they should be written; fields must be distinct. {@code packed}
     * says it was read in a packed encoding (listpack, ziplist, zipmap), which Redis's loader keeps packed
     * unless it has too many entries, whatever their lengths.
     */
    record HashValue(List<HashEntry> entries, boolean packed) implements RdbValue {
        public HashValue(List<HashEntry> entries) {
            this(entries, false);
        }
    }

    /**
     * A sorted set; members must be distinct and scores not NaN. {@code packed} as for {@link HashValue}:
     * read as a listpack or ziplist, not as a skip list.
     */
    record SortedSetValue(List<ScoredMember> members, boolean packed) implements RdbValue {
        public SortedSetValue(List<ScoredMember> members) {
            this(members, false);
        }
    }

    /**
     * A stream (Redis 7.0's RDB_TYPE_STREAM_LISTPACKS_2): nodes in master id order, the live entry count,
     * the last, first and largest deleted ids, entries ever added, and the groups in name order.
     * {@code countersRecorded} is false for a value read from the older type 15, which has no first id,
     * max deleted id, entries-added or entries-read: the loader then derives entries-read as Redis does.
     */
    record StreamValue(List<StreamParts.Node> nodes, long length, StreamParts.Id lastId, StreamParts.Id firstId,
            StreamParts.Id maxDeletedId, long entriesAdded, List<StreamParts.Group> groups, boolean countersRecorded)
            implements RdbValue {}

    record HashEntry(byte[] field, byte[] value) {}

    record ScoredMember(byte[] member, double score) {}
}

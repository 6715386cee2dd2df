package io.nioredis.rdb;

import io.nioredis.rdb.RdbValue.HashEntry;
import io.nioredis.rdb.RdbValue.HashValue;
import io.nioredis.rdb.RdbValue.ListValue;
import io.nioredis.rdb.RdbValue.PackedListValue;
import io.nioredis.rdb.RdbValue.ScoredMember;
import io.nioredis.rdb.RdbValue.SetValue;
import io.nioredis.rdb.RdbValue.SortedSetValue;
import io.nioredis.rdb.RdbValue.StreamValue;
import io.nioredis.rdb.RdbValue.StringValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a value's type byte and body as Redis 7.0's rdbSaveObjectType and rdbSaveObject do, choosing
 * the encoding Redis would hold the value in under the given {@link EncodingLimits}:
 * <ul>
 *   <li>strings: integer, LZF or verbatim (see {@link RdbOutput#writeString});
 *   <li>lists: LIST_QUICKLIST_2, nodes filled as RPUSH fills them;
 *   <li>sets: as the value's encoding says; for one built from scratch, SET_INTSET when every member is
 *       a canonical integer and there are at most set-max-intset-entries, else SET in the given order;
 *   <li>hashes: HASH_LISTPACK within hash-max-listpack-entries/value, else HASH, in the given order;
 *   <li>sorted sets: ZSET_LISTPACK within zset-max-listpack-entries/value (ascending by score, then
 *       member; integral scores up to 2^62 as listpack integers), else ZSET_2 with binary doubles
 *       (descending, as Redis walks its skiplist from the tail);
 *   <li>streams: STREAM_LISTPACKS_2, node by node as given (see {@link RdbStreamCodec}).
 * </ul>
 * The choice is Redis's for a value built from scratch; a value whose Redis encoding has history (a hash
 * that once outgrew its listpack) is written in the compact form here, which Redis loads just the same.
 */
public final class RdbValueWriter {
    /** lpSafeToAdd: a listpack never grows past 1 GB. */
    private static final long LISTPACK_SAFETY_SIZE = 1L << 30;
    /**
     * Redis's skiplist order: by score compared with {@code <} (so -0 equals 0, unlike Double.compare),
     * then by member bytes compared unsigned (memcmp).
     */
    private static final Comparator<ScoredMember> SCORE_ORDER = new ScoreOrder();

    /**
     * A class, not a lambda: this class is first initialized by the first BGSAVE of a run, on the loop's
     * thread, where linking a lambda took about a millisecond.
     */
    private static final class ScoreOrder implements Comparator<ScoredMember> {
        @Override
        public int compare(ScoredMember a, ScoredMember b) {
            if (a.score() < b.score()) {
                return -1;
            }
            if (a.score() > b.score()) {
                return 1;
            }
            return Arrays.compareUnsigned(a.member(), b.member());
        }
    }

    private final EncodingLimits limits;

    public RdbValueWriter(EncodingLimits limits) {
        this.limits = limits;
    }

    /** Writes the type byte then the value. */
    public void write(RdbOutput out, RdbValue value) {
        write(out, null, value);
    }

    /**
     * Writes the type byte, the key (unless null) and the value, as rdbSaveKeyValuePair lays out a
     * keyspace entry in an RDB file.
     */
    public void write(RdbOutput out, byte[] key, RdbValue value) {
        if (value instanceof StringValue s) {
            start(out, RdbType.STRING, key);
            out.writeString(s.bytes());
        } else if (value instanceof ListValue l) {
            writeList(out, key, l.elements());
        } else if (value instanceof PackedListValue p) {
            start(out, RdbType.LIST_QUICKLIST_2, key);
            out.writeLength(p.listpacks().size());
            for (byte[] listpack : p.listpacks()) {
                out.writeLength(RdbType.QUICKLIST_NODE_PACKED);
                out.writeString(listpack);
            }
        } else if (value instanceof SetValue s) {
            writeSet(out, key, s);
        } else if (value instanceof HashValue h) {
            writeHash(out, key, h.entries());
        } else if (value instanceof SortedSetValue z) {
            writeSortedSet(out, key, z.members());
        } else if (value instanceof StreamValue s) {
            start(out, RdbType.STREAM_LISTPACKS_2, key);
            RdbStreamCodec.write(out, s);
        } else {
            throw new IllegalArgumentException("unknown value " + value);
        }
    }

    private static void start(RdbOutput out, int type, byte[] key) {
        out.writeType(type);
        if (key != null) {
            out.writeString(key);
        }
    }

    private void writeList(RdbOutput out, byte[] key, List<byte[]> elements) {
        start(out, RdbType.LIST_QUICKLIST_2, key);
        List<QuicklistPacker.Node> nodes =
                QuicklistPacker.pack(elements, limits.listMaxListpackSize(), limits.listPackedThreshold());
        out.writeLength(nodes.size());
        for (QuicklistPacker.Node node : nodes) {
            out.writeLength(node.plain() ? RdbType.QUICKLIST_NODE_PLAIN : RdbType.QUICKLIST_NODE_PACKED);
            out.writeString(node.data());
        }
    }

    private void writeSet(RdbOutput out, byte[] key, SetValue set) {
        List<byte[]> members = set.members();
        long[] integers = null;
        if (set.intset()) {
            integers = asIntegers(members);
            if (integers == null) {
                throw new IllegalArgumentException("an intset member is not a canonical integer");
            }
        } else if (set.encoding() == SetValue.AS_BUILT && members.size() <= limits.setMaxIntsetEntries()) {
            integers = asIntegers(members);
        }
        if (integers != null) {
            Arrays.sort(integers);
            start(out, RdbType.SET_INTSET, key);
            out.writeString(Intset.encode(integers, Math.max(set.encoding(), 2)));
            return;
        }
        start(out, RdbType.SET, key);
        out.writeLength(members.size());
        for (byte[] member : members) {
            out.writeString(member);
        }
    }

    /** The members as integers if every one is a canonical integer, else null. */
    private static long[] asIntegers(List<byte[]> members) {
        long[] values = new long[members.size()];
        int i = 0;
        for (byte[] member : members) {
            if (!IntegerText.isCanonical(member)) {
                return null;
            }
            values[i++] = IntegerText.parseCanonical(member);
        }
        return values;
    }

    private void writeHash(RdbOutput out, byte[] key, List<HashEntry> entries) {
        if (fitsHashListpack(entries)) {
            ListpackWriter lp = new ListpackWriter();
            for (HashEntry e : entries) {
                lp.append(e.field()).append(e.value());
            }
            start(out, RdbType.HASH_LISTPACK, key);
            out.writeString(lp.toByteArray());
            return;
        }
        start(out, RdbType.HASH, key);
        out.writeLength(entries.size());
        for (HashEntry e : entries) {
            out.writeString(e.field());
            out.writeString(e.value());
        }
    }

    private boolean fitsHashListpack(List<HashEntry> entries) {
        if (entries.size() > limits.hashMaxListpackEntries()) {
            return false;
        }
        long total = 0;
        for (HashEntry e : entries) {
            if (e.field().length > limits.hashMaxListpackValue() || e.value().length > limits.hashMaxListpackValue()) {
                return false;
            }
            total += e.field().length + e.value().length;
        }
        return total < LISTPACK_SAFETY_SIZE;
    }

    private void writeSortedSet(RdbOutput out, byte[] key, List<ScoredMember> members) {
        List<ScoredMember> sorted = new ArrayList<>(members);
        sorted.sort(SCORE_ORDER);
        if (fitsZsetListpack(sorted)) {
            ListpackWriter lp = new ListpackWriter();
            for (ScoredMember m : sorted) {
                lp.append(m.member());
                if (DoubleText.isSafeLong(m.score())) {
                    lp.appendInteger((long) m.score()); // -0 becomes 0 here, as in Redis
                } else {
                    lp.append(DoubleText.toBytes(DoubleText.d2string(m.score())));
                }
            }
            start(out, RdbType.ZSET_LISTPACK, key);
            out.writeString(lp.toByteArray());
            return;
        }
        start(out, RdbType.ZSET_2, key);
        out.writeLength(sorted.size());
        for (int i = sorted.size() - 1; i >= 0; i--) {
            out.writeString(sorted.get(i).member());
            out.writeBinaryDouble(sorted.get(i).score());
        }
    }

    private boolean fitsZsetListpack(List<ScoredMember> members) {
        if (members.size() > limits.zsetMaxListpackEntries()) {
            return false;
        }
        long total = 0;
        for (ScoredMember m : members) {
            if (m.member().length > limits.zsetMaxListpackValue()) {
                return false;
            }
            total += m.member().length;
        }
        return total < LISTPACK_SAFETY_SIZE;
    }
}

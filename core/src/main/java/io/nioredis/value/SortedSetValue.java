package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Scannable;

/**
 * A sorted set as Redis keeps a large one: a {@link Dict} from member to {@link SkipList.Node} for O(1)
 * score lookups, and the skip list for order and rank. Both hold the same node objects.
 *
 * <p>It also remembers whether Redis would still hold it as a listpack (at most zset-max-listpack-entries
 * members of at most zset-max-listpack-value bytes, limits the caller passes to {@link #add}, and never
 * converted back once exceeded), because ZSCAN and OBJECT ENCODING reply differently for the two encodings.
 */
public final class SortedSetValue extends KeyedValue implements Scannable, Members {
    /** Limits for an add that never converts: the caller has decided the encoding. */
    public static final long NO_LIMIT = Long.MAX_VALUE;
    private static final long SHALLOW_BYTES = 48;

    private final Dict index = new Dict();
    private final SkipList list = new SkipList();
    private long nodeBytes;
    private boolean compact = true;

    public SortedSetValue(byte[] key) {
        super(key);
    }

    @Override
    public String typeName() {
        return "zset";
    }

    @Override
    public long memoryUsage() {
        return SHALLOW_BYTES + index.overheadBytes() + list.overheadBytes() + nodeBytes;
    }

    /** A deep copy under another key, for COPY; it keeps the encoding Redis would report. */
    public SortedSetValue copy(byte[] newKey) {
        SortedSetValue copy = new SortedSetValue(newKey);
        copy.compact = compact;
        for (SkipList.Node n = list.first(); n != null; n = n.next()) {
            byte[] member = n.key();
            copy.add(n.score(), member, 0, member.length, NO_LIMIT, NO_LIMIT);
        }
        copy.compact = compact;
        return copy;
    }

    public long size() {
        return list.length();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    public SkipList list() {
        return list;
    }

    /**
     * The first member in a lex range as Redis finds it: a listpack is scanned from the head, a skip list
     * descended. The two agree when all scores are equal, the only case where lex ranges are defined.
     */
    public SkipList.Node firstInLexRange(LexRange range) {
        return compact ? list.firstInRangeScanning(range) : list.firstInRange(range);
    }

    /** The last member in a lex range as Redis finds it (see {@link #firstInLexRange}). */
    public SkipList.Node lastInLexRange(LexRange range) {
        return compact ? list.lastInRangeScanning(range) : list.lastInRange(range);
    }

    /**
     * ZLEXCOUNT: a listpack counts from the first member in range while members stay within the maximum;
     * a skip list takes the difference of the first and last members' ranks.
     */
    public long countInLexRange(LexRange range) {
        SkipList.Node first = firstInLexRange(range);
        if (first == null) {
            return 0;
        }
        if (compact) {
            long count = 0;
            for (SkipList.Node n = first; n != null && range.belowMax(n.key()); n = n.next()) {
                count++;
            }
            return count;
        }
        SkipList.Node last = list.lastInRange(range);
        return last == null ? 0 : list.rank(last) - list.rank(first) + 1;
    }

    /** True while Redis would still encode this set as a listpack. */
    public boolean compact() {
        return compact;
    }

    /** Marks the set as beyond listpack size, as Redis converts it before a big ZADD. */
    public void notCompact() {
        compact = false;
    }

    /** True if every member would fit a listpack under these limits, as Redis's zsetConvertToListpackIfNeeded asks. */
    public boolean fitsListpack(long maxEntries, long maxValue) {
        if (size() > maxEntries) {
            return false;
        }
        for (SkipList.Node n = list.first(); n != null; n = n.next()) {
            if (n.key().length > maxValue) {
                return false;
            }
        }
        return true;
    }

    /** The member's node, or null. */
    public SkipList.Node find(byte[] b, int off, int len) {
        int slot = index.find(b, off, len);
        return slot < 0 ? null : (SkipList.Node) index.get(slot);
    }

    /** The member's hash for {@link #find(byte[], int, int, long)} and the add that takes one. */
    public long hash(byte[] b, int off, int len) {
        return index.hash(b, off, len);
    }

    /** The member's node, or null; {@code hash} is its {@link #hash}. */
    public SkipList.Node find(byte[] b, int off, int len, long hash) {
        int slot = index.find(b, off, len, hash);
        return slot < 0 ? null : (SkipList.Node) index.get(slot);
    }

    /**
     * Adds a member known to be absent, copying its bytes. As Redis's zsetAdd, a listpack set converts
     * when the member is longer than {@code maxValue} (zset-max-listpack-value) or the set would hold more
     * than {@code maxEntries} (zset-max-listpack-entries); an update of a score never converts.
     */
    public SkipList.Node add(double score, byte[] b, int off, int len, long maxEntries, long maxValue) {
        return add(score, b, off, len, index.hash(b, off, len), maxEntries, maxValue);
    }

    /** {@link #add(double, byte[], int, int, long, long)} for a member whose {@link #hash} is {@code hash}. */
    public SkipList.Node add(double score, byte[] b, int off, int len, long hash, long maxEntries, long maxValue) {
        if (compact && (len > maxValue || list.length() + 1 > maxEntries)) {
            compact = false;
        }
        byte[] member = java.util.Arrays.copyOfRange(b, off, off + len);
        SkipList.Node node = list.insert(stored(score), member);
        index.add(node, hash);
        nodeBytes += node.memoryUsage();
        return node;
    }

    public void updateScore(SkipList.Node node, double score) {
        list.updateScore(node, stored(score));
    }

    /**
     * A listpack keeps scores as text in which -0 reads back as 0, so a compact set never holds -0;
     * a skip-list set does, as in Redis.
     */
    private double stored(double score) {
        return compact ? score + 0.0 : score;
    }

    @Override
    public boolean remove(byte[] b, int off, int len) {
        SkipList.Node node = find(b, off, len);
        if (node == null) {
            return false;
        }
        remove(node);
        return true;
    }

    public void remove(SkipList.Node node) {
        byte[] member = node.key();
        index.remove(index.find(member, 0, member.length));
        nodeBytes -= node.memoryUsage();
        list.delete(node);
    }

    /** One step of ZSCAN over the member index; visited values are slots for {@link #nodeAt}. */
    @Override
    public long scan(long cursor, java.util.function.IntConsumer visitor) {
        return index.scan(cursor, visitor);
    }

    public SkipList.Node nodeAt(int slot) {
        return (SkipList.Node) index.get(slot);
    }
}

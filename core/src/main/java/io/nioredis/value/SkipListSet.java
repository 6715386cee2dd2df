package io.nioredis.value;

import io.nioredis.store.Dict;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A large sorted set's structure, as Redis's zset: a {@link Dict} from member to {@link SkipList.Node} for
 * O(1) score lookups, and the skip list for order and rank; both hold the same node objects.
 *
 * <p>Members are addressed by their 0-based rank. The node of the last rank resolved is remembered, so
 * that walking ranks r, r+1, ... (or r, r-1, ...) costs one link per step; any change forgets it.
 */
final class SkipListSet {
    private final Dict index = new Dict();
    private final SkipList list = new SkipList();
    private long nodeBytes;
    private SkipList.Node cursorNode;
    private long cursorRank;

    long size() {
        return list.length();
    }

    /** Bytes of the dict, the skip list and the nodes with their members (this object's too). */
    long memoryUsage() {
        return 32 + index.overheadBytes() + list.overheadBytes() + nodeBytes;
    }

    /** The lowest node, or null; reading from it on does not move the remembered node. */
    SkipList.Node first() {
        return list.first();
    }

    /** The highest node, or null. */
    SkipList.Node last() {
        return list.last();
    }

    long hash(byte[] b, int off, int len) {
        return index.hash(b, off, len);
    }

    SkipList.Node find(byte[] b, int off, int len, long hash) {
        int slot = index.find(b, off, len, hash);
        return slot < 0 ? null : (SkipList.Node) index.get(slot);
    }

    /** Adds a member known to be absent, copying its bytes. */
    void add(double score, byte[] b, int off, int len, long hash) {
        byte[] member = Arrays.copyOfRange(b, off, off + len);
        SkipList.Node node = list.insert(score, member);
        index.add(node, hash);
        nodeBytes += node.memoryUsage();
        cursorNode = null;
    }

    void updateScore(SkipList.Node node, double score) {
        list.updateScore(node, score);
        cursorNode = null;
    }

    void remove(SkipList.Node node) {
        byte[] member = node.key();
        index.remove(index.find(member, 0, member.length));
        nodeBytes -= node.memoryUsage();
        list.delete(node);
        cursorNode = null;
    }

    /** Removes the members of ranks {@code from..to}, inclusive and within the set. */
    void removeRanks(long from, long to) {
        SkipList.Node node = node(from);
        for (long r = from; r <= to; r++) {
            SkipList.Node next = node.next();
            remove(node);
            node = next;
        }
    }

    /** The 0-based rank of a node of this set; it becomes the remembered one. */
    long rank(SkipList.Node node) {
        long rank = list.rank(node) - 1;
        cursorNode = node;
        cursorRank = rank;
        return rank;
    }

    /** The node of a 0-based rank within the set: one step from the remembered one, else a descent. */
    SkipList.Node node(long rank) {
        SkipList.Node c = cursorNode;
        if (c != null) {
            long r = cursorRank;
            if (rank == r) {
                return c;
            }
            if (rank == r + 1) {
                c = c.next();
            } else if (rank == r - 1) {
                c = c.previous();
            } else {
                c = null;
            }
        }
        if (c == null) {
            c = rank == 0 ? list.first() : rank == list.length() - 1 ? list.last() : list.byRank(rank + 1);
        }
        cursorNode = c;
        cursorRank = rank;
        return c;
    }

    long rankOrMissing(SkipList.Node node) {
        return node == null ? -1 : rank(node);
    }

    long firstRankInRange(ScoreRange range) {
        return rankOrMissing(list.firstInRange(range));
    }

    long lastRankInRange(ScoreRange range) {
        return rankOrMissing(list.lastInRange(range));
    }

    long firstRankInRange(LexRange range) {
        return rankOrMissing(list.firstInRange(range));
    }

    long lastRankInRange(LexRange range) {
        return rankOrMissing(list.lastInRange(range));
    }

    long scan(long cursor, IntConsumer visitor) {
        return index.scan(cursor, visitor);
    }

    SkipList.Node nodeAt(int slot) {
        return (SkipList.Node) index.get(slot);
    }
}

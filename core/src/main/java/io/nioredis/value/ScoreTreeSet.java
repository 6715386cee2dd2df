package io.nioredis.value;

import io.nioredis.store.Dict;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A large sorted set's structure, as Redis's zset: a {@link Dict} from member to {@link ScoredMember} for
 * O(1) score lookups, and a {@link ScoreTree} of the same objects for order and rank.
 *
 * <p>Members are addressed by their 0-based rank. The position of the last rank resolved is remembered, so
 * that walking ranks r, r+1, ... (or r, r-1, ...) costs one step each; any change forgets it.
 */
final class ScoreTreeSet {
    private final Dict index = new Dict();
    private final ScoreTree tree = new ScoreTree();
    private long memberBytes;

    long size() {
        return tree.length();
    }

    /** Bytes of the dict, the tree and the members (this object's too). */
    long memoryUsage() {
        return 32 + index.overheadBytes() + tree.structureBytes() + memberBytes;
    }

    long hash(byte[] b, int off, int len) {
        return index.hash(b, off, len);
    }

    ScoredMember find(byte[] b, int off, int len, long hash) {
        int slot = index.find(b, off, len, hash);
        return slot < 0 ? null : (ScoredMember) index.get(slot);
    }

    /** Adds a member known to be absent, copying its bytes. */
    void add(double score, byte[] b, int off, int len, long hash) {
        ScoredMember member = new ScoredMember(Arrays.copyOfRange(b, off, off + len), score);
        tree.insert(member);
        index.add(member, hash);
        memberBytes += member.memoryUsage();
    }

    void updateScore(ScoredMember member, double score) {
        tree.updateScore(member, score);
    }

    void remove(ScoredMember member) {
        tree.remove(member);
        forget(member);
    }

    /** Removes the members of ranks {@code from..to}, inclusive and within the set: a descent each. */
    void removeRanks(long from, long to) {
        for (long r = from; r <= to; r++) {
            forget(tree.removeAt(from));
        }
    }

    /** Drops a member the tree no longer holds from the dict. */
    private void forget(ScoredMember member) {
        byte[] key = member.key();
        index.remove(index.find(key, 0, key.length));
        memberBytes -= member.memoryUsage();
    }

    /** The 0-based rank of a member of this set; it becomes the remembered position. */
    long rank(ScoredMember member) {
        return tree.rank(member);
    }

    /** The member of a 0-based rank within the set. */
    ScoredMember at(long rank) {
        return tree.at(rank);
    }

    long rankOrMissing(ScoredMember member) {
        return member == null ? -1 : rank(member);
    }

    /** The rank of the first member within the range, or -1. */
    long firstRankInRange(SortedRange range) {
        if (range.isEmpty()) {
            return -1;
        }
        long rank = tree.firstHolding(range, false);
        if (rank == tree.length()) {
            return -1;
        }
        ScoredMember member = tree.at(rank);
        return range.belowMax(member.score, member.key()) ? rank : -1;
    }

    /** The rank of the last member within the range, or -1. */
    long lastRankInRange(SortedRange range) {
        if (range.isEmpty()) {
            return -1;
        }
        long rank = tree.firstHolding(range, true) - 1;
        if (rank < 0) {
            return -1;
        }
        ScoredMember member = tree.at(rank);
        return range.aboveMin(member.score, member.key()) ? rank : -1;
    }

    /** Visits every member in order, or in reverse, without touching the remembered position. */
    void forEach(boolean descending, Consumer<ScoredMember> visitor) {
        tree.forEach(descending, visitor);
    }

    long scan(long cursor, IntConsumer visitor) {
        return index.scan(cursor, visitor);
    }

    ScoredMember memberAt(int slot) {
        return (ScoredMember) index.get(slot);
    }
}

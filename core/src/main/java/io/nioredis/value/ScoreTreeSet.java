package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.FieldEntry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.IntConsumer;

/**
 * A large sorted set's structure, as Redis's zset: a {@link Dict} of members for O(1) score lookups, and a
 * {@link ScoreTree} of their slots for order and rank.
 *
 * <p>Each member is one {@link FieldEntry} of the dict: the member's bytes, with its score as the value
 * (8 bytes, the double's bits), so ZSCORE is one look-up. Once the set is big its entries live in the
 * dict's pages (see {@link FieldEntry}), and a member added then makes no object at all: a set growing
 * by a million members used to make two objects per member (one holding the score, one the bytes), every
 * one of which survived the young generation, and each young collection copied them all into fresh old
 * pages while the loop stood still.
 *
 * <p>Members are addressed by their slot in the dict, which stays while the member lives, or by their
 * 0-based rank. The position of the last rank resolved is remembered, so that walking ranks r, r+1, ...
 * (or r, r-1, ...) costs one step each; any change forgets it.
 */
final class ScoreTreeSet {
    private static final int SCORE_BYTES = 8;
    /** A score in its entry: unaligned, as an entry's value may start anywhere. */
    private static final VarHandle SCORES =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NO_SCORE_YET = new byte[SCORE_BYTES];

    private final Dict index = new Dict();
    private final ScoreTree tree = new ScoreTree(index);
    /** The entries' own bytes ({@link FieldEntry#bytes}). */
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

    /** The member's slot, or -1. */
    int find(byte[] b, int off, int len, long hash) {
        return index.find(b, off, len, hash);
    }

    double score(int slot) {
        byte[] e = (byte[]) index.get(slot);
        int base = index.base(slot);
        return (double) SCORES.get(e, FieldEntry.valueOffset(e, base));
    }

    byte[] memberArray(int slot) {
        return (byte[]) index.get(slot);
    }

    int memberOffset(int slot) {
        return FieldEntry.keyOffset((byte[]) index.get(slot), index.base(slot));
    }

    int memberLength(int slot) {
        return FieldEntry.keyLength((byte[]) index.get(slot), index.base(slot));
    }

    /** Adds a member known to be absent, copying its bytes. */
    void add(double score, byte[] b, int off, int len, long hash) {
        int slot = FieldEntry.add(index, b, off, len, NO_SCORE_YET, 0, SCORE_BYTES, hash);
        writeScore(slot, score);
        memberBytes += FieldEntry.bytes(index, slot);
        memberBytes += FieldEntry.shareSome(index); // entries move; their slots, which the tree holds, stay
        tree.insert(slot, score);
    }

    void updateScore(int slot, double score) {
        tree.updateScore(slot, score(slot), score);
        writeScore(slot, score);
    }

    void remove(int slot) {
        tree.remove(slot, score(slot));
        memberBytes -= FieldEntry.remove(index, slot);
    }

    /** Removes the members of ranks {@code from..to}, inclusive and within the set: a descent each. */
    void removeRanks(long from, long to) {
        for (long r = from; r <= to; r++) {
            memberBytes -= FieldEntry.remove(index, tree.removeAt(from));
        }
    }

    /** The 0-based rank of the member in a slot; it becomes the remembered position. */
    long rank(int slot) {
        return tree.rank(slot, score(slot));
    }

    /** The slot of the member of a 0-based rank within the set. */
    int at(long rank) {
        return tree.at(rank);
    }

    long rankOrMissing(int slot) {
        return slot < 0 ? -1 : rank(slot);
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
        int slot = tree.at(rank);
        return range.belowMax(score(slot), memberArray(slot), memberOffset(slot), memberLength(slot)) ? rank : -1;
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
        int slot = tree.at(rank);
        return range.aboveMin(score(slot), memberArray(slot), memberOffset(slot), memberLength(slot)) ? rank : -1;
    }

    /** Visits every member's slot and score in order, or in reverse, without touching the remembered position. */
    void forEach(boolean descending, ScoreTree.SlotVisitor visitor) {
        tree.forEach(descending, visitor);
    }

    long scan(long cursor, IntConsumer visitor) {
        return index.scan(cursor, visitor);
    }

    private void writeScore(int slot, double score) {
        byte[] e = (byte[]) index.get(slot);
        SCORES.set(e, FieldEntry.valueOffset(e, index.base(slot)), score);
    }
}

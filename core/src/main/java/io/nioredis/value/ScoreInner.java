package io.nioredis.value;

import java.util.Arrays;

/**
 * An inner node of a {@link ScoreTree}: up to {@link #CAPACITY} children, the number of elements under
 * each (for ranks), and before every child but the first a separator (score, member bytes) that is above
 * every element of the children to its left and not above any element of its own child. A separator is
 * the first element of its child when set, its member's bytes copied (the member's own entry may move or
 * go); a later delete of that element leaves it in place, still a valid bound.
 */
final class ScoreInner extends ScoreTreeNode {
    static final int CAPACITY = 64;
    /** This object, its separators' scores and members, its children and their counts. */
    static final long BYTES = 32 + (16 + 8L * CAPACITY) + 3 * (16 + 4L * CAPACITY);

    final double[] keyScores = new double[CAPACITY];
    final byte[][] keyMembers = new byte[CAPACITY][];
    final ScoreTreeNode[] children = new ScoreTreeNode[CAPACITY];
    final int[] counts = new int[CAPACITY];

    @Override
    int count() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += counts[i];
        }
        return n;
    }

    /** The elements under children {@code [0, i)}. */
    long countBefore(int i) {
        long n = 0;
        for (int j = 0; j < i; j++) {
            n += counts[j];
        }
        return n;
    }

    /**
     * The child whose range holds (score, {@code m[off, off + len)}): the last one whose separator is not
     * above it.
     */
    int childFor(double score, byte[] m, int off, int len) {
        int lo = 1;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double k = keyScores[mid];
            byte[] key = keyMembers[mid];
            if (k > score || (k == score && Arrays.compareUnsigned(key, 0, key.length, m, off, off + len) > 0)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - 1;
    }

    /**
     * The child that holds the first element above the range's minimum ({@code pastMax}: beyond its maximum),
     * or whose last element precedes it: the last child whose separator does not hold.
     */
    int childHolding(SortedRange range, boolean pastMax) {
        int lo = 1;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            byte[] key = keyMembers[mid];
            if (ScoreTree.holds(range, pastMax, keyScores[mid], key, 0, key.length)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - 1;
    }

    /** Puts a child at {@code i >= 1}, after the separator (score, member), shifting the later ones. */
    void insertChild(int i, double score, byte[] member, ScoreTreeNode child, int count) {
        int tail = size - i;
        System.arraycopy(keyScores, i, keyScores, i + 1, tail);
        System.arraycopy(keyMembers, i, keyMembers, i + 1, tail);
        System.arraycopy(children, i, children, i + 1, tail);
        System.arraycopy(counts, i, counts, i + 1, tail);
        keyScores[i] = score;
        keyMembers[i] = member;
        children[i] = child;
        counts[i] = count;
        size++;
    }

    /** Removes child {@code i}, and the separator before it ({@code i >= 1}) or after it ({@code i == 0}). */
    void removeChild(int i) {
        int from = i + 1;
        int tail = size - from;
        System.arraycopy(children, from, children, i, tail);
        System.arraycopy(counts, from, counts, i, tail);
        int key = Math.max(i, 1);
        System.arraycopy(keyScores, key + 1, keyScores, key, size - key - 1);
        System.arraycopy(keyMembers, key + 1, keyMembers, key, size - key - 1);
        size--;
        children[size] = null;
        counts[size] = 0;
        keyMembers[size] = null;
        keyMembers[0] = null;
    }

    /** Puts a child first; the old first child gets the separator (score, member). */
    void insertFirst(ScoreTreeNode child, int count, double score, byte[] member) {
        System.arraycopy(keyScores, 0, keyScores, 1, size);
        System.arraycopy(keyMembers, 0, keyMembers, 1, size);
        System.arraycopy(children, 0, children, 1, size);
        System.arraycopy(counts, 0, counts, 1, size);
        keyScores[1] = score;
        keyMembers[1] = member;
        keyMembers[0] = null;
        children[0] = child;
        counts[0] = count;
        size++;
    }

    /**
     * Moves children {@code [size / 2, size)} into a new node and returns it. The separator of the first
     * moved child is left in the new node's slot 0, for the caller to hand up.
     */
    ScoreInner splitOff() {
        ScoreInner right = new ScoreInner();
        int keep = size / 2;
        int moved = size - keep;
        System.arraycopy(keyScores, keep, right.keyScores, 0, moved);
        System.arraycopy(keyMembers, keep, right.keyMembers, 0, moved);
        System.arraycopy(children, keep, right.children, 0, moved);
        System.arraycopy(counts, keep, right.counts, 0, moved);
        Arrays.fill(keyMembers, keep, size, null);
        Arrays.fill(children, keep, size, null);
        Arrays.fill(counts, keep, size, 0);
        right.size = moved;
        size = keep;
        return right;
    }

    /** Takes every child of {@code right}, which fit; (score, member) separates them from this node's. */
    void absorb(double score, byte[] member, ScoreInner right) {
        int n = right.size;
        System.arraycopy(right.keyScores, 1, keyScores, size + 1, n - 1);
        System.arraycopy(right.keyMembers, 1, keyMembers, size + 1, n - 1);
        System.arraycopy(right.children, 0, children, size, n);
        System.arraycopy(right.counts, 0, counts, size, n);
        keyScores[size] = score;
        keyMembers[size] = member;
        size += n;
    }
}

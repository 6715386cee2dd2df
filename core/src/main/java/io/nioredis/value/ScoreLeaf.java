package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.FieldEntry;

import java.util.Arrays;

/**
 * A leaf of a {@link ScoreTree}: up to {@link #CAPACITY} members in order, as their slots in the set's
 * member dict, with their scores in a primitive array beside them so that a search reads one array and
 * reads a member's bytes only to break a tie, and links to the neighbouring leaves for walks in either
 * direction. A leaf holds no reference to a member, so a new member stores none into an old leaf.
 */
final class ScoreLeaf extends ScoreTreeNode {
    static final int CAPACITY = 64;
    /** This object, its score array and its slot array. */
    static final long BYTES = 32 + (16 + 8L * CAPACITY) + (16 + 4L * CAPACITY);

    final double[] scores = new double[CAPACITY];
    final int[] slots = new int[CAPACITY];
    ScoreLeaf previous;
    ScoreLeaf next;

    @Override
    int count() {
        return size;
    }

    /**
     * The first index whose element does not sort before (score, {@code m[off, off + len)}): where it is, or
     * would go. {@code members} is the dict the slots are in.
     */
    int lowerBound(Dict members, double score, byte[] m, int off, int len) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double s = scores[mid];
            if (s < score || (s == score && compareMember(members, slots[mid], m, off, len) < 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose element is above the range's minimum ({@code pastMax}: beyond its maximum). */
    int firstHolding(Dict members, SortedRange range, boolean pastMax) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            byte[] e = (byte[]) members.get(slots[mid]);
            int base = members.base(slots[mid]);
            int from = FieldEntry.keyOffset(e, base);
            if (ScoreTree.holds(range, pastMax, scores[mid], e, from, FieldEntry.keyLength(e, base))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The member in {@code slot} against {@code m[off, off + len)}, byte by byte unsigned. */
    static int compareMember(Dict members, int slot, byte[] m, int off, int len) {
        byte[] e = (byte[]) members.get(slot);
        int base = members.base(slot);
        int from = FieldEntry.keyOffset(e, base);
        return Arrays.compareUnsigned(e, from, from + FieldEntry.keyLength(e, base), m, off, off + len);
    }

    void insertAt(int i, double score, int slot) {
        System.arraycopy(scores, i, scores, i + 1, size - i);
        System.arraycopy(slots, i, slots, i + 1, size - i);
        scores[i] = score;
        slots[i] = slot;
        size++;
    }

    void removeAt(int i) {
        System.arraycopy(scores, i + 1, scores, i, size - i - 1);
        System.arraycopy(slots, i + 1, slots, i, size - i - 1);
        size--;
    }

    /** Moves the elements from index {@code keep} on into a new leaf linked in after this one, and returns it. */
    ScoreLeaf splitOff(int keep) {
        ScoreLeaf right = new ScoreLeaf();
        int moved = size - keep;
        System.arraycopy(scores, keep, right.scores, 0, moved);
        System.arraycopy(slots, keep, right.slots, 0, moved);
        right.size = moved;
        size = keep;
        right.next = next;
        right.previous = this;
        if (next != null) {
            next.previous = right;
        }
        next = right;
        return right;
    }

    /** Takes every element of the next leaf, which fits, and unlinks it. */
    void absorbNext() {
        ScoreLeaf right = next;
        System.arraycopy(right.scores, 0, scores, size, right.size);
        System.arraycopy(right.slots, 0, slots, size, right.size);
        size += right.size;
        next = right.next;
        if (next != null) {
            next.previous = this;
        }
    }
}

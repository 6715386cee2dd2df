package io.nioredis.value;

import java.util.Arrays;

/**
 * A leaf of a {@link ScoreTree}: up to {@link #CAPACITY} members in order, their scores in a primitive
 * array beside them so that a search reads one array and touches a member only to break a tie, and links
 * to the neighbouring leaves for walks in either direction.
 */
final class ScoreLeaf extends ScoreTreeNode {
    static final int CAPACITY = 64;
    /** This object, its score array and its member array. */
    static final long BYTES = 32 + (16 + 8L * CAPACITY) + (16 + 4L * CAPACITY);

    final double[] scores = new double[CAPACITY];
    final ScoredMember[] members = new ScoredMember[CAPACITY];
    ScoreLeaf previous;
    ScoreLeaf next;

    @Override
    int count() {
        return size;
    }

    /** The first index whose element does not sort before (score, member): where it is, or would go. */
    int lowerBound(double score, byte[] member) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double s = scores[mid];
            if (s < score || (s == score && Arrays.compareUnsigned(members[mid].key(), member) < 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose element is above the range's minimum ({@code pastMax}: beyond its maximum). */
    int firstHolding(SortedRange range, boolean pastMax) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ScoreTree.holds(range, pastMax, scores[mid], members[mid].key())) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    void insertAt(int i, double score, ScoredMember member) {
        System.arraycopy(scores, i, scores, i + 1, size - i);
        System.arraycopy(members, i, members, i + 1, size - i);
        scores[i] = score;
        members[i] = member;
        size++;
    }

    void removeAt(int i) {
        System.arraycopy(scores, i + 1, scores, i, size - i - 1);
        System.arraycopy(members, i + 1, members, i, size - i - 1);
        members[--size] = null;
    }

    /** Moves the elements from index {@code keep} on into a new leaf linked in after this one, and returns it. */
    ScoreLeaf splitOff(int keep) {
        ScoreLeaf right = new ScoreLeaf();
        int moved = size - keep;
        System.arraycopy(scores, keep, right.scores, 0, moved);
        System.arraycopy(members, keep, right.members, 0, moved);
        Arrays.fill(members, keep, size, null);
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
        System.arraycopy(right.members, 0, members, size, right.size);
        size += right.size;
        next = right.next;
        if (next != null) {
            next.previous = this;
        }
    }
}

package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.FieldEntry;

import java.util.Arrays;

/**
 * The order of a large sorted set: an order-statistic B+tree of its members by (score, member bytes), where
 * Redis keeps a skip list. Inner nodes count the elements under each child, so ranks cost one descent, as
 * the skip list's spans allow.
 *
 * <p>Why not a skip list: on a big set every step of a skip-list search is a cache miss (about two dozen
 * per search at a million members), and in the JVM every insert also stores references into old nodes
 * all over the heap, whose dirty cards each young collection scans. Here a search reads a few wide nodes
 * whose scores lie in primitive arrays, and an insert writes into one leaf.
 *
 * <p>The tree holds its members as their slots in the set's member dict, whose entries ({@link FieldEntry}:
 * the member's bytes and its score) keep their slot while they live, and reads a member's bytes there only
 * when two scores tie. So a member is one entry in the dict, which a big set keeps in its pages, and not
 * also an object of the tree's.
 *
 * <p>Scores compare as C compares doubles: -0 and 0 are the same score, and the member bytes order them.
 * Any change forgets the remembered position of {@link #at}.
 */
final class ScoreTree {
    private static final int LEAF_MIN = ScoreLeaf.CAPACITY / 4;
    private static final int INNER_MIN = ScoreInner.CAPACITY / 4;

    /** What {@link #forEach} hands each member: its slot in the member dict, and its score. */
    @FunctionalInterface
    interface SlotVisitor {
        void visit(int slot, double score);
    }

    /** The dict whose slots the leaves hold. */
    private final Dict members;

    private ScoreTreeNode root;
    /** Levels, the leaves' included. */
    private int height = 1;
    /** The leftmost leaf never changes: a split keeps a leaf's lower half, a merge keeps the left leaf. */
    private final ScoreLeaf firstLeaf;
    private ScoreLeaf lastLeaf;
    private long length;
    private long leaves = 1;
    private long inners;
    /** The separator a split hands up to its parent. */
    private double splitScore;
    private byte[] splitMember;
    /** The position {@link #at} or {@link #rank} resolved last, or a null leaf. */
    private ScoreLeaf cursorLeaf;
    private int cursorIndex;
    private long cursorRank;

    ScoreTree(Dict members) {
        this.members = members;
        firstLeaf = new ScoreLeaf();
        lastLeaf = firstLeaf;
        root = firstLeaf;
    }

    long length() {
        return length;
    }

    /** Bytes of the nodes, full capacity, not of the members. */
    long structureBytes() {
        return 88 + leaves * ScoreLeaf.BYTES + inners * ScoreInner.BYTES;
    }

    /** Adds the member in {@code slot} of the member dict, which is not in the tree, at {@code score}. */
    void insert(int slot, double score) {
        cursorLeaf = null;
        byte[] e = (byte[]) members.get(slot);
        int base = members.base(slot);
        int off = FieldEntry.keyOffset(e, base);
        ScoreTreeNode split = insert(root, height, score, slot, e, off, FieldEntry.keyLength(e, base));
        length++;
        if (split != null) {
            ScoreInner top = new ScoreInner();
            inners++;
            top.children[0] = root;
            top.counts[0] = root.count();
            top.size = 1;
            top.insertChild(1, splitScore, splitMember, split, split.count());
            splitMember = null;
            root = top;
            height++;
        }
    }

    /** Removes the member in {@code slot}, which the tree holds at {@code score}. */
    void remove(int slot, double score) {
        cursorLeaf = null;
        removeOrUpdate(slot, score, Double.NaN);
        length--;
        collapseRoot();
    }

    /**
     * Removes the member of a 0-based rank below {@link #length} and returns its slot: one descent, by the
     * counts.
     */
    int removeAt(long rank) {
        cursorLeaf = null;
        int slot = removeAt(root, height, rank);
        length--;
        collapseRoot();
        return slot;
    }

    /**
     * Gives the member in {@code slot}, held at {@code score}, a new score: in place when it keeps its place
     * between its neighbours in the same leaf (Redis's zslUpdateScore does the same check), else removed and
     * inserted again.
     */
    void updateScore(int slot, double score, double newScore) {
        cursorLeaf = null;
        if (!removeOrUpdate(slot, score, newScore)) {
            return;
        }
        length--;
        collapseRoot();
        insert(slot, newScore);
    }

    /** The 0-based rank of the member in {@code slot}, held at {@code score}; it becomes the remembered position. */
    long rank(int slot, double score) {
        byte[] e = (byte[]) members.get(slot);
        int base = members.base(slot);
        int off = FieldEntry.keyOffset(e, base);
        int len = FieldEntry.keyLength(e, base);
        ScoreTreeNode node = root;
        long rank = 0;
        for (int level = height; level > 1; level--) {
            ScoreInner inner = (ScoreInner) node;
            int c = inner.childFor(score, e, off, len);
            rank += inner.countBefore(c);
            node = inner.children[c];
        }
        ScoreLeaf leaf = (ScoreLeaf) node;
        int i = leaf.lowerBound(members, score, e, off, len);
        if (i >= leaf.size || leaf.slots[i] != slot) {
            throw new IllegalStateException("member not in the tree");
        }
        return remember(leaf, i, rank + i);
    }

    /**
     * The slot of the member of a 0-based rank below {@link #length}: one step from the remembered position
     * when the rank is next to it, else a descent. It becomes the remembered position.
     */
    int at(long rank) {
        ScoreLeaf leaf = cursorLeaf;
        if (leaf != null) {
            long delta = rank - cursorRank;
            int i = cursorIndex;
            if (delta == 0) {
                return leaf.slots[i];
            }
            if (delta == 1) {
                if (++i == leaf.size) {
                    leaf = leaf.next;
                    i = 0;
                }
                remember(leaf, i, rank);
                return leaf.slots[i];
            }
            if (delta == -1) {
                if (--i < 0) {
                    leaf = leaf.previous;
                    i = leaf.size - 1;
                }
                remember(leaf, i, rank);
                return leaf.slots[i];
            }
        }
        ScoreTreeNode node = root;
        long left = rank;
        for (int level = height; level > 1; level--) {
            ScoreInner inner = (ScoreInner) node;
            int c = 0;
            while (left >= inner.counts[c]) {
                left -= inner.counts[c++];
            }
            node = inner.children[c];
        }
        leaf = (ScoreLeaf) node;
        remember(leaf, (int) left, rank);
        return leaf.slots[(int) left];
    }

    /**
     * The rank of the first member above the range's minimum ({@code pastMax}: beyond its maximum), or
     * {@link #length} if there is none.
     */
    long firstHolding(SortedRange range, boolean pastMax) {
        ScoreTreeNode node = root;
        long rank = 0;
        for (int level = height; level > 1; level--) {
            ScoreInner inner = (ScoreInner) node;
            int c = inner.childHolding(range, pastMax);
            rank += inner.countBefore(c);
            node = inner.children[c];
        }
        ScoreLeaf leaf = (ScoreLeaf) node;
        return rank + leaf.firstHolding(members, range, pastMax);
    }

    static boolean holds(SortedRange range, boolean pastMax, double score, byte[] m, int off, int len) {
        return pastMax ? !range.belowMax(score, m, off, len) : range.aboveMin(score, m, off, len);
    }

    /** Visits every member in order, or in reverse, without touching the remembered position. */
    void forEach(boolean descending, SlotVisitor visitor) {
        if (descending) {
            for (ScoreLeaf leaf = lastLeaf; leaf != null; leaf = leaf.previous) {
                for (int i = leaf.size - 1; i >= 0; i--) {
                    visitor.visit(leaf.slots[i], leaf.scores[i]);
                }
            }
        } else {
            for (ScoreLeaf leaf = firstLeaf; leaf != null; leaf = leaf.next) {
                for (int i = 0; i < leaf.size; i++) {
                    visitor.visit(leaf.slots[i], leaf.scores[i]);
                }
            }
        }
    }

    private long remember(ScoreLeaf leaf, int index, long rank) {
        cursorLeaf = leaf;
        cursorIndex = index;
        cursorRank = rank;
        return rank;
    }

    /**
     * Inserts the member in {@code slot}, whose bytes are {@code m[off, off + len)}, into a subtree; returns
     * the new right sibling when the node split, its separator in split*.
     */
    private ScoreTreeNode insert(ScoreTreeNode node, int level, double score, int slot, byte[] m, int off, int len) {
        if (level == 1) {
            ScoreLeaf leaf = (ScoreLeaf) node;
            int i = leaf.lowerBound(members, score, m, off, len);
            if (leaf.size < ScoreLeaf.CAPACITY) {
                leaf.insertAt(i, score, slot);
                return null;
            }
            // A set filled in order (rising timestamps; a load, which comes highest first) would leave
            // every leaf half full: at the end of the last leaf, or the start of the first, the new member
            // gets a leaf of its own side instead, and the full leaf stays full.
            int keep = leaf.size / 2;
            if (i == leaf.size && leaf == lastLeaf) {
                keep = leaf.size;
            } else if (i == 0 && leaf == firstLeaf) {
                keep = 0;
            }
            ScoreLeaf right = leaf.splitOff(keep);
            leaves++;
            if (lastLeaf == leaf) {
                lastLeaf = right;
            }
            if (i <= leaf.size && leaf.size < ScoreLeaf.CAPACITY) {
                leaf.insertAt(i, score, slot);
            } else {
                right.insertAt(i - leaf.size, score, slot);
            }
            splitScore = right.scores[0];
            splitMember = memberCopy(right.slots[0]);
            return right;
        }
        ScoreInner inner = (ScoreInner) node;
        int c = inner.childFor(score, m, off, len);
        ScoreTreeNode split = insert(inner.children[c], level - 1, score, slot, m, off, len);
        inner.counts[c]++;
        if (split == null) {
            return null;
        }
        int moved = split.count();
        inner.counts[c] -= moved;
        if (inner.size < ScoreInner.CAPACITY) {
            inner.insertChild(c + 1, splitScore, splitMember, split, moved);
            splitMember = null;
            return null;
        }
        ScoreInner right = inner.splitOff();
        inners++;
        double upScore = right.keyScores[0];
        byte[] upMember = right.keyMembers[0];
        right.keyMembers[0] = null;
        if (c + 1 <= inner.size) {
            inner.insertChild(c + 1, splitScore, splitMember, split, moved);
        } else {
            right.insertChild(c + 1 - inner.size, splitScore, splitMember, split, moved);
        }
        splitScore = upScore;
        splitMember = upMember;
        return right;
    }

    /** {@link #remove(ScoreTreeNode, int, int, double, double, byte[], int, int)} from the root. */
    private boolean removeOrUpdate(int slot, double score, double newScore) {
        byte[] e = (byte[]) members.get(slot);
        int base = members.base(slot);
        int off = FieldEntry.keyOffset(e, base);
        return remove(root, height, slot, score, newScore, e, off, FieldEntry.keyLength(e, base));
    }

    /**
     * Removes the member in {@code slot}, held at {@code score}, whose bytes are {@code m[off, off + len)},
     * from a subtree and mends any node left under its minimum. With a new score (not NaN) it first tries to
     * update the member in place and returns false if it did.
     */
    private boolean remove(ScoreTreeNode node, int level, int slot, double score, double newScore,
            byte[] m, int off, int len) {
        if (level == 1) {
            ScoreLeaf leaf = (ScoreLeaf) node;
            int i = leaf.lowerBound(members, score, m, off, len);
            if (i >= leaf.size || leaf.slots[i] != slot) {
                throw new IllegalStateException("member not in the tree");
            }
            if (newScore == newScore && staysInPlace(leaf, i, score, newScore, m, off, len)) {
                leaf.scores[i] = newScore;
                return false;
            }
            leaf.removeAt(i);
            return true;
        }
        ScoreInner inner = (ScoreInner) node;
        int c = inner.childFor(score, m, off, len);
        ScoreTreeNode child = inner.children[c];
        if (!remove(child, level - 1, slot, score, newScore, m, off, len)) {
            return false;
        }
        inner.counts[c]--;
        if (child.size < (level == 2 ? LEAF_MIN : INNER_MIN)) {
            mend(inner, c, level == 2);
        }
        return true;
    }

    private int removeAt(ScoreTreeNode node, int level, long rank) {
        if (level == 1) {
            ScoreLeaf leaf = (ScoreLeaf) node;
            int slot = leaf.slots[(int) rank];
            leaf.removeAt((int) rank);
            return slot;
        }
        ScoreInner inner = (ScoreInner) node;
        int c = 0;
        long left = rank;
        while (left >= inner.counts[c]) {
            left -= inner.counts[c++];
        }
        ScoreTreeNode child = inner.children[c];
        int slot = removeAt(child, level - 1, left);
        inner.counts[c]--;
        if (child.size < (level == 2 ? LEAF_MIN : INNER_MIN)) {
            mend(inner, c, level == 2);
        }
        return slot;
    }

    /**
     * True if the member at {@code i}, whose bytes are {@code m[off, off + len)}, keeps its place with the
     * new score: it still sorts between its neighbours in the leaf, and at either end of the leaf it moves
     * only inwards, so the separators that bound the leaf still hold.
     */
    private boolean staysInPlace(ScoreLeaf leaf, int i, double oldScore, double newScore, byte[] m, int off, int len) {
        boolean afterPrevious = i > 0
                ? sortsBefore(leaf.scores[i - 1], leaf.slots[i - 1], newScore, m, off, len)
                : newScore >= oldScore;
        if (!afterPrevious) {
            return false;
        }
        if (i == leaf.size - 1) {
            return newScore <= oldScore;
        }
        double next = leaf.scores[i + 1];
        return newScore < next
                || (newScore == next && ScoreLeaf.compareMember(members, leaf.slots[i + 1], m, off, len) > 0);
    }

    /** True if the member in {@code slot} at {@code score} sorts before {@code m[off, off + len)} at {@code other}. */
    private boolean sortsBefore(double score, int slot, double other, byte[] m, int off, int len) {
        return score < other || (score == other && ScoreLeaf.compareMember(members, slot, m, off, len) < 0);
    }

    /** A copy of the member's bytes, for a separator, which may outlive the member's entry. */
    private byte[] memberCopy(int slot) {
        byte[] e = (byte[]) members.get(slot);
        int base = members.base(slot);
        int off = FieldEntry.keyOffset(e, base);
        return Arrays.copyOfRange(e, off, off + FieldEntry.keyLength(e, base));
    }

    /**
     * Mends child {@code c} of {@code parent}, left under its minimum: merged with a neighbour when both
     * fit in one node, else given one entry from it (the neighbour has more than enough then).
     */
    private void mend(ScoreInner parent, int c, boolean leafChildren) {
        if (parent.size < 2) {
            return; // the root's only child, which collapseRoot promotes
        }
        int l = c > 0 ? c - 1 : c;
        int r = l + 1;
        if (leafChildren) {
            ScoreLeaf a = (ScoreLeaf) parent.children[l];
            ScoreLeaf b = (ScoreLeaf) parent.children[r];
            if (a.size + b.size <= ScoreLeaf.CAPACITY) {
                a.absorbNext();
                if (lastLeaf == b) {
                    lastLeaf = a;
                }
                parent.counts[l] += parent.counts[r];
                parent.removeChild(r);
                leaves--;
                return;
            }
            if (a.size < b.size) {
                a.insertAt(a.size, b.scores[0], b.slots[0]);
                b.removeAt(0);
                parent.counts[l]++;
                parent.counts[r]--;
            } else {
                b.insertAt(0, a.scores[a.size - 1], a.slots[a.size - 1]);
                a.removeAt(a.size - 1);
                parent.counts[l]--;
                parent.counts[r]++;
            }
            parent.keyScores[r] = b.scores[0];
            parent.keyMembers[r] = memberCopy(b.slots[0]);
            return;
        }
        ScoreInner a = (ScoreInner) parent.children[l];
        ScoreInner b = (ScoreInner) parent.children[r];
        if (a.size + b.size <= ScoreInner.CAPACITY) {
            a.absorb(parent.keyScores[r], parent.keyMembers[r], b);
            parent.counts[l] += parent.counts[r];
            parent.removeChild(r);
            inners--;
            return;
        }
        if (a.size < b.size) {
            int moved = b.counts[0];
            a.insertChild(a.size, parent.keyScores[r], parent.keyMembers[r], b.children[0], moved);
            parent.keyScores[r] = b.keyScores[1];
            parent.keyMembers[r] = b.keyMembers[1];
            b.removeChild(0);
            parent.counts[l] += moved;
            parent.counts[r] -= moved;
        } else {
            int last = a.size - 1;
            int moved = a.counts[last];
            b.insertFirst(a.children[last], moved, parent.keyScores[r], parent.keyMembers[r]);
            parent.keyScores[r] = a.keyScores[last];
            parent.keyMembers[r] = a.keyMembers[last];
            a.removeChild(last);
            parent.counts[l] -= moved;
            parent.counts[r] += moved;
        }
    }

    /** A root left with one child hands the root to it. */
    private void collapseRoot() {
        while (height > 1 && root.size == 1) {
            root = ((ScoreInner) root).children[0];
            inners--;
            height--;
        }
    }
}

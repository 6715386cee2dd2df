package io.nioredis.value;

import io.nioredis.store.KeyedValue;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's zskiplist: members ordered by (score, member bytes), with the span of every forward link so that
 * rank lookups and rank ranges are O(log n). Levels are drawn with p = 1/4 up to 32, as Redis does. A node
 * is a {@link KeyedValue} keyed by its member, so the sorted set's member index can be a plain {@link Dict}
 * of nodes.
 *
 * <p>Ranks are 1-based, as in Redis's zslGetRank/zslGetElementByRank.
 */
public final class SkipList {
    static final int MAX_LEVEL = 32;

    /**
     * One member: its score, its links and their spans. The header node has a null member.
     *
     * <p>Three in four nodes have a single level, so the level-0 link is a field and only the levels above
     * it live in arrays, which a single-level node does not have: such a node is one object beside its
     * member instead of three, which the collector has fewer of to trace and a search fewer cache lines to
     * touch. The level-0 span is not stored: it is 1 to a next node and 0 at the tail, as in Redis.
     */
    public static final class Node extends KeyedValue {
        double score;
        Node backward;
        Node next;
        /** Links of levels 1 and up (index {@code i - 1}), or null for a single-level node. */
        final Node[] upper;
        final long[] upperSpan;

        Node(byte[] member, double score, int level) {
            super(member);
            this.score = score;
            this.upper = level > 1 ? new Node[level - 1] : null;
            this.upperSpan = level > 1 ? new long[level - 1] : null;
        }

        public double score() {
            return score;
        }

        /** The next node in ascending order, or null. */
        public Node next() {
            return next;
        }

        /** The previous node in ascending order, or null. */
        public Node previous() {
            return backward;
        }

        int level() {
            return upper == null ? 1 : upper.length + 1;
        }

        Node forward(int i) {
            return i == 0 ? next : upper[i - 1];
        }

        void forward(int i, Node node) {
            if (i == 0) {
                next = node;
            } else {
                upper[i - 1] = node;
            }
        }

        long span(int i) {
            return i == 0 ? (next != null ? 1 : 0) : upperSpan[i - 1];
        }

        /** Sets a span; the level-0 span follows from the link, so only upper spans are kept. */
        void span(int i, long span) {
            if (i > 0) {
                upperSpan[i - 1] = span;
            }
        }

        @Override
        public String typeName() {
            return "zset";
        }

        /** Nodes live inside a sorted set, never as keyspace values; copy the {@link SortedSetValue}. */
        public KeyedValue copy(byte[] newKey) {
            throw new UnsupportedOperationException("a sorted-set node is not a keyspace value");
        }

        @Override
        public long memoryUsage() {
            // Node header and fields, the two upper-level arrays if any, the member array.
            long arrays = upper == null ? 0 : align(16 + 4L * upper.length) + 16 + 8L * upperSpan.length;
            return 40 + arrays + align(16 + key().length);
        }

        private static long align(long bytes) {
            return (bytes + 7) & ~7L;
        }
    }

    /** Scratch for the update path; one per thread because the event loop is single-threaded. */
    private static final ThreadLocal<Node[]> UPDATE = ThreadLocal.withInitial(() -> new Node[MAX_LEVEL]);
    private static final ThreadLocal<long[]> RANK = ThreadLocal.withInitial(() -> new long[MAX_LEVEL]);

    private final Node header = new Node(null, 0, MAX_LEVEL);
    private Node tail;
    private int level = 1;
    private long length;

    public long length() {
        return length;
    }

    /** The lowest node, or null. */
    public Node first() {
        return header.next;
    }

    /** The highest node, or null. */
    public Node last() {
        return tail;
    }

    /** Inserts a member known to be absent; the caller copies the member bytes. */
    public Node insert(double score, byte[] member) {
        Node x = new Node(member, score, randomLevel());
        insertNode(x);
        return x;
    }

    /** Removes a node that is in the list. */
    public void delete(Node node) {
        Node[] update = UPDATE.get();
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            Node f;
            while ((f = x.forward(i)) != null && less(f, node.score, node.key())) {
                x = f;
            }
            update[i] = x;
        }
        x = x.forward(0);
        if (x != node) {
            throw new IllegalStateException("node not in the skip list");
        }
        unlink(node, update);
    }

    /** Moves a node to a new score, in place when its position does not change (Redis's zslUpdateScore). */
    public void updateScore(Node node, double newScore) {
        Node prev = node.backward;
        Node next = node.forward(0);
        if ((prev == null || prev.score < newScore || (prev.score == newScore && compare(prev.key(), node.key()) < 0))
                && (next == null || next.score > newScore
                    || (next.score == newScore && compare(next.key(), node.key()) > 0))) {
            node.score = newScore;
            return;
        }
        delete(node);
        node.score = newScore;
        insertNode(node);
    }

    /** The 1-based rank of a node in the list. */
    public long rank(Node node) {
        long rank = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && !less(node, x.forward(i).score, x.forward(i).key())) {
                rank += x.span(i);
                x = x.forward(i);
            }
            if (x == node) {
                return rank;
            }
        }
        throw new IllegalStateException("node not in the skip list");
    }

    /** The node at a 1-based rank, or null if out of range. */
    public Node byRank(long rank) {
        long traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && traversed + x.span(i) <= rank) {
                traversed += x.span(i);
                x = x.forward(i);
            }
            if (traversed == rank) {
                return x == header ? null : x;
            }
        }
        return null;
    }

    /** The lowest node within the score range, or null. */
    public Node firstInRange(ScoreRange range) {
        if (!overlaps(range)) {
            return null;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && !range.aboveMin(x.forward(i).score)) {
                x = x.forward(i);
            }
        }
        x = x.forward(0);
        return x != null && range.belowMax(x.score) ? x : null;
    }

    /** The highest node within the score range, or null. */
    public Node lastInRange(ScoreRange range) {
        if (!overlaps(range)) {
            return null;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && range.belowMax(x.forward(i).score)) {
                x = x.forward(i);
            }
        }
        return x != header && range.aboveMin(x.score) ? x : null;
    }

    /** The lowest node within the lex range, or null. */
    public Node firstInRange(LexRange range) {
        if (!overlaps(range)) {
            return null;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && !range.aboveMin(x.forward(i).key())) {
                x = x.forward(i);
            }
        }
        x = x.forward(0);
        return x != null && range.belowMax(x.key()) ? x : null;
    }

    /** The highest node within the lex range, or null. */
    public Node lastInRange(LexRange range) {
        if (!overlaps(range)) {
            return null;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && range.belowMax(x.forward(i).key())) {
                x = x.forward(i);
            }
        }
        return x != header && range.aboveMin(x.key()) ? x : null;
    }

    /**
     * The first node from the head that is at or above the range's minimum, if it is also within the
     * maximum: Redis's listpack scan (zzlFirstInLexRange), which differs from the descent above when the
     * members' scores are not all equal (their lex order is then not the list's order).
     */
    public Node firstInRangeScanning(LexRange range) {
        if (!overlaps(range)) {
            return null;
        }
        for (Node x = header.forward(0); x != null; x = x.forward(0)) {
            if (range.aboveMin(x.key())) {
                return range.belowMax(x.key()) ? x : null;
            }
        }
        return null;
    }

    /** The first node from the tail at or below the maximum, if it is also within the minimum (zzlLastInLexRange). */
    public Node lastInRangeScanning(LexRange range) {
        if (!overlaps(range)) {
            return null;
        }
        for (Node x = tail; x != null; x = x.previous()) {
            if (range.belowMax(x.key())) {
                return range.aboveMin(x.key()) ? x : null;
            }
        }
        return null;
    }

    /** Bytes of the list's own structure (the header), not its nodes. */
    long overheadBytes() {
        // This object, and the header node with its upper-level arrays (it has no member).
        return 40 + 40 + (16 + 4L * (MAX_LEVEL - 1)) + (16 + 8L * (MAX_LEVEL - 1));
    }

    private boolean overlaps(ScoreRange range) {
        if (range.isEmpty() || tail == null || !range.aboveMin(tail.score)) {
            return false;
        }
        return range.belowMax(header.forward(0).score);
    }

    private boolean overlaps(LexRange range) {
        if (range.isEmpty() || tail == null || !range.aboveMin(tail.key())) {
            return false;
        }
        return range.belowMax(header.forward(0).key());
    }

    private void insertNode(Node x) {
        Node[] update = UPDATE.get();
        long[] rank = RANK.get();
        double score = x.score;
        byte[] member = x.key();
        Node at = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            Node f;
            while ((f = at.forward(i)) != null && less(f, score, member)) {
                rank[i] += at.span(i);
                at = f;
            }
            update[i] = at;
        }
        int lvl = x.level();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                header.span(i, length);
            }
            level = lvl;
        }
        for (int i = 0; i < lvl; i++) {
            x.forward(i, update[i].forward(i));
            update[i].forward(i, x);
            x.span(i, update[i].span(i) - (rank[0] - rank[i]));
            update[i].span(i, (rank[0] - rank[i]) + 1);
        }
        for (int i = lvl; i < level; i++) {
            update[i].span(i, update[i].span(i) + 1);
        }
        x.backward = update[0] == header ? null : update[0];
        if (x.forward(0) != null) {
            x.forward(0).backward = x;
        } else {
            tail = x;
        }
        length++;
        Arrays.fill(update, 0, level, null); // do not keep nodes reachable from the scratch
    }

    private void unlink(Node x, Node[] update) {
        for (int i = 0; i < level; i++) {
            if (update[i].forward(i) == x) {
                update[i].span(i, update[i].span(i) + x.span(i) - 1);
                update[i].forward(i, x.forward(i));
            } else {
                update[i].span(i, update[i].span(i) - 1);
            }
        }
        if (x.forward(0) != null) {
            x.forward(0).backward = x.backward;
        } else {
            tail = x.backward;
        }
        while (level > 1 && header.forward(level - 1) == null) {
            level--;
        }
        length--;
        Arrays.fill(update, 0, MAX_LEVEL, null);
        x.next = null;
        if (x.upper != null) {
            Arrays.fill(x.upper, null);
            Arrays.fill(x.upperSpan, 0);
        }
        x.backward = null;
    }

    /** True if {@code node} sorts strictly before (score, member). */
    private static boolean less(Node node, double score, byte[] member) {
        return node.score < score || (node.score == score && compare(node.key(), member) < 0);
    }

    /** Byte-wise unsigned comparison, shorter first on a common prefix: Redis's sdscmp. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static int randomLevel() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int lvl = 1;
        while (lvl < MAX_LEVEL && (random.nextInt() & 0xFFFF) < (0xFFFF >> 2)) {
            lvl++;
        }
        return lvl;
    }
}

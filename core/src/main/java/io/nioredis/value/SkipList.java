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
     * <p>A search steps from node to node along one level at a time, and each step is a cache miss, so a
     * node keeps its links in its own fields, as Redis's node keeps its level array inline: the link to
     * follow is in the node just read, not in an array elsewhere in the heap (the young collection copies
     * an array away from its node), which had cost ZADD a second miss per step. This class holds level 0,
     * the subclasses below one more level each up to 4 (99.6 % of nodes with p = 1/4), and the rare higher
     * node all of its upper levels in arrays. The level-0 span is not stored: it is 1 to a next node and 0
     * at the tail, as in Redis.
     */
    public static class Node extends KeyedValue {
        double score;
        Node backward;
        Node next;

        Node(byte[] member, double score) {
            super(member);
            this.score = score;
        }

        static Node of(byte[] member, double score, int level) {
            switch (level) {
                case 1:
                    return new Node(member, score);
                case 2:
                    return new Node2(member, score);
                case 3:
                    return new Node3(member, score);
                case 4:
                    return new Node4(member, score);
                default:
                    return new HighNode(member, score, level);
            }
        }

        public final double score() {
            return score;
        }

        /** The next node in ascending order, or null. */
        public final Node next() {
            return next;
        }

        /** The previous node in ascending order, or null. */
        public final Node previous() {
            return backward;
        }

        int level() {
            return 1;
        }

        final Node forward(int i) {
            return i == 0 ? next : upper(i);
        }

        final void forward(int i, Node node) {
            if (i == 0) {
                next = node;
            } else {
                upper(i, node);
            }
        }

        final long span(int i) {
            return i == 0 ? (next != null ? 1 : 0) : upperSpan(i);
        }

        /** Sets a span; the level-0 span follows from the link, so only upper spans are kept. */
        final void span(int i, long span) {
            if (i > 0) {
                upperSpan(i, span);
            }
        }

        /** The link of level {@code i >= 1}; each subclass answers for the levels it adds. */
        Node upper(int i) {
            throw new IndexOutOfBoundsException("level " + i + " of a node of level " + level());
        }

        void upper(int i, Node node) {
            throw new IndexOutOfBoundsException("level " + i + " of a node of level " + level());
        }

        long upperSpan(int i) {
            throw new IndexOutOfBoundsException("level " + i + " of a node of level " + level());
        }

        void upperSpan(int i, long span) {
            throw new IndexOutOfBoundsException("level " + i + " of a node of level " + level());
        }

        /** Drops the node's links once it is out of the list, so that it keeps none of the list reachable. */
        void clearLinks() {
            next = null;
            backward = null;
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
            return shallowBytes() + align(16 + key().length);
        }

        /** The node object itself (and its arrays, for a high node), not its member. */
        long shallowBytes() {
            return 32; // header, member, score, backward, next
        }

        static long align(long bytes) {
            return (bytes + 7) & ~7L;
        }
    }

    private static class Node2 extends Node {
        private Node up1;
        private long span1;

        Node2(byte[] member, double score) {
            super(member, score);
        }

        @Override
        int level() {
            return 2;
        }

        @Override
        Node upper(int i) {
            return i == 1 ? up1 : super.upper(i);
        }

        @Override
        void upper(int i, Node node) {
            if (i == 1) {
                up1 = node;
            } else {
                super.upper(i, node);
            }
        }

        @Override
        long upperSpan(int i) {
            return i == 1 ? span1 : super.upperSpan(i);
        }

        @Override
        void upperSpan(int i, long span) {
            if (i == 1) {
                span1 = span;
            } else {
                super.upperSpan(i, span);
            }
        }

        @Override
        void clearLinks() {
            super.clearLinks();
            up1 = null;
            span1 = 0;
        }

        @Override
        long shallowBytes() {
            return 48;
        }
    }

    private static class Node3 extends Node2 {
        private Node up2;
        private long span2;

        Node3(byte[] member, double score) {
            super(member, score);
        }

        @Override
        int level() {
            return 3;
        }

        @Override
        Node upper(int i) {
            return i == 2 ? up2 : super.upper(i);
        }

        @Override
        void upper(int i, Node node) {
            if (i == 2) {
                up2 = node;
            } else {
                super.upper(i, node);
            }
        }

        @Override
        long upperSpan(int i) {
            return i == 2 ? span2 : super.upperSpan(i);
        }

        @Override
        void upperSpan(int i, long span) {
            if (i == 2) {
                span2 = span;
            } else {
                super.upperSpan(i, span);
            }
        }

        @Override
        void clearLinks() {
            super.clearLinks();
            up2 = null;
            span2 = 0;
        }

        @Override
        long shallowBytes() {
            return 56;
        }
    }

    private static class Node4 extends Node3 {
        private Node up3;
        private long span3;

        Node4(byte[] member, double score) {
            super(member, score);
        }

        @Override
        int level() {
            return 4;
        }

        @Override
        Node upper(int i) {
            return i == 3 ? up3 : super.upper(i);
        }

        @Override
        void upper(int i, Node node) {
            if (i == 3) {
                up3 = node;
            } else {
                super.upper(i, node);
            }
        }

        @Override
        long upperSpan(int i) {
            return i == 3 ? span3 : super.upperSpan(i);
        }

        @Override
        void upperSpan(int i, long span) {
            if (i == 3) {
                span3 = span;
            } else {
                super.upperSpan(i, span);
            }
        }

        @Override
        void clearLinks() {
            super.clearLinks();
            up3 = null;
            span3 = 0;
        }

        @Override
        long shallowBytes() {
            return 72;
        }
    }

    /**
     * A node of level 5 or more (one in 256), and the header: every level above 0 in arrays, read directly
     * rather than through the fields' chain of overrides, since every search starts at the header.
     */
    private static final class HighNode extends Node {
        private final Node[] upper;
        private final long[] upperSpan;

        HighNode(byte[] member, double score, int level) {
            super(member, score);
            upper = new Node[level - 1];
            upperSpan = new long[level - 1];
        }

        @Override
        int level() {
            return upper.length + 1;
        }

        @Override
        Node upper(int i) {
            return upper[i - 1];
        }

        @Override
        void upper(int i, Node node) {
            upper[i - 1] = node;
        }

        @Override
        long upperSpan(int i) {
            return upperSpan[i - 1];
        }

        @Override
        void upperSpan(int i, long span) {
            upperSpan[i - 1] = span;
        }

        @Override
        void clearLinks() {
            super.clearLinks();
            Arrays.fill(upper, null);
            Arrays.fill(upperSpan, 0);
        }

        @Override
        long shallowBytes() {
            return 40 + align(16 + 4L * upper.length) + 16 + 8L * upperSpan.length;
        }
    }

    /** Scratch for the update path; one per thread because the event loop is single-threaded. */
    private static final ThreadLocal<Node[]> UPDATE = ThreadLocal.withInitial(() -> new Node[MAX_LEVEL]);
    private static final ThreadLocal<long[]> RANK = ThreadLocal.withInitial(() -> new long[MAX_LEVEL]);

    private final Node header = Node.of(null, 0, MAX_LEVEL);
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
        Node x = Node.of(member, score, randomLevel());
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
        return 40 + header.shallowBytes(); // this object, and the header node with its arrays (it has no member)
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
        x.clearLinks();
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

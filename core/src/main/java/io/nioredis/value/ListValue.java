package io.nioredis.value;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyedValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A Redis list, packed as Redis 7.0's quicklist packs it: a sequence of nodes, each a byte array of
 * listpack entries ({@link PackedEntry}), so a small element costs its bytes plus two (a 10-byte string
 * takes 12 bytes, a small integer 2) instead of an object per element. Nodes fill up to the limit of
 * {@code list-max-listpack-size} (the "fill", fixed when the list is made, as in Redis: -1..-5 for 4..64 KB
 * of entries, positive for an entry count) by Redis's own _quicklistNodeAllowInsert, so node counts match
 * Redis's for lists built by pushes.
 *
 * <p>The nodes sit in a ring of arrays rather than a linked list of node objects: {@code nodes} holds the
 * byte arrays and {@code meta} three ints per node (start and end of the used bytes, entry count). A node's
 * entries live in {@code [start, end)} of its array with free room on either side, so a push or pop at
 * either end of the list is O(1) amortised with no per-element object. An index is found by walking node
 * counts from the nearer end, then entries from the nearer end of the node, as Redis does.
 *
 * <p>Positions inside the list are handed out as {@code long} handles (node index in the high half, byte
 * position in the low half), so callers can walk and compare elements without allocating; a handle is
 * only valid until the list changes. Memory ({@link #memoryUsage}) is tracked as arrays change, O(1).
 */
public final class ListValue extends KeyedValue {
    /** list-max-listpack-size's default. */
    public static final int DEFAULT_FILL = -2;
    /** Redis's optimization_level: node byte limits for fill -1..-5. */
    private static final int[] SIZE_LIMITS = {4096, 8192, 16384, 32768, 65536};
    /** SIZE_SAFETY_LIMIT: a node never grows past this when the fill is an element count. */
    private static final int SAFETY_LIMIT = 8192;
    /** SIZE_ESTIMATE_OVERHEAD: Redis's allowance for an entry's header and back-length. */
    private static final int ESTIMATE_OVERHEAD = 8;
    /** quicklistSetFill clamps the fill into [-5, 1 << 15]. */
    private static final int FILL_MAX = 1 << 15;
    /** lpBytes counts a 6-byte header and an end byte that the nodes here leave out. */
    private static final int LISTPACK_FRAME = 7;
    /** LP_HDR_NUMELE_UNKNOWN: a listpack header's count once it no longer fits 16 bits. */
    private static final int LISTPACK_COUNT_UNKNOWN = 65535;
    /** Object header and fields of this object. */
    private static final long FIXED_BYTES = 56;
    private static final int META = 3;
    private static final int START = 0;
    private static final int END = 1;
    private static final int COUNT = 2;
    /** Returned by the handle walk past either end. */
    public static final long NONE = -1;

    private final int fill;
    /** The byte limit node growth aims at (a single larger entry still gets a node of its own). */
    private final int nodeLimit;
    private byte[][] nodes;
    private int[] meta;
    private int head;
    private int nodeCount;
    private int size;
    /** Heap bytes of the node arrays. */
    private long nodeBytes;

    public ListValue(byte[] key) {
        this(key, DEFAULT_FILL);
    }

    /** A list whose nodes follow {@code fill} (list-max-listpack-size when the list was made). */
    public ListValue(byte[] key, int fill) {
        super(key);
        this.fill = Math.max(-5, Math.min(FILL_MAX, fill));
        this.nodeLimit = this.fill < 0 ? SIZE_LIMITS[-this.fill - 1] : SAFETY_LIMIT;
        nodes = new byte[1][];
        meta = new int[META];
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public long memoryUsage() {
        return FIXED_BYTES + arrayBytes(key().length) + ((16L + 4L * nodes.length + 7) & ~7L)
                + ((16L + 4L * meta.length + 7) & ~7L) + nodeBytes;
    }

    /** A copy with the same fill (as Redis's quicklistDup), its nodes cut to their content. */
    @Override
    public KeyedValue copy(byte[] newKey) {
        ListValue copy = new ListValue(newKey, fill);
        for (int i = 0; i < nodeCount; i++) {
            int s = slot(i);
            int used = end(s) - start(s);
            byte[] data = new byte[used];
            System.arraycopy(nodes[s], start(s), data, 0, used);
            copy.insertNode(i, data, 0, used, count(s));
        }
        copy.size = size;
        return copy;
    }

    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** list-max-listpack-size as it was when the list was made (DEBUG OBJECT's ql_listpack_max). */
    public int fill() {
        return fill;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** The bytes the nodes would take as Redis's listpacks (DEBUG OBJECT's ql_uncompressed_size). */
    public long listpackBytes() {
        long total = 0;
        for (int i = 0; i < nodeCount; i++) {
            total += end(slot(i)) - start(slot(i)) + LISTPACK_FRAME;
        }
        return total;
    }

    /**
     * The position of Redis's list index {@code index} (negative counts from the end, -1 is the last), or
     * -1 if it is out of range, as LINDEX and LSET read it.
     */
    public int position(long index) {
        if (index < 0) {
            index += size;
        }
        return index < 0 || index >= size ? -1 : (int) index;
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** The element at {@code index} (0 is the head, in range) as a fresh array. */
    public byte[] get(int index) {
        return element(locate(index));
    }

    /** Writes the element at {@code index} (in range) as a bulk string (LINDEX). */
    public void writeElement(int index, RespWriter out) {
        write(locate(index), out);
    }

    /** Writes elements {@code from..to} (inclusive, in range) as bulk strings, straight from the nodes. */
    public void writeRange(int from, int to, RespWriter out) {
        long h = locate(from);
        for (int i = from; i <= to; i++) {
            write(h, out);
            h = next(h);
        }
    }

    /** Copies of elements {@code from..to} (inclusive, in range), in order. */
    public byte[][] range(int from, int to) {
        byte[][] out = new byte[Math.max(0, to - from + 1)][];
        long h = out.length == 0 ? NONE : locate(from);
        for (int i = 0; i < out.length; i++) {
            out[i] = element(h);
            h = next(h);
        }
        return out;
    }

    /** Copies of all elements, head first (for the cold paths: RDB, digests, SORT). */
    public List<byte[]> elements() {
        List<byte[]> out = new ArrayList<>(size);
        for (long h = first(); h != NONE; h = next(h)) {
            out.add(element(h));
        }
        return out;
    }

    /**
     * Each node as a whole listpack (its entries framed by the 6-byte header and the end byte), head first:
     * the list as Redis's RDB and DUMP carry its quicklist nodes.
     */
    public List<byte[]> listpacks() {
        List<byte[]> out = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            out.add(listpack(i));
        }
        return out;
    }

    /**
     * Node {@code i} (head first, below {@link #nodeCount}) as a whole listpack, so a snapshot can write a
     * long list a node at a time instead of copying every node first.
     */
    public byte[] listpack(int i) {
        int s = slot(i);
        int used = end(s) - start(s);
        int total = used + LISTPACK_FRAME;
        byte[] lp = new byte[total];
        lp[0] = (byte) total;
        lp[1] = (byte) (total >>> 8);
        lp[2] = (byte) (total >>> 16);
        lp[3] = (byte) (total >>> 24);
        int count = Math.min(count(s), LISTPACK_COUNT_UNKNOWN);
        lp[4] = (byte) count;
        lp[5] = (byte) (count >>> 8);
        System.arraycopy(nodes[s], start(s), lp, 6, used);
        lp[total - 1] = (byte) 0xFF;
        return lp;
    }

    /** The handle of the element at {@code index} (in range). */
    public long locate(int index) {
        int i;
        int before;
        if (index < size / 2) {
            i = 0;
            before = 0;
            while (before + count(slot(i)) <= index) {
                before += count(slot(i));
                i++;
            }
        } else {
            i = nodeCount - 1;
            before = size - count(slot(i));
            while (before > index) {
                i--;
                before -= count(slot(i));
            }
        }
        int s = slot(i);
        byte[] node = nodes[s];
        int k = index - before;
        int c = count(s);
        int p;
        if (k < c / 2) {
            p = start(s);
            for (int j = 0; j < k; j++) {
                p = PackedEntry.next(node, p);
            }
        } else {
            p = end(s);
            for (int j = c; j > k; j--) {
                p = PackedEntry.previous(node, p);
            }
        }
        return handle(i, p);
    }

    /** The head element's handle, or {@link #NONE}. */
    public long first() {
        return nodeCount == 0 ? NONE : handle(0, start(slot(0)));
    }

    /** The tail element's handle, or {@link #NONE}. */
    public long last() {
        if (nodeCount == 0) {
            return NONE;
        }
        int s = slot(nodeCount - 1);
        return handle(nodeCount - 1, PackedEntry.previous(nodes[s], end(s)));
    }

    /** The handle after {@code h}, or {@link #NONE} past the tail. */
    public long next(long h) {
        int i = nodeOf(h);
        int s = slot(i);
        int p = PackedEntry.next(nodes[s], positionOf(h));
        if (p < end(s)) {
            return handle(i, p);
        }
        return i + 1 < nodeCount ? handle(i + 1, start(slot(i + 1))) : NONE;
    }

    /** The handle before {@code h}, or {@link #NONE} past the head. */
    public long previous(long h) {
        int i = nodeOf(h);
        int s = slot(i);
        int p = positionOf(h);
        if (p > start(s)) {
            return handle(i, PackedEntry.previous(nodes[s], p));
        }
        if (i == 0) {
            return NONE;
        }
        s = slot(i - 1);
        return handle(i - 1, PackedEntry.previous(nodes[s], end(s)));
    }

    public byte[] element(long h) {
        return PackedEntry.toBytes(nodes[slot(nodeOf(h))], positionOf(h));
    }

    public void write(long h, RespWriter out) {
        PackedEntry.writeTo(nodes[slot(nodeOf(h))], positionOf(h), out);
    }

    /**
     * Whether the element at {@code h} is exactly {@code b[off..off+len)}; {@code probeIsInteger} and
     * {@code probeValue} come from {@link #isInteger} and {@link io.nioredis.text.Ascii#parseLong} on the
     * probe, worked out once per search rather than once per element.
     */
    public boolean matches(long h, byte[] b, int off, int len, boolean probeIsInteger, long probeValue) {
        return PackedEntry.matches(nodes[slot(nodeOf(h))], positionOf(h), b, off, len, probeIsInteger, probeValue);
    }

    /** Whether an element of these bytes is packed as an integer (so it compares by value). */
    public static boolean isInteger(byte[] b, int off, int len) {
        return PackedEntry.isInteger(b, off, len);
    }

    // ---- pushing and popping at the ends -------------------------------------------------------------

    public void push(boolean atHead, byte[] element) {
        push(atHead, element, 0, element.length);
    }

    public void pushHead(byte[] element) {
        push(true, element, 0, element.length);
    }

    public void pushTail(byte[] element) {
        push(false, element, 0, element.length);
    }

    /** Pushes a copy of {@code b[off..off+len)}; the caller keeps its array. */
    public void push(boolean atHead, byte[] b, int off, int len) {
        int n = PackedEntry.encodedSize(b, off, len);
        int at = reserveAtEnd(atHead, len, n);
        PackedEntry.write(nodes[endSlot(atHead)], at, b, off, len);
        commitAtEnd(atHead, at, n);
    }

    /**
     * Pushes arguments {@code first..argc-1} of a request one by one (LPUSH, RPUSH), copying them from the
     * request's buffer. The end node is first sized for all of them (up to its limit), so a list built by
     * one many-element push holds no spare room, as a listpack grown by realloc holds little.
     */
    public void pushAll(boolean atHead, Request request, int first) {
        byte[] b = request.array();
        push(atHead, b, request.offset(first), request.length(first));
        int argc = request.argc();
        if (argc - first > 1) {
            long more = 0;
            for (int i = first + 1; i < argc; i++) {
                more += PackedEntry.encodedSize(b, request.offset(i), request.length(i));
            }
            expectAtEnd(atHead, more);
            for (int i = first + 1; i < argc; i++) {
                push(atHead, b, request.offset(i), request.length(i));
            }
        }
    }

    /** Grows the end node to take {@code bytes} more (as far as its limit allows) in one step. */
    private void expectAtEnd(boolean atHead, long bytes) {
        int s = endSlot(atHead);
        byte[] node = nodes[s];
        int used = end(s) - start(s);
        int capacity = (int) Math.min(used + bytes, Math.max(nodeLimit, node.length));
        if (capacity > node.length) {
            byte[] fresh = new byte[capacity];
            int newStart = atHead ? capacity - used : 0;
            System.arraycopy(node, start(s), fresh, newStart, used);
            replaceArray(s, fresh);
            setRange(s, newStart, newStart + used);
        }
    }

    /** Removes and returns the element at one end; the list must not be empty. */
    public byte[] pop(boolean atHead) {
        long h = atHead ? first() : last();
        byte[] e = element(h);
        removeAtEnd(atHead);
        return e;
    }

    public byte[] popHead() {
        return pop(true);
    }

    public byte[] popTail() {
        return pop(false);
    }

    /** Pops one end straight into a bulk reply, with no array for the element. */
    public void popTo(boolean atHead, RespWriter out) {
        write(atHead ? first() : last(), out);
        removeAtEnd(atHead);
    }

    /**
     * Moves the element at one end of {@code source} to one end of {@code dest} (which may be the same
     * list), copying its packed bytes across, and replies it from its new place (LMOVE, RPOPLPUSH).
     */
    public static void move(ListValue source, boolean fromHead, ListValue dest, boolean toHead, RespWriter out) {
        long h = fromHead ? source.first() : source.last();
        if (source == dest && fromHead == toHead) {
            source.write(h, out); // popped and pushed back at the same end: nothing changes
            return;
        }
        byte[] node = source.nodes[source.slot(nodeOf(h))];
        int n = PackedEntry.size(node, positionOf(h));
        int at = dest.reserveAtEnd(toHead, PackedEntry.elementLength(node, positionOf(h)), n);
        // The reservation may have moved the source's bytes when source and dest are one list.
        h = fromHead ? source.first() : source.last();
        System.arraycopy(source.nodes[source.slot(nodeOf(h))], positionOf(h), dest.nodes[dest.endSlot(toHead)], at, n);
        dest.commitAtEnd(toHead, at, n);
        source.removeAtEnd(fromHead);
        dest.write(toHead ? dest.first() : dest.last(), out);
    }

    private int endSlot(boolean atHead) {
        return slot(atHead ? 0 : nodeCount - 1);
    }

    /**
     * Makes room for an entry of {@code n} bytes at one end, in the end node if Redis would let the
     * element join it, else in a new node; returns where to write it.
     */
    private int reserveAtEnd(boolean atHead, int elementLength, int n) {
        if (nodeCount == 0 || !allowInsert(endSlot(atHead), elementLength)) {
            if (nodeCount > 0) {
                fitToContent(endSlot(atHead)); // the full node is done growing: drop its slack
            }
            byte[] data = new byte[n];
            // A head node's room is before its entries, a tail node's after them.
            insertNode(atHead ? 0 : nodeCount, data, atHead ? n : 0, atHead ? n : 0, 0);
            return 0;
        }
        int s = endSlot(atHead);
        byte[] node = nodes[s];
        int start = start(s);
        int end = end(s);
        if (atHead ? start >= n : node.length - end >= n) {
            return atHead ? start - n : end;
        }
        // Not enough room on this side: grow, or (once the node is at its size) move the free room over.
        int used = end - start;
        int need = used + n;
        int capacity = node.length;
        if (need > capacity || capacity - need < used / 4 && capacity < nodeLimit) {
            capacity = grownCapacity(capacity, need);
        }
        byte[] target = capacity == node.length ? node : new byte[capacity];
        int newStart = atHead ? capacity - used : 0;
        System.arraycopy(node, start, target, newStart, used);
        replaceArray(s, target);
        setRange(s, newStart, newStart + used);
        return atHead ? newStart - n : newStart + used;
    }

    private void commitAtEnd(boolean atHead, int at, int n) {
        int s = endSlot(atHead);
        if (atHead) {
            meta[s * META + START] = at;
        } else {
            meta[s * META + END] = at + n;
        }
        meta[s * META + COUNT]++;
        size++;
    }

    private void removeAtEnd(boolean atHead) {
        int s = endSlot(atHead);
        byte[] node = nodes[s];
        if (atHead) {
            meta[s * META + START] = PackedEntry.next(node, start(s));
        } else {
            meta[s * META + END] = PackedEntry.previous(node, end(s));
        }
        size--;
        if (--meta[s * META + COUNT] == 0) {
            removeNode(atHead ? 0 : nodeCount - 1);
        } else {
            shrinkIfSparse(s);
        }
    }

    /** _quicklistNodeAllowInsert: whether an element of this length may join the node. */
    private boolean allowInsert(int s, int elementLength) {
        long newSize = (long) end(s) - start(s) + LISTPACK_FRAME + elementLength + ESTIMATE_OVERHEAD;
        if (fill < 0) {
            return newSize <= nodeLimit;
        }
        if (newSize > SAFETY_LIMIT) {
            return false;
        }
        return count(s) < fill;
    }

    // ---- changes in the middle ----------------------------------------------------------------------

    /** Replaces the element at {@code index} (in range) with a copy of {@code b[off..off+len)} (LSET). */
    public void set(int index, byte[] b, int off, int len) {
        long h = locate(index);
        int s = slot(nodeOf(h));
        int p = positionOf(h);
        int n = PackedEntry.encodedSize(b, off, len);
        p = resizeRegion(s, p, PackedEntry.size(nodes[s], p), n);
        PackedEntry.write(nodes[s], p, b, off, len);
    }

    public void set(int index, byte[] element) {
        set(index, element, 0, element.length);
    }

    /** Inserts {@code b[off..off+len)} so that it ends up at {@code index} (0..size), as LINSERT does. */
    public void insert(int index, byte[] b, int off, int len) {
        if (index == 0 || index == size) {
            push(index == 0, b, off, len);
            return;
        }
        long h = locate(index);
        int i = nodeOf(h);
        int s = slot(i);
        int p = positionOf(h);
        int n = PackedEntry.encodedSize(b, off, len);
        if (allowInsert(s, len)) {
            p = resizeRegion(s, p, 0, n);
        } else if (p == start(s) && i > 0 && allowInsert(slot(i - 1), len)) {
            // Before a full node's first entry: append to the previous node instead, as Redis does.
            s = slot(i - 1);
            p = resizeRegion(s, end(s), 0, n);
        } else {
            // Split the full node at the insertion point, as _quicklistSplitNode, and append to its first part.
            if (p > start(s)) {
                splitNode(i, p);
            } else {
                insertNode(i, new byte[0], 0, 0, 0);
            }
            s = slot(i);
            p = resizeRegion(s, end(s), 0, n);
        }
        PackedEntry.write(nodes[s], p, b, off, len);
        meta[s * META + COUNT]++;
        size++;
    }

    /**
     * Inserts {@code b[off..off+len)} before or after the element at {@code pivot} (LINSERT), choosing the
     * node as Redis's _quicklistInsert does: the pivot's node if it has room, else the neighbour the new
     * element borders if that has room, else a new node at a node's edge, else the full node is split at
     * the pivot and the nodes around it merged where they fit, so node counts stay Redis's.
     */
    public void insert(int pivot, boolean after, byte[] b, int off, int len) {
        long h = locate(pivot);
        int i = nodeOf(h);
        int s = slot(i);
        int p = positionOf(h);
        int n = PackedEntry.encodedSize(b, off, len);
        boolean atTail = after && PackedEntry.next(nodes[s], p) == end(s);
        boolean atHead = !after && p == start(s);
        int at;
        if (allowInsert(s, len)) {
            at = resizeRegion(s, after ? PackedEntry.next(nodes[s], p) : p, 0, n);
        } else if (atTail && i + 1 < nodeCount && allowInsert(slot(i + 1), len)) {
            s = slot(i + 1);
            at = resizeRegion(s, start(s), 0, n);
        } else if (atHead && i > 0 && allowInsert(slot(i - 1), len)) {
            s = slot(i - 1);
            at = resizeRegion(s, end(s), 0, n);
        } else if (atTail || atHead) {
            int j = atTail ? i + 1 : i;
            insertNode(j, new byte[0], 0, 0, 0);
            s = slot(j);
            at = resizeRegion(s, 0, 0, n);
        } else {
            // _quicklistSplitNode: the part on the new element's side goes to a new node, which takes it.
            int center;
            if (after) {
                splitNode(i, PackedEntry.next(nodes[s], p));
                s = slot(i + 1);
                at = resizeRegion(s, start(s), 0, n);
                center = i;
            } else {
                splitNode(i, p);
                s = slot(i);
                at = resizeRegion(s, end(s), 0, n);
                center = i + 1;
            }
            PackedEntry.write(nodes[s], at, b, off, len);
            meta[s * META + COUNT]++;
            size++;
            mergeAround(center);
            return;
        }
        PackedEntry.write(nodes[s], at, b, off, len);
        meta[s * META + COUNT]++;
        size++;
    }

    /** _quicklistMergeNodes: merges the nodes on either side of node {@code c}, then {@code c} with its neighbours. */
    private void mergeAround(int c) {
        if (c >= 2 && allowMerge(c - 2, c - 1)) {
            merge(c - 2);
            c--;
        }
        if (c + 2 < nodeCount && allowMerge(c + 1, c + 2)) {
            merge(c + 1);
        }
        int target = c;
        if (c >= 1 && allowMerge(c - 1, c)) {
            merge(c - 1);
            target = c - 1;
        }
        if (target + 1 < nodeCount && allowMerge(target, target + 1)) {
            merge(target);
        }
    }

    /** _quicklistNodeAllowMerge: the merged listpack would be within the fill (one header and end byte less). */
    private boolean allowMerge(int a, int b) {
        int sa = slot(a);
        int sb = slot(b);
        long merged = (long) end(sa) - start(sa) + end(sb) - start(sb) + LISTPACK_FRAME;
        if (fill < 0) {
            return merged <= nodeLimit;
        }
        return merged <= SAFETY_LIMIT && count(sa) + count(sb) <= fill;
    }

    /** Appends node {@code j + 1}'s entries to node {@code j} and drops it. */
    private void merge(int j) {
        int sa = slot(j);
        int sb = slot(j + 1);
        int used = end(sb) - start(sb);
        int at = resizeRegion(sa, end(sa), 0, used);
        System.arraycopy(nodes[sb], start(sb), nodes[sa], at, used);
        meta[sa * META + COUNT] += count(sb);
        removeNode(j + 1);
    }

    public void insert(int index, byte[] element) {
        insert(index, element, 0, element.length);
    }

    /** Removes the element at {@code index} (in range). */
    public void remove(int index) {
        long h = locate(index);
        int i = nodeOf(h);
        int s = slot(i);
        resizeRegion(s, positionOf(h), PackedEntry.size(nodes[s], positionOf(h)), 0);
        size--;
        if (--meta[s * META + COUNT] == 0) {
            removeNode(i);
        } else {
            shrinkIfSparse(s);
        }
    }

    /** Moves the entries from {@code p} on of node {@code i} into a new node after it. */
    private void splitNode(int i, int p) {
        int s = slot(i);
        byte[] node = nodes[s];
        int moved = 0;
        for (int q = p; q < end(s); q = PackedEntry.next(node, q)) {
            moved++;
        }
        int used = end(s) - p;
        byte[] data = new byte[used];
        System.arraycopy(node, p, data, 0, used);
        int count = count(s) - moved;
        setRange(s, start(s), p);
        meta[s * META + COUNT] = count;
        insertNode(i + 1, data, 0, used, moved);
    }

    /**
     * Keeps only the elements whose index is not marked in {@code doomed} (an array of {@link #size}
     * flags), packing each node in place in one pass (LREM). Emptied nodes are dropped.
     */
    public void removeMarked(boolean[] doomed) {
        int index = 0;
        for (int i = 0; i < nodeCount; i++) {
            int s = slot(i);
            byte[] node = nodes[s];
            int w = start(s);
            int kept = 0;
            for (int p = start(s), end = end(s); p < end; ) {
                int n = PackedEntry.size(node, p);
                if (!doomed[index++]) {
                    if (w != p) {
                        System.arraycopy(node, p, node, w, n);
                    }
                    w += n;
                    kept++;
                }
                p += n;
            }
            size -= count(s) - kept;
            meta[s * META + END] = w;
            meta[s * META + COUNT] = kept;
        }
        dropEmptyNodes();
    }

    /** Removes {@code fromHead} elements at the head and {@code fromTail} at the tail (LTRIM). */
    public void trim(int fromHead, int fromTail) {
        if (fromHead + fromTail >= size) {
            nodes = new byte[1][];
            meta = new int[META];
            head = 0;
            nodeCount = 0;
            nodeBytes = 0;
            size = 0;
            return;
        }
        size -= fromHead + fromTail;
        while (fromHead > 0 && count(slot(0)) <= fromHead) {
            fromHead -= count(slot(0));
            removeNode(0);
        }
        while (fromTail > 0 && count(slot(nodeCount - 1)) <= fromTail) {
            fromTail -= count(slot(nodeCount - 1));
            removeNode(nodeCount - 1);
        }
        if (fromHead > 0) {
            int s = slot(0);
            int p = start(s);
            for (int k = 0; k < fromHead; k++) {
                p = PackedEntry.next(nodes[s], p);
            }
            meta[s * META + START] = p;
            meta[s * META + COUNT] -= fromHead;
            shrinkIfSparse(s);
        }
        if (fromTail > 0) {
            int s = slot(nodeCount - 1);
            int p = end(s);
            for (int k = 0; k < fromTail; k++) {
                p = PackedEntry.previous(nodes[s], p);
            }
            meta[s * META + END] = p;
            meta[s * META + COUNT] -= fromTail;
            shrinkIfSparse(s);
        }
    }

    /**
     * Replaces the {@code oldLen} bytes at {@code p} of node slot {@code s} by a gap of {@code newLen},
     * moving the shorter side of the node or growing it; returns where the gap now starts.
     */
    private int resizeRegion(int s, int p, int oldLen, int newLen) {
        byte[] node = nodes[s];
        int start = start(s);
        int end = end(s);
        int delta = newLen - oldLen;
        int before = p - start;
        int after = end - p - oldLen;
        if (delta <= 0) {
            if (before < after) {
                System.arraycopy(node, start, node, start - delta, before);
                setRange(s, start - delta, end);
                return p - delta;
            }
            System.arraycopy(node, p + oldLen, node, p + newLen, after);
            setRange(s, start, end + delta);
            return p;
        }
        boolean roomAfter = node.length - end >= delta;
        boolean roomBefore = start >= delta;
        if (roomAfter && (!roomBefore || after <= before)) {
            System.arraycopy(node, p + oldLen, node, p + newLen, after);
            setRange(s, start, end + delta);
            return p;
        }
        if (roomBefore) {
            System.arraycopy(node, start, node, start - delta, before);
            setRange(s, start - delta, end);
            return p - delta;
        }
        int used = end - start + delta;
        int capacity = grownCapacity(node.length, used);
        byte[] fresh = new byte[capacity];
        int newStart = (capacity - used) / 2;
        System.arraycopy(node, start, fresh, newStart, before);
        System.arraycopy(node, p + oldLen, fresh, newStart + before + newLen, after);
        replaceArray(s, fresh);
        setRange(s, newStart, newStart + used);
        return newStart + before;
    }

    // ---- node arrays ------------------------------------------------------------------------------------

    /** Grows by a quarter, as jemalloc's size classes step, up to the node limit; never below {@code need}. */
    private int grownCapacity(int capacity, int need) {
        return Math.max(need, Math.min(capacity + (capacity >> 2) + 16, nodeLimit));
    }

    /** Gives a node less than a quarter full a smaller array, its room split between both ends. */
    private void shrinkIfSparse(int s) {
        int used = end(s) - start(s);
        int capacity = nodes[s].length;
        if (capacity > 64 && used < capacity / 4) {
            int target = used + (used >> 1) + 16;
            byte[] fresh = new byte[target];
            int newStart = (target - used) / 2;
            System.arraycopy(nodes[s], start(s), fresh, newStart, used);
            replaceArray(s, fresh);
            setRange(s, newStart, newStart + used);
        }
    }

    private void fitToContent(int s) {
        int used = end(s) - start(s);
        if (nodes[s].length != used) {
            byte[] fresh = new byte[used];
            System.arraycopy(nodes[s], start(s), fresh, 0, used);
            replaceArray(s, fresh);
            setRange(s, 0, used);
        }
    }

    private void replaceArray(int s, byte[] fresh) {
        nodeBytes += arrayBytes(fresh.length) - arrayBytes(nodes[s].length);
        nodes[s] = fresh;
    }

    /** Puts a node at position {@code i} (0..nodeCount) of the ring. */
    private void insertNode(int i, byte[] data, int start, int end, int count) {
        if (nodeCount == nodes.length) {
            resizeRing(nodes.length * 2);
        }
        int mask = nodes.length - 1;
        if (i == 0) {
            head = (head - 1) & mask;
        } else {
            for (int j = nodeCount; j > i; j--) {
                copySlot((head + j - 1) & mask, (head + j) & mask);
            }
        }
        int s = slot(i);
        nodes[s] = data;
        meta[s * META + START] = start;
        meta[s * META + END] = end;
        meta[s * META + COUNT] = count;
        nodeCount++;
        nodeBytes += arrayBytes(data.length);
    }

    /** Takes node {@code i} out of the ring (its elements must already be off {@link #size}). */
    private void removeNode(int i) {
        int mask = nodes.length - 1;
        nodeBytes -= arrayBytes(nodes[slot(i)].length);
        if (i == 0) {
            nodes[head] = null;
            head = (head + 1) & mask;
        } else {
            for (int j = i; j < nodeCount - 1; j++) {
                copySlot((head + j + 1) & mask, (head + j) & mask);
            }
            nodes[(head + nodeCount - 1) & mask] = null;
        }
        nodeCount--;
        if (nodes.length > 4 && nodeCount < nodes.length / 4) {
            resizeRing(nodes.length / 2);
        }
    }

    private void dropEmptyNodes() {
        int kept = 0;
        int mask = nodes.length - 1;
        for (int i = 0; i < nodeCount; i++) {
            int s = (head + i) & mask;
            if (count(s) == 0) {
                nodeBytes -= arrayBytes(nodes[s].length);
            } else {
                if (kept != i) {
                    copySlot(s, (head + kept) & mask);
                }
                shrinkIfSparse((head + kept) & mask);
                kept++;
            }
        }
        for (int i = kept; i < nodeCount; i++) {
            nodes[(head + i) & mask] = null;
        }
        nodeCount = kept;
        while (nodes.length > 4 && nodeCount < nodes.length / 4) {
            resizeRing(nodes.length / 2);
        }
    }

    private void copySlot(int from, int to) {
        nodes[to] = nodes[from];
        System.arraycopy(meta, from * META, meta, to * META, META);
    }

    /** New ring arrays of {@code capacity} (a power of two), unwrapped so the head node is at 0. */
    private void resizeRing(int capacity) {
        byte[][] freshNodes = new byte[capacity][];
        int[] freshMeta = new int[capacity * META];
        for (int i = 0; i < nodeCount; i++) {
            int s = slot(i);
            freshNodes[i] = nodes[s];
            System.arraycopy(meta, s * META, freshMeta, i * META, META);
        }
        nodes = freshNodes;
        meta = freshMeta;
        head = 0;
    }

    private int slot(int i) {
        return (head + i) & (nodes.length - 1);
    }

    private int start(int s) {
        return meta[s * META + START];
    }

    private int end(int s) {
        return meta[s * META + END];
    }

    private int count(int s) {
        return meta[s * META + COUNT];
    }

    private void setRange(int s, int start, int end) {
        meta[s * META + START] = start;
        meta[s * META + END] = end;
    }

    private static long handle(int node, int position) {
        return (long) node << 32 | position;
    }

    private static int nodeOf(long h) {
        return (int) (h >>> 32);
    }

    private static int positionOf(long h) {
        return (int) h;
    }

    /** Heap bytes of a byte array of {@code length}: header plus data, aligned to 8. */
    static long arrayBytes(int length) {
        return (16L + length + 7) & ~7L;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (long h = first(); h != NONE; h = next(h)) {
            b.append(b.length() == 1 ? "" : ", ").append(new String(element(h), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return b.append(']').toString();
    }
}

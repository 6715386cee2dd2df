package io.nioredis.rdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list into quicklist nodes exactly as Redis 7.0 fills them when the list is built by RPUSH:
 * each element goes to the tail node if _quicklistNodeAllowInsert says it fits, else starts a new node;
 * an element at or over the packed threshold gets a plain node of its own.
 */
final class QuicklistPacker {
    /** Node size limits for fill -1..-5 (optimization_level). */
    private static final int[] SIZE_LIMITS = {4096, 8192, 16384, 32768, 65536};
    /** SIZE_SAFETY_LIMIT: a node never grows past this when the fill is an element count. */
    private static final int SAFETY_LIMIT = 8192;
    /** SIZE_ESTIMATE_OVERHEAD: Redis's overestimate of the bytes an entry adds besides its data. */
    private static final int ESTIMATE_OVERHEAD = 8;
    /** quicklistSetFill clamps the fill into [-5, 1 << 15]. */
    private static final int FILL_MAX = 1 << 15;

    /** A quicklist node: a listpack, or (plain) one element's bytes. */
    record Node(boolean plain, byte[] data) {}

    private QuicklistPacker() {}

    static List<Node> pack(List<byte[]> elements, int fill, long packedThreshold) {
        fill = Math.max(-5, Math.min(FILL_MAX, fill));
        List<Node> nodes = new ArrayList<>();
        ListpackWriter tail = null;
        for (byte[] element : elements) {
            if (element.length >= packedThreshold) {
                if (tail != null) {
                    nodes.add(new Node(false, tail.toByteArray()));
                    tail = null;
                }
                nodes.add(new Node(true, element));
                continue;
            }
            if (tail == null || !allowInsert(tail, fill, element.length)) {
                if (tail != null) {
                    nodes.add(new Node(false, tail.toByteArray()));
                }
                tail = new ListpackWriter();
            }
            tail.append(element);
        }
        if (tail != null) {
            nodes.add(new Node(false, tail.toByteArray()));
        }
        return nodes;
    }

    /** _quicklistNodeAllowInsert for a packed tail node. */
    private static boolean allowInsert(ListpackWriter node, int fill, int elementSize) {
        long newSize = (long) node.bytes() + elementSize + ESTIMATE_OVERHEAD;
        if (fill < 0) {
            // Only -1..-5 reach here after clamping, so the size limit always applies.
            return newSize <= SIZE_LIMITS[-fill - 1];
        }
        if (newSize > SAFETY_LIMIT) {
            return false;
        }
        return node.count() < fill;
    }
}

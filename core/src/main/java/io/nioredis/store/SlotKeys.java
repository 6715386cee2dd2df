package io.nioredis.store;

import io.nioredis.cluster.HashSlot;
import java.util.Arrays;

/**
 * The keys of one database grouped by cluster hash slot, kept in cluster mode only, as Redis 7.0's
 * slots_to_keys: a count per slot and a doubly linked list of dict slots per hash slot, threaded through
 * arrays indexed by dict slot (a dict slot keeps its number for the life of its entry), so adding and
 * removing a key is O(1) and allocates nothing once the arrays have grown. CLUSTER COUNTKEYSINSLOT and
 * GETKEYSINSLOT read it.
 */
public final class SlotKeys {
    private final int[] counts = new int[HashSlot.COUNT];
    /** First dict slot of each hash slot's list, as dict slot + 1 (0: empty). */
    private final int[] heads = new int[HashSlot.COUNT];
    private int[] next = new int[64];
    private int[] prev = new int[64];
    private int[] hashSlotOf = new int[64];

    void added(int dictSlot, byte[] k, int off, int len) {
        if (dictSlot >= next.length) {
            int size = Math.max(dictSlot + 1, next.length * 2);
            next = Arrays.copyOf(next, size);
            prev = Arrays.copyOf(prev, size);
            hashSlotOf = Arrays.copyOf(hashSlotOf, size);
        }
        int slot = HashSlot.of(k, off, len);
        hashSlotOf[dictSlot] = slot;
        int head = heads[slot];
        next[dictSlot] = head;
        prev[dictSlot] = 0;
        if (head != 0) {
            prev[head - 1] = dictSlot + 1;
        }
        heads[slot] = dictSlot + 1;
        counts[slot]++;
    }

    void removed(int dictSlot) {
        int slot = hashSlotOf[dictSlot];
        int n = next[dictSlot];
        int p = prev[dictSlot];
        if (p == 0) {
            heads[slot] = n;
        } else {
            next[p - 1] = n;
        }
        if (n != 0) {
            prev[n - 1] = p;
        }
        counts[slot]--;
    }

    void clear() {
        Arrays.fill(counts, 0);
        Arrays.fill(heads, 0);
    }

    /** Keys in {@code hashSlot}. */
    public int count(int hashSlot) {
        return counts[hashSlot];
    }

    /** The first dict slot of the hash slot's keys, or -1. */
    public int first(int hashSlot) {
        return heads[hashSlot] - 1;
    }

    /** The dict slot after {@code dictSlot} in its hash slot's keys, or -1. */
    public int next(int dictSlot) {
        return next[dictSlot] - 1;
    }
}

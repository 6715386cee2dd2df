package io.nioredis.value.stream;

import java.util.Arrays;

/**
 * The nodes of a stream in id order, as parallel arrays: Redis keeps listpacks in a radix tree keyed
 * by each node's master id; here a node is a packed {@code byte[]} (layout in {@link EntryCodec}) and
 * the "tree" is a sorted array searched by binary search. Appends happen at the tail and trimming
 * removes from the head, so the live slots are [head, head + count) and removing the first node is O(1).
 *
 * <p>Per node: master id (the first entry's id, the node's key), last id (of the last entry written,
 * tombstone or not), live and deleted entry counts, the bytes used in {@code data}, and the size Redis's
 * listpack would have ({@link ListpackSize}), which decides when a node is full.
 */
final class StreamNodes {
    private static final int INITIAL_CAPACITY = 4;

    long[] masterMs = new long[INITIAL_CAPACITY];
    long[] masterSeq = new long[INITIAL_CAPACITY];
    long[] lastMs = new long[INITIAL_CAPACITY];
    long[] lastSeq = new long[INITIAL_CAPACITY];
    byte[][] data = new byte[INITIAL_CAPACITY][];
    int[] used = new int[INITIAL_CAPACITY];
    int[] live = new int[INITIAL_CAPACITY];
    int[] deleted = new int[INITIAL_CAPACITY];
    int[] listpackBytes = new int[INITIAL_CAPACITY];
    int head;
    int count;
    /** Heap bytes of the node arrays, kept current so that memory accounting after each write is O(1). */
    private long dataBytes;

    private static long arrayBytes(int length) {
        return 16 + ((length + 7) & ~7);
    }

    /** Swaps in a grown or trimmed array for a node, keeping {@link #dataBytes} right. */
    void replaceData(int slot, byte[] nodeData) {
        dataBytes += arrayBytes(nodeData.length) - arrayBytes(data[slot].length);
        data[slot] = nodeData;
    }

    int count() {
        return count;
    }

    /** Physical slot of the i-th node. */
    int slot(int i) {
        return head + i;
    }

    int lastSlot() {
        return head + count - 1;
    }

    /** Appends an empty node keyed by the given id and returns its slot. */
    int append(long ms, long seq, byte[] nodeData, int nodeUsed, int lpBytes) {
        if (head + count == masterMs.length) makeRoom();
        int s = head + count;
        masterMs[s] = ms;
        masterSeq[s] = seq;
        lastMs[s] = ms;
        lastSeq[s] = seq;
        data[s] = nodeData;
        dataBytes += arrayBytes(nodeData.length);
        used[s] = nodeUsed;
        live[s] = 0;
        deleted[s] = 0;
        listpackBytes[s] = lpBytes;
        count++;
        return s;
    }

    /** Removes the i-th node (logical index). */
    void remove(int i) {
        int s = head + i;
        dataBytes -= arrayBytes(data[s].length);
        data[s] = null;
        if (i == 0) {
            head++;
            count--;
            if (count == 0) head = 0;
            return;
        }
        int tail = count - i - 1;
        if (tail > 0) {
            System.arraycopy(masterMs, s + 1, masterMs, s, tail);
            System.arraycopy(masterSeq, s + 1, masterSeq, s, tail);
            System.arraycopy(lastMs, s + 1, lastMs, s, tail);
            System.arraycopy(lastSeq, s + 1, lastSeq, s, tail);
            System.arraycopy(data, s + 1, data, s, tail);
            System.arraycopy(used, s + 1, used, s, tail);
            System.arraycopy(live, s + 1, live, s, tail);
            System.arraycopy(deleted, s + 1, deleted, s, tail);
            System.arraycopy(listpackBytes, s + 1, listpackBytes, s, tail);
            data[head + count - 1] = null;
        }
        count--;
    }

    /** Logical index of the last node whose master id is <= the id, or -1 when every node starts after it. */
    int floor(long ms, long seq) {
        int lo = 0, hi = count - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = head + mid;
            if (StreamId.compare(masterMs[s], masterSeq[s], ms, seq) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Releases the spare capacity of a node that will receive no more entries, as Redis's lpShrinkToFit. */
    void shrink(int slot) {
        if (data[slot].length != used[slot]) replaceData(slot, Arrays.copyOf(data[slot], used[slot]));
    }

    private void makeRoom() {
        if (head > 0 && head >= masterMs.length / 4) {
            shift(head);
            return;
        }
        int capacity = masterMs.length * 2;
        masterMs = Arrays.copyOf(masterMs, capacity);
        masterSeq = Arrays.copyOf(masterSeq, capacity);
        lastMs = Arrays.copyOf(lastMs, capacity);
        lastSeq = Arrays.copyOf(lastSeq, capacity);
        data = Arrays.copyOf(data, capacity);
        used = Arrays.copyOf(used, capacity);
        live = Arrays.copyOf(live, capacity);
        deleted = Arrays.copyOf(deleted, capacity);
        listpackBytes = Arrays.copyOf(listpackBytes, capacity);
    }

    private void shift(int by) {
        System.arraycopy(masterMs, by, masterMs, 0, count);
        System.arraycopy(masterSeq, by, masterSeq, 0, count);
        System.arraycopy(lastMs, by, lastMs, 0, count);
        System.arraycopy(lastSeq, by, lastSeq, 0, count);
        System.arraycopy(data, by, data, 0, count);
        Arrays.fill(data, count, count + by, null);
        System.arraycopy(used, by, used, 0, count);
        System.arraycopy(live, by, live, 0, count);
        System.arraycopy(deleted, by, deleted, 0, count);
        System.arraycopy(listpackBytes, by, listpackBytes, 0, count);
        head = 0;
    }

    /** Approximate heap bytes of the index and the node arrays (compressed-oops object layout). */
    long memoryUsage() {
        // nine array headers, then per slot four longs, one reference and four ints
        long bytes = 40L + 9 * 16L + masterMs.length * (4 * 8L + 4 + 4 * 4L);
        return bytes + dataBytes;
    }
}

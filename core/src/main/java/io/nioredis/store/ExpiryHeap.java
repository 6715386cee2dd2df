package io.nioredis.store;

import java.util.Arrays;

/**
 * An indexed binary min-heap of (deadline, slot): the earliest deadline is on top, and every slot knows its
 * place in the heap, so setting, changing or removing one key's deadline costs O(log n) and the active
 * expiry only ever looks at the top.
 *
 * <p>Deadlines and slots sit in two parallel primitive arrays. The slot-to-position index is paged and a
 * page is allocated only once a slot in it gets a deadline, so keys without a TTL cost nothing here.
 */
public final class ExpiryHeap {
    private static final int PAGE_SHIFT = 12;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private long[] deadlines = new long[16];
    private int[] slots = new int[16];
    private int size;
    /** Slot to heap position + 1; 0 means the slot has no deadline. */
    private int[][] positionPages = new int[0][];
    /** Pages of {@link #positionPages} allocated, so that memory accounting needs no scan. */
    private int allocatedPages;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The earliest deadline; only when not empty. */
    public long peekDeadline() {
        return deadlines[0];
    }

    /** The slot with the earliest deadline; only when not empty. */
    public int peekSlot() {
        return slots[0];
    }

    /** The slot at heap position {@code index} (0 to size - 1), for sampling keys that have a deadline. */
    public int slotAt(int index) {
        return slots[index];
    }

    /** The slot's deadline, or -1 if it has none. */
    public long deadline(int slot) {
        int p = position(slot);
        return p < 0 ? -1 : deadlines[p];
    }

    public boolean has(int slot) {
        return position(slot) >= 0;
    }

    /** Gives the slot a deadline, or moves its existing one. */
    public void set(int slot, long deadline) {
        int p = position(slot);
        if (p >= 0) {
            long old = deadlines[p];
            deadlines[p] = deadline;
            if (deadline < old) {
                siftUp(p);
            } else {
                siftDown(p);
            }
            return;
        }
        if (size == deadlines.length) {
            // Grow by half, not double: with millions of TTLs the unused tail is 12 bytes per entry.
            int cap = size + (size >> 1);
            deadlines = Arrays.copyOf(deadlines, cap);
            slots = Arrays.copyOf(slots, cap);
        }
        deadlines[size] = deadline;
        slots[size] = slot;
        setPosition(slot, size);
        size++;
        siftUp(size - 1);
    }

    /** Removes the slot's deadline; false if it had none. */
    public boolean remove(int slot) {
        int p = position(slot);
        if (p < 0) {
            return false;
        }
        clearPosition(slot);
        size--;
        if (p != size) {
            long movedDeadline = deadlines[size];
            int movedSlot = slots[size];
            deadlines[p] = movedDeadline;
            slots[p] = movedSlot;
            setPosition(movedSlot, p);
            if (p > 0 && movedDeadline < deadlines[(p - 1) >>> 1]) {
                siftUp(p);
            } else {
                siftDown(p);
            }
        }
        return true;
    }

    public void clear() {
        deadlines = new long[16];
        slots = new int[16];
        size = 0;
        positionPages = new int[0][];
        allocatedPages = 0;
    }

    public long memoryUsage() {
        return 32 + 12L * deadlines.length + allocatedPages * (16 + 4L * PAGE_SIZE);
    }

    private void siftUp(int p) {
        long d = deadlines[p];
        int s = slots[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (deadlines[parent] <= d) {
                break;
            }
            deadlines[p] = deadlines[parent];
            slots[p] = slots[parent];
            setPosition(slots[p], p);
            p = parent;
        }
        deadlines[p] = d;
        slots[p] = s;
        setPosition(s, p);
    }

    private void siftDown(int p) {
        long d = deadlines[p];
        int s = slots[p];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int right = child + 1;
            if (right < size && deadlines[right] < deadlines[child]) {
                child = right;
            }
            if (d <= deadlines[child]) {
                break;
            }
            deadlines[p] = deadlines[child];
            slots[p] = slots[child];
            setPosition(slots[p], p);
            p = child;
        }
        deadlines[p] = d;
        slots[p] = s;
        setPosition(s, p);
    }

    private int position(int slot) {
        int page = slot >>> PAGE_SHIFT;
        if (page >= positionPages.length || positionPages[page] == null) {
            return -1;
        }
        return positionPages[page][slot & PAGE_MASK] - 1;
    }

    private void setPosition(int slot, int p) {
        int page = slot >>> PAGE_SHIFT;
        if (page >= positionPages.length) {
            positionPages = Arrays.copyOf(positionPages, Math.max(page + 1, positionPages.length * 2));
        }
        if (positionPages[page] == null) {
            positionPages[page] = new int[PAGE_SIZE];
            allocatedPages++;
        }
        positionPages[page][slot & PAGE_MASK] = p + 1;
    }

    private void clearPosition(int slot) {
        positionPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK] = 0;
    }
}

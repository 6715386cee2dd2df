package io.nioredis.store;

import java.util.Arrays;

/**
 * An indexed binary min-heap of (deadline, slot): the earliest deadline is on top, and every slot knows its
 * place in the heap, so setting, changing or removing one key's deadline costs O(log n) and the active
 * expiry only ever looks at the top.
 *
 * <p>Deadlines and slots sit in two parallel primitive arrays, kept in pages of {@value #PAGE_SIZE} entries
 * (the first page starts small and doubles up to a full one). With one contiguous pair of arrays, growing
 * past a million TTLs allocated the next 1.5x pair while the old one was still live, a transient of 2.5x the
 * arrays' size that the collector then kept as free heap, and left up to a third of the new ones unused. A
 * page is given back once two pages past the last entry are empty, so a heap that shrinks returns memory too.
 *
 * <p>The slot-to-position index is paged the same way, and a page of it is allocated only once a slot in it
 * gets a deadline, so keys without a TTL cost nothing here.
 */
public final class ExpiryHeap {
    private static final int PAGE_SHIFT = 12;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final int FIRST_PAGE_INITIAL = 16;
    private static final long PAGE_BYTES = pageBytes(PAGE_SIZE);

    private long[][] deadlinePages = new long[0][];
    private int[][] slotPages = new int[0][];
    /** Entries the allocated pages hold. */
    private int capacity;
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
        return deadlinePages[0][0];
    }

    /** The slot with the earliest deadline; only when not empty. */
    public int peekSlot() {
        return slotPages[0][0];
    }

    /** The slot at heap position {@code index} (0 to size - 1), for sampling keys that have a deadline. */
    public int slotAt(int index) {
        return slotPages[index >>> PAGE_SHIFT][index & PAGE_MASK];
    }

    /** The slot's deadline, or -1 if it has none. */
    public long deadline(int slot) {
        int p = position(slot);
        return p < 0 ? -1 : deadlineAt(p);
    }

    public boolean has(int slot) {
        return position(slot) >= 0;
    }

    /** Gives the slot a deadline, or moves its existing one. */
    public void set(int slot, long deadline) {
        int p = position(slot);
        if (p >= 0) {
            long old = deadlineAt(p);
            deadlinePages[p >>> PAGE_SHIFT][p & PAGE_MASK] = deadline;
            if (deadline < old) {
                siftUp(p);
            } else {
                siftDown(p);
            }
            return;
        }
        if (size == capacity) {
            grow();
        }
        size++;
        siftUp(size - 1, deadline, slot);
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
            long movedDeadline = deadlineAt(size);
            int movedSlot = slotAt(size);
            if (p > 0 && movedDeadline < deadlineAt((p - 1) >>> 1)) {
                siftUp(p, movedDeadline, movedSlot);
            } else {
                siftDown(p, movedDeadline, movedSlot);
            }
        }
        shrinkIfSparse();
        return true;
    }

    public void clear() {
        deadlinePages = new long[0][];
        slotPages = new int[0][];
        capacity = 0;
        size = 0;
        positionPages = new int[0][];
        allocatedPages = 0;
    }

    public long memoryUsage() {
        long entries = 0;
        int pages = deadlinePages.length;
        if (pages > 0) {
            entries = pageBytes(deadlinePages[0].length) + (pages - 1) * PAGE_BYTES;
        }
        return 32 + 8L * pages + entries + allocatedPages * (16 + 4L * PAGE_SIZE);
    }

    private static long pageBytes(int entries) {
        return 16 + 8L * entries + 16 + 4L * entries;
    }

    private long deadlineAt(int p) {
        return deadlinePages[p >>> PAGE_SHIFT][p & PAGE_MASK];
    }

    /** Room for one more entry: the first page doubles up to a full page, then whole pages are added. */
    private void grow() {
        int pages = deadlinePages.length;
        if (pages == 1 && capacity < PAGE_SIZE) {
            int next = Math.min(PAGE_SIZE, capacity * 2);
            deadlinePages[0] = Arrays.copyOf(deadlinePages[0], next);
            slotPages[0] = Arrays.copyOf(slotPages[0], next);
            capacity = next;
            return;
        }
        // Only the small page directories are copied; the pages themselves stay where they are.
        deadlinePages = Arrays.copyOf(deadlinePages, pages + 1);
        slotPages = Arrays.copyOf(slotPages, pages + 1);
        int entries = pages == 0 ? FIRST_PAGE_INITIAL : PAGE_SIZE;
        deadlinePages[pages] = new long[entries];
        slotPages[pages] = new int[entries];
        capacity += entries;
    }

    /** Drops the last page once it and the one before it are empty, keeping one spare against churn. */
    private void shrinkIfSparse() {
        int pages = deadlinePages.length;
        if (pages > 2 && size <= (pages - 2) * PAGE_SIZE) {
            deadlinePages = Arrays.copyOf(deadlinePages, pages - 1);
            slotPages = Arrays.copyOf(slotPages, pages - 1);
            capacity -= PAGE_SIZE;
        }
    }

    private void siftUp(int p) {
        siftUp(p, deadlineAt(p), slotAt(p));
    }

    private void siftDown(int p) {
        siftDown(p, deadlineAt(p), slotAt(p));
    }

    /** Places (d, s) at position p or above it, moving the parents it passes down. */
    private void siftUp(int p, long d, int s) {
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            long parentDeadline = deadlineAt(parent);
            if (parentDeadline <= d) {
                break;
            }
            put(p, parentDeadline, slotAt(parent));
            p = parent;
        }
        put(p, d, s);
    }

    /** Places (d, s) at position p or below it, moving the smaller children it passes up. */
    private void siftDown(int p, long d, int s) {
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            long childDeadline = deadlineAt(child);
            int right = child + 1;
            if (right < size) {
                long rightDeadline = deadlineAt(right);
                if (rightDeadline < childDeadline) {
                    child = right;
                    childDeadline = rightDeadline;
                }
            }
            if (d <= childDeadline) {
                break;
            }
            put(p, childDeadline, slotAt(child));
            p = child;
        }
        put(p, d, s);
    }

    private void put(int p, long d, int s) {
        deadlinePages[p >>> PAGE_SHIFT][p & PAGE_MASK] = d;
        slotPages[p >>> PAGE_SHIFT][p & PAGE_MASK] = s;
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

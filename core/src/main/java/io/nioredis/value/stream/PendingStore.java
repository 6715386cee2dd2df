package io.nioredis.value.stream;

import java.util.Arrays;

/**
 * The data of a group's pending entries (Redis's streamNACK: id, owner, delivery time and count), in numbered
 * slots of primitive arrays; the group's {@link PendingList} and its consumers' hold slot numbers.
 *
 * <p>An object per entry, 48 bytes, was what XREADGROUP left in the young generation: every one survived, so a
 * group whose pending list grew by a million entries had each young collection copy 8 MB of them into old
 * memory faulted in for the first time, ten pauses of up to 36-84 ms. Here the slots live in pages of
 * {@link #PAGE} slots: the ids' array of 1 MB and the delivery times' and counts' of 512 KB each, which the
 * launcher's collector makes straight in the old generation, and the owners' of 256 KB, 4 bytes per entry that
 * a young collection still promotes. The first page starts small and doubles. The arrays of a page are made
 * a few thousand deliveries ahead of its first slot, one array per delivery, as the JVM zeroes an array when
 * it makes it and fresh memory costs milliseconds per MB to touch (see {@code Dict}).
 */
final class PendingStore {
    private static final int PAGE_SHIFT = 16;
    static final int PAGE = 1 << PAGE_SHIFT;
    private static final int MASK = PAGE - 1;
    private static final int FIRST_PAGE_INITIAL = 16;
    /**
     * The arrays of a slot, numbered in the order they are made ahead: its id (two longs), its delivery time and
     * count, and its owner.
     */
    private static final int IDS = 0;
    private static final int TIMES = 1;
    private static final int COUNTS = 2;
    private static final int OWNERS = 3;
    private static final int ARRAYS = 4;
    /** Slots between two arrays made ahead for the first page's last doubling, and for a next page. */
    private static final int GROWTH_STEP = 1024;
    private static final int PAGE_STEP = 4096;

    /** Each slot's id, its two halves side by side: a binary search over ids reads one cache line per step. */
    private long[][] ids = new long[0][];
    private long[][] times = new long[0][];
    private long[][] counts = new long[0][];
    private Consumer[][] owners = new Consumer[0][];
    /** Slots ever handed out; below it, live or free. */
    private int limit;
    private int[] free = new int[16];
    private int freeCount;
    /** The arrays of the first page's last doubling or of the next page, made ahead; null until made. */
    private final long[][] ahead = new long[OWNERS][];
    private Consumer[] aheadOwners;

    /** A slot holding this entry. */
    int add(long entryMs, long entrySeq, Consumer owner, long deliveryTime, long deliveryCount) {
        int slot = freeCount > 0 ? free[--freeCount] : newSlot();
        int p = slot >>> PAGE_SHIFT;
        int i = slot & MASK;
        ids[p][2 * i] = entryMs;
        ids[p][2 * i + 1] = entrySeq;
        owners[p][i] = owner;
        times[p][i] = deliveryTime;
        counts[p][i] = deliveryCount;
        return slot;
    }

    /** Gives the slot back; its number may be handed out again. */
    void remove(int slot) {
        owners[slot >>> PAGE_SHIFT][slot & MASK] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    long ms(int slot) {
        return ids[slot >>> PAGE_SHIFT][2 * (slot & MASK)];
    }

    long seq(int slot) {
        return ids[slot >>> PAGE_SHIFT][2 * (slot & MASK) + 1];
    }

    Consumer owner(int slot) {
        return owners[slot >>> PAGE_SHIFT][slot & MASK];
    }

    void owner(int slot, Consumer owner) {
        owners[slot >>> PAGE_SHIFT][slot & MASK] = owner;
    }

    long deliveryTime(int slot) {
        return times[slot >>> PAGE_SHIFT][slot & MASK];
    }

    void deliveryTime(int slot, long time) {
        times[slot >>> PAGE_SHIFT][slot & MASK] = time;
    }

    long deliveryCount(int slot) {
        return counts[slot >>> PAGE_SHIFT][slot & MASK];
    }

    void deliveryCount(int slot, long count) {
        counts[slot >>> PAGE_SHIFT][slot & MASK] = count;
    }

    /** Heap bytes of the arrays, those made ahead included: pages past the first exist only once it is full. */
    long bytes() {
        int pages = times.length;
        long inUse = pages == 0 ? 0 : pages == 1 ? pageBytes(times[0].length) : pages * pageBytes(PAGE);
        long made = aheadOwners != null ? arrayBytes(OWNERS, PAGE) : 0;
        for (int array = 0; array < ahead.length; array++) {
            made += ahead[array] != null ? arrayBytes(array, PAGE) : 0;
        }
        return inUse + made;
    }

    private int newSlot() {
        int slot = limit;
        int capacity = times.length == 0 ? 0 : (times.length - 1) * PAGE + times[times.length - 1].length;
        if (times.length == 1 && capacity == PAGE / 2 && slot >= capacity - ARRAYS * GROWTH_STEP && slot < capacity
                && (slot & (GROWTH_STEP - 1)) == 0) {
            // The first page's last doubling, to a full page: its arrays over its last few inserts before it.
            makeAhead((slot - (capacity - ARRAYS * GROWTH_STEP)) / GROWTH_STEP);
        } else if ((slot & MASK) >= PAGE / 2 && (slot & (PAGE_STEP - 1)) == PAGE_STEP / 2) {
            // The next page: its arrays over the second half of this one.
            int step = ((slot & MASK) - PAGE / 2) / PAGE_STEP;
            if (step < ARRAYS) {
                makeAhead(step);
            }
        }
        if (slot == capacity) {
            if (times.length == 0) {
                addPage(FIRST_PAGE_INITIAL);
            } else if (times.length == 1 && capacity < PAGE) {
                growFirstPage(capacity * 2);
            } else {
                addPage(PAGE);
            }
        }
        limit++;
        return slot;
    }

    /** Makes one array of the next arrays ahead of their use (see the class comment): ids, times, counts, owners. */
    private void makeAhead(int array) {
        if (array == OWNERS) {
            aheadOwners = new Consumer[PAGE];
        } else {
            ahead[array] = new long[longs(array, PAGE)];
        }
    }

    private void growFirstPage(int size) {
        ids[0] = grown(IDS, ids[0], size);
        times[0] = grown(TIMES, times[0], size);
        counts[0] = grown(COUNTS, counts[0], size);
        Consumer[] o = takeOwners(size);
        System.arraycopy(owners[0], 0, o, 0, owners[0].length);
        owners[0] = o;
    }

    /** The array the first page's array {@code array} grows into: the one made ahead, else a new one. */
    private long[] grown(int array, long[] from, int size) {
        long[] to = take(array, size);
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }

    private void addPage(int size) {
        int p = times.length;
        ids = Arrays.copyOf(ids, p + 1);
        times = Arrays.copyOf(times, p + 1);
        counts = Arrays.copyOf(counts, p + 1);
        owners = Arrays.copyOf(owners, p + 1);
        ids[p] = take(IDS, size);
        times[p] = take(TIMES, size);
        counts[p] = take(COUNTS, size);
        owners[p] = takeOwners(size);
    }

    /** Array {@code array} for a page of {@code size} slots: the one made ahead for a full page, else a new one. */
    private long[] take(int array, int size) {
        long[] a = ahead[array] != null && size == PAGE ? ahead[array] : new long[longs(array, size)];
        if (size == PAGE) {
            ahead[array] = null;
        }
        return a;
    }

    /** The owners' array for a page of {@code size} slots, as {@link #take}. */
    private Consumer[] takeOwners(int size) {
        Consumer[] o = aheadOwners != null && size == PAGE ? aheadOwners : new Consumer[size];
        if (size == PAGE) {
            aheadOwners = null;
        }
        return o;
    }

    private static int longs(int array, int size) {
        return array == IDS ? 2 * size : size;
    }

    private static long arrayBytes(int array, int size) {
        return 16 + (array == OWNERS ? 4L * size : 8L * longs(array, size));
    }

    private static long pageBytes(int size) {
        return arrayBytes(IDS, size) + arrayBytes(TIMES, size) + arrayBytes(COUNTS, size) + arrayBytes(OWNERS, size);
    }
}

package io.nioredis.server;

import java.util.List;

/**
 * Puts the items a select found ready in the order they were last served, the one that waited longest
 * first, so that every client is served once per loop turn and in the same place each time.
 *
 * <p>The order epoll reports is not fair to a loop that answers each client as soon as its requests ran.
 * The client served last in a turn gets its replies just before the next select, too late for it: its next
 * requests arrive while that turn runs and join epoll's ready list behind every client already on it (a
 * level-triggered descriptor that was reported stays on the list, in the order it had). So it is served last
 * again two turns later, and waits two turns for every reply from then on: under pipelines of 16, one
 * client in 50 saw twice the others' latency, which made p99 twice p50. Redis does not see this because
 * it writes every reply just before it sleeps, so that all clients answer together.
 *
 * @param <T> what is ordered; {@link Stamp} tells when each was last served
 */
final class ServiceOrder<T> {
    /** When an item was last served: a number that grows with each service, 0 for never. */
    interface Stamp<T> {
        long of(T item);
    }

    /** Stamps are packed above the item's index in one long, so that one primitive sort orders both. */
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long MAX_STAMP = Long.MAX_VALUE >>> INDEX_BITS;

    private final Stamp<T> stamp;
    // Kept between turns and grown with the number of ready items, so a turn allocates nothing.
    private long[] packed = new long[64];
    private Object[] items = new Object[64];

    ServiceOrder(Stamp<T> stamp) {
        this.stamp = stamp;
    }

    /** Sorts {@code ready} in place by ascending stamp; items of equal stamp keep their order. */
    @SuppressWarnings("unchecked")
    void sort(List<T> ready) {
        int n = ready.size();
        if (n < 2 || n > INDEX_MASK || inOrder(ready, n)) {
            return;
        }
        if (packed.length < n) {
            packed = new long[Math.max(n, packed.length * 2)];
            items = new Object[packed.length];
        }
        for (int i = 0; i < n; i++) {
            T item = ready.get(i);
            items[i] = item;
            packed[i] = Math.min(stamp.of(item), MAX_STAMP) << INDEX_BITS | i;
        }
        heapSort(packed, n);
        for (int i = 0; i < n; i++) {
            int from = (int) (packed[i] & INDEX_MASK);
            ready.set(i, (T) items[from]);
            items[from] = null;
        }
    }

    /**
     * In place and without allocating: {@code Arrays.sort} allocates run buffers for input that is partly
     * sorted already, which ready lists often are.
     */
    static void heapSort(long[] a, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            long top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(long[] a, int i, int n) {
        long value = a[i];
        int child;
        while ((child = 2 * i + 1) < n) {
            if (child + 1 < n && a[child + 1] > a[child]) {
                child++;
            }
            if (a[child] <= value) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = value;
    }

    private boolean inOrder(List<T> ready, int n) {
        long previous = stamp.of(ready.get(0));
        for (int i = 1; i < n; i++) {
            long next = stamp.of(ready.get(i));
            if (next < previous) {
                return false;
            }
            previous = next;
        }
        return true;
    }
}

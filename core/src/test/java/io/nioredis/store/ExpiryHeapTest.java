package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExpiryHeapTest {
    @Test
    void randomOperationsMatchAReferenceModel() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ExpiryHeap heap = new ExpiryHeap();
        Map<Integer, Long> deadlines = new HashMap<>();
        // Ordered by (deadline, slot) so that ties are comparable.
        TreeSet<long[]> order = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int op = 0; op < 200_000; op++) {
            int slot = random.nextInt(20_000);
            int choice = random.nextInt(10);
            if (choice < 5) {
                long deadline = random.nextInt(1_000_000);
                Long old = deadlines.put(slot, deadline);
                if (old != null) {
                    order.remove(new long[] {old, slot});
                }
                order.add(new long[] {deadline, slot});
                heap.set(slot, deadline);
            } else if (choice < 8) {
                Long old = deadlines.remove(slot);
                if (old != null) {
                    order.remove(new long[] {old, slot});
                }
                assertThat(heap.remove(slot)).as("seed %d", seed).isEqualTo(old != null);
            } else if (!order.isEmpty()) {
                // Several slots may share the earliest deadline; the heap may pop any of them.
                assertThat(heap.peekDeadline()).as("seed %d op %d", seed, op).isEqualTo(order.first()[0]);
                int top = heap.peekSlot();
                assertThat(deadlines.get(top)).as("seed %d op %d", seed, op).isEqualTo(heap.peekDeadline());
                order.remove(new long[] {deadlines.remove(top), top});
                heap.remove(top);
            }
            assertThat(heap.size()).as("seed %d", seed).isEqualTo(deadlines.size());
            Long expected = deadlines.get(slot);
            assertThat(heap.deadline(slot)).as("seed %d", seed).isEqualTo(expected == null ? -1 : expected);
        }
    }

    @Test
    void firstPageDoublesAndAccountsForItsArrays() {
        ExpiryHeap heap = new ExpiryHeap();
        for (int slot = 0; slot < 17; slot++) {
            heap.set(slot, 1000 + slot);
        }
        // 16 entries fit the first page as made; the 17th doubles it to 32. One position page of 4096 slots.
        long page = 16 + 8L * 32 + 16 + 4L * 32;
        assertThat(heap.memoryUsage()).isEqualTo(32 + 8 + page + 16 + 4L * 4096);
        assertThat(heap.peekSlot()).isZero();
    }

    @Test
    void growsAndShrinksByWholePagesKeepingHeapOrder() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ExpiryHeap heap = new ExpiryHeap();
        TreeSet<long[]> order = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int keys = 5 * 4096 + 123;
        for (int slot = 0; slot < keys; slot++) {
            long deadline = random.nextInt(1_000_000);
            heap.set(slot, deadline);
            order.add(new long[] {deadline, slot});
        }
        long full = heap.memoryUsage();
        // Remove from the middle of the order down to a page's worth: the pages past the entries go back.
        while (order.size() > 4096) {
            long[] victim = random.nextBoolean() ? order.pollFirst() : order.pollLast();
            assertThat(heap.remove((int) victim[1])).as("seed %d", seed).isTrue();
        }
        assertThat(heap.memoryUsage()).as("seed %d", seed).isLessThan(full - 3L * 12 * 4096);
        for (long[] entry : order) {
            assertThat(heap.deadline((int) entry[1])).as("seed %d", seed).isEqualTo(entry[0]);
        }
        // And it grows again, every entry still popped in deadline order.
        for (int slot = keys; slot < keys + 3 * 4096; slot++) {
            long deadline = random.nextInt(1_000_000);
            heap.set(slot, deadline);
            order.add(new long[] {deadline, slot});
        }
        // Ties may pop in either order, so the model only checks deadlines: both hold the same multiset.
        while (!order.isEmpty()) {
            assertThat(heap.peekDeadline()).as("seed %d", seed).isEqualTo(order.pollFirst()[0]);
            heap.remove(heap.peekSlot());
        }
        assertThat(heap.isEmpty()).isTrue();
    }

    @Test
    void popsInDeadlineOrder() {
        ExpiryHeap heap = new ExpiryHeap();
        long[] deadlines = {50, 10, 40, 20, 30};
        for (int i = 0; i < deadlines.length; i++) {
            heap.set(i * 5000, deadlines[i]); // slots on different index pages
        }
        heap.set(0, 5); // move one to the front
        long previous = Long.MIN_VALUE;
        while (!heap.isEmpty()) {
            assertThat(heap.peekDeadline()).isGreaterThanOrEqualTo(previous);
            previous = heap.peekDeadline();
            heap.remove(heap.peekSlot());
        }
        assertThat(heap.deadline(0)).isEqualTo(-1);
    }

    @Test
    void keysWithoutDeadlineCostNoIndexPages() {
        ExpiryHeap heap = new ExpiryHeap();
        long empty = heap.memoryUsage();
        assertThat(heap.deadline(123_456)).isEqualTo(-1);
        assertThat(heap.memoryUsage()).isEqualTo(empty);
    }
}

package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExpiryHeapTest {
    private final ExpiryHeap heap = new ExpiryHeap();

    @Test
    void growsByHalfAndAccountsForItsArrays() {
        for (int slot = 0; slot < 17; slot++) {
            heap.set(slot, 1000 + slot);
        }
        // 16 entries fit the first arrays; the 17th grows them to 24. One position page of 4096 slots.
        assertThat(heap.memoryUsage()).isEqualTo(32 + 12L * 24 + 16 + 4L * 4096);
        assertThat(heap.peekSlot()).isZero();
    }

    @Test
    void randomOperationsMatchASortedModel() {
        long seed = new Random().nextLong();
        System.out.println("ExpiryHeapTest seed " + seed);
        Random random = new Random(seed);
        Map<Integer, Long> deadlines = new HashMap<>();
        TreeMap<Long, Integer> countByDeadline = new TreeMap<>();
        for (int op = 0; op < 100_000; op++) {
            int slot = random.nextInt(20_000);
            int choice = random.nextInt(10);
            if (choice < 5) {
                long deadline = random.nextInt(1_000_000);
                Long old = deadlines.put(slot, deadline);
                if (old != null) {
                    decrement(countByDeadline, old);
                }
                countByDeadline.merge(deadline, 1, Integer::sum);
                heap.set(slot, deadline);
            } else if (choice < 8) {
                Long old = deadlines.remove(slot);
                if (old != null) {
                    decrement(countByDeadline, old);
                }
                assertThat(heap.remove(slot)).as("seed %d", seed).isEqualTo(old != null);
            } else if (!heap.isEmpty()) {
                int top = heap.peekSlot();
                assertThat(heap.peekDeadline()).as("seed %d", seed).isEqualTo(countByDeadline.firstKey());
                assertThat(deadlines.get(top)).as("seed %d", seed).isEqualTo(heap.peekDeadline());
                heap.remove(top);
                decrement(countByDeadline, deadlines.remove(top));
            }
            assertThat(heap.size()).as("seed %d", seed).isEqualTo(deadlines.size());
            assertThat(heap.deadline(slot)).as("seed %d", seed).isEqualTo(deadlines.getOrDefault(slot, -1L));
            assertThat(heap.has(slot)).isEqualTo(deadlines.containsKey(slot));
        }
        while (!heap.isEmpty()) {
            assertThat(heap.peekDeadline()).as("seed %d", seed).isEqualTo(countByDeadline.firstKey());
            int top = heap.peekSlot();
            heap.remove(top);
            decrement(countByDeadline, deadlines.remove(top));
        }
        assertThat(deadlines).isEmpty();
    }

    private static void decrement(TreeMap<Long, Integer> counts, long deadline) {
        if (counts.merge(deadline, -1, Integer::sum) == 0) {
            counts.remove(deadline);
        }
    }
}

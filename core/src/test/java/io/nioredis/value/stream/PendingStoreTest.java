package io.nioredis.value.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Slots keep what was written to them through the first page's doublings and the pages after it, freed
 * slots are handed out again, the bytes counted are the arrays', and from the first page's last doubling on
 * no add makes more than one array of a full page (the rest were made ahead).
 */
class PendingStoreTest {
    /** The biggest array of a page: the ids, two longs per slot. */
    private static final long IDS_ARRAY = 16 + 16L * PendingStore.PAGE;
    private static final long PAGE_BYTES = IDS_ARRAY + 2 * (16 + 8L * PendingStore.PAGE) + 16 + 4L * PendingStore.PAGE;

    @Test
    void slotsKeepTheirValuesAndBigArraysComeOneAtATime() {
        Random random = new Random(5);
        PendingStore store = new PendingStore();
        Consumer alice = new Consumer("alice".getBytes(), 0, store, null);
        Map<Integer, Long> model = new HashMap<>();
        long biggestAfterHalf = 0;
        for (int i = 0; i < 3 * PendingStore.PAGE + 100; i++) {
            long before = store.bytes();
            int slot = store.add(i, -i, alice, 1000L + i, i % 7);
            if (i >= PendingStore.PAGE / 2) {
                biggestAfterHalf = Math.max(biggestAfterHalf, store.bytes() - before);
            }
            assertThat(model.put(slot, (long) i)).isNull();
            if (random.nextInt(50) == 0) {
                int gone = model.keySet().iterator().next();
                model.remove(gone);
                store.remove(gone);
            }
        }
        assertThat(biggestAfterHalf).isLessThanOrEqualTo(IDS_ARRAY);
        for (Map.Entry<Integer, Long> e : model.entrySet()) {
            int slot = e.getKey();
            long i = e.getValue();
            assertThat(store.ms(slot)).isEqualTo(i);
            assertThat(store.seq(slot)).isEqualTo(-i);
            assertThat(store.owner(slot)).isSameAs(alice);
            assertThat(store.deliveryTime(slot)).isEqualTo(1000L + i);
            assertThat(store.deliveryCount(slot)).isEqualTo(i % 7);
        }
        // Freed slots were handed out again, so the slots end in the third page, past the adds that made the
        // fourth page's arrays: four pages.
        assertThat(store.bytes()).isEqualTo(4 * PAGE_BYTES);
    }

    @Test
    void aFreedSlotIsHandedOutAgain() {
        PendingStore store = new PendingStore();
        int a = store.add(1, 1, null, 0, 1);
        int b = store.add(2, 2, null, 0, 1);
        store.remove(a);
        assertThat(store.add(3, 3, null, 0, 1)).isEqualTo(a);
        assertThat(store.ms(a)).isEqualTo(3);
        assertThat(store.ms(b)).isEqualTo(2);
    }
}

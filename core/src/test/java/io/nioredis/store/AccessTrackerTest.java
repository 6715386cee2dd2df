package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTrackerTest {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void lruScoreIsSecondsSinceLastAccess() {
        AccessTracker lru = new AccessTracker(AccessTracker.LRU);
        lru.added(3, T0);
        lru.added(5000, T0); // second page
        lru.touched(5000, T0 + 7_000);
        assertThat(lru.evictionScore(3, T0 + 10_000)).isEqualTo(10);
        assertThat(lru.evictionScore(5000, T0 + 10_000)).isEqualTo(3);
    }

    @Test
    void lfuCounterStartsAtFiveGrowsLogarithmicallyAndDecaysPerMinute() {
        AccessTracker lfu = new AccessTracker(AccessTracker.LFU);
        lfu.added(1, T0);
        assertThat(lfu.get(1) & 255).isEqualTo(AccessTracker.LFU_INIT_VAL);
        assertThat(lfu.evictionScore(1, T0)).isEqualTo(250);
        lfu.touched(1, T0);
        assertThat(lfu.get(1) & 255).isEqualTo(6); // below the initial value + 1 the increment is certain
        for (int i = 0; i < 100_000; i++) {
            lfu.touched(1, T0);
        }
        int counter = lfu.get(1) & 255;
        // log growth: 100k hits with factor 10 land far below saturation and well above the start
        assertThat(counter).isBetween(20, 254);
        assertThat(lfu.decayedCounter(lfu.get(1), T0 + 3 * 60_000)).isEqualTo(counter - 3);
        assertThat(lfu.decayedCounter(lfu.get(1), T0 + 1_000L * 60_000)).isZero();
    }

    @Test
    void aLogFactorOfZeroCountsEveryHitAndADecayTimeOfZeroNeverDecays() {
        AccessTracker lfu = new AccessTracker(AccessTracker.LFU);
        lfu.tune(0, 0);
        lfu.added(1, T0);
        for (int i = 0; i < 300; i++) {
            lfu.touched(1, T0);
        }
        assertThat(lfu.get(1) & 255).isEqualTo(255);
        assertThat(lfu.decayedCounter(lfu.get(1), T0 + 1_000L * 60_000)).isEqualTo(255);
        AccessTracker emptied = lfu.emptied(AccessTracker.LFU);
        emptied.added(2, T0);
        emptied.touched(2, T0 + 10 * 60_000);
        emptied.touched(2, T0 + 10 * 60_000);
        assertThat(emptied.frequency(2, T0 + 10 * 60_000)).isEqualTo(AccessTracker.LFU_INIT_VAL + 2); // kept its tuning
        lfu.tune(AccessTracker.DEFAULT_LOG_FACTOR, 2);
        assertThat(lfu.decayedCounter(lfu.get(1), T0 + 10 * 60_000)).isEqualTo(255 - 5); // one per two minutes
    }

    @Test
    void pagesAreAllocatedOnlyForSlotsInUse() {
        AccessTracker lru = new AccessTracker(AccessTracker.LRU);
        long empty = lru.memoryUsage();
        lru.added(0, T0);
        long onePage = lru.memoryUsage();
        assertThat(onePage).isGreaterThan(empty);
        lru.added(4095, T0);
        assertThat(lru.memoryUsage()).isEqualTo(onePage);
    }

    /** Past 131,072 slots the small pages become one big page, every value kept, and later pages are big. */
    @Test
    void smallPagesBecomeOneBigPageWithEveryValueKept() {
        AccessTracker lru = new AccessTracker(AccessTracker.LRU);
        int big = 1 << 17;
        for (int slot = 0; slot < big; slot += 7) {
            lru.added(slot, T0 + slot * 1000L);
        }
        long smallPages = lru.memoryUsage();
        lru.added(big + 5, T0);
        assertThat(lru.memoryUsage()).isEqualTo(16 + 8 * 2 + 2 * (16 + 4L * big)).isGreaterThan(smallPages);
        long now = T0 + 2L * big * 1000;
        for (int slot = 0; slot < big; slot++) {
            long expected = slot % 7 == 0 ? (2L * big - slot) * 1000 : now / 1000 * 1000;
            assertThat(lru.idleMillis(slot, now)).as("slot %d", slot).isEqualTo(expected);
        }
        assertThat(lru.idleMillis(big + 5, now)).isEqualTo(2L * big * 1000);
    }

    /**
     * Keys added one after another: the first big page replaces the small ones, and each later one is made,
     * at inserts where the dict makes none of its arrays, before the slot that needs it (see Dict).
     */
    @Test
    void bigPagesAreMadeBeforeTheirFirstSlot() {
        AccessTracker lru = new AccessTracker(AccessTracker.LRU);
        int big = 1 << 17;
        long onePage = 16 + 8 + 16 + 4L * big;
        for (int slot = 0; slot < big; slot++) {
            lru.added(slot, T0 + slot);
        }
        long twoPages = 16 + 8 * 2 + 2 * (16 + 4L * big);
        assertThat(lru.memoryUsage()).isEqualTo(twoPages).isGreaterThan(onePage);
        lru.added(big, T0);
        assertThat(lru.memoryUsage()).isEqualTo(twoPages);
        for (int slot = 0; slot < big; slot += 1000) {
            assertThat(lru.idleMillis(slot, T0 + big * 1000L)).as("slot %d", slot).isEqualTo((big - slot / 1000) * 1000L);
        }
    }
}

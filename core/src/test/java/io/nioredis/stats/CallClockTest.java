package io.nioredis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallClockTest {
    @Test
    void callsOfABatchStartWhereThePreviousEnded() {
        CallClock clock = new CallClock();
        clock.begin();
        long first = clock.start();
        long firstEnd = clock.end();
        assertThat(firstEnd).isGreaterThanOrEqualTo(first);
        clock.chain();
        assertThat(clock.start()).as("the second call starts at the first one's end").isEqualTo(firstEnd);
        long secondEnd = clock.end();
        clock.chain();
        assertThat(clock.start()).isEqualTo(secondEnd);
    }

    @Test
    void aCallOutsideABatchReadsTheClock() {
        CallClock clock = new CallClock();
        clock.begin();
        clock.start();
        long end = clock.end();
        awaitAfter(end);
        // a nested call (inside EXEC or a script) or one after the batch: not chained, so its own start
        assertThat(clock.start()).isGreaterThan(end);
        // the batch broken, by a write say: calls read the clock again
        long later = clock.end();
        clock.chain();
        clock.unchain();
        awaitAfter(later);
        assertThat(clock.start()).isGreaterThan(later);
    }

    /** Spins until the clock has moved past {@code nanos}, so that a fresh read is told apart from it. */
    private static void awaitAfter(long nanos) {
        while (System.nanoTime() <= nanos) {
            Thread.onSpinWait();
        }
    }
}

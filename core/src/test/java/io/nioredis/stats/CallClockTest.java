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
        long batchStart = clock.start();
        long end = clock.end();
        // a nested call (inside EXEC or a script) or one after the batch: not chained, so its own start
        long nested = clock.start();
        assertThat(nested).isGreaterThanOrEqualTo(end);
        // the batch broken, by a write say: calls read the clock again
        long later = clock.end();
        while (System.nanoTime() == later) {
            Thread.onSpinWait(); // a fresh read must differ from the last end to be told apart from it
        }
        clock.chain();
        clock.unchain();
        assertThat(clock.start()).isGreaterThan(later).isGreaterThan(batchStart);
    }
}

package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartialRequestSizingTest {
    private static final int MB = 1024 * 1024;

    @Test
    void announcedBulkIsAllocatedAtOnceUpToTheTrustedSize() {
        assertThat(PartialRequestSizing.initial(100, 200_000)).isEqualTo(200_000);
        assertThat(PartialRequestSizing.initial(100, 512L * MB)).isEqualTo(PartialRequestSizing.TRUSTED);
        assertThat(PartialRequestSizing.initial(10, 20)).isEqualTo(PartialRequestSizing.MIN);
    }

    @Test
    void fullBufferDoublesEvenWhenTheParserNeedsLittle() {
        // An inline request or count line: the parser needs one more byte, the buffer is full.
        assertThat(PartialRequestSizing.grown(40_000, 40_000, 1)).isEqualTo(80_000);
        assertThat(PartialRequestSizing.grown(4 * MB, 4 * MB, 100)).isEqualTo(8 * MB);
    }

    @Test
    void growthTowardsAHugeAnnouncedBulkFollowsTheData() {
        long needed = 512L * MB;
        int capacity = PartialRequestSizing.initial(100, needed);
        assertThat(PartialRequestSizing.grown(capacity, capacity / 2, needed)).isEqualTo(-1); // room left
        int steps = 0;
        while (capacity < needed) {
            int next = PartialRequestSizing.grown(capacity, capacity, needed);
            assertThat(next).isLessThanOrEqualTo(2 * capacity); // never more than the data justifies
            capacity = next;
            steps++;
        }
        assertThat(capacity).isEqualTo((int) needed);
        assertThat(steps).isEqualTo(9);
    }

    @Test
    void smallBufferIsPresizedForWhatTheParserNeeds() {
        assertThat(PartialRequestSizing.grown(16 * 1024, 100, 500_000)).isEqualTo(500_000);
        assertThat(PartialRequestSizing.grown(16 * 1024, 100, 1000)).isEqualTo(-1);
    }
}

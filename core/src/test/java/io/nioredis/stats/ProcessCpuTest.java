package io.nioredis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void readsTimesAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 7 8 20 0 30 0 100 0";
        ProcessCpu.Times t = ProcessCpu.parse(stat);
        assertThat(t.userMicros()).isEqualTo(12_340_000);
        assertThat(t.systemMicros()).isEqualTo(560_000);
        assertThat(t.childrenUserMicros()).isEqualTo(70_000);
        assertThat(t.childrenSystemMicros()).isEqualTo(80_000);
    }

    @Test
    void formatsAsRedisTimeval() {
        assertThat(ProcessCpu.seconds(12_340_000)).isEqualTo("12.340000");
        assertThat(ProcessCpu.seconds(5)).isEqualTo("0.000005");
    }

    @Test
    void theThreadsPreciseTotalIsSharedInTheRatioOfItsTicks() {
        assertThat(ProcessCpu.split(1_000_000, 3, 1)).containsExactly(750_000, 250_000);
        assertThat(ProcessCpu.split(1_234, 0, 0)).containsExactly(1_234, 0); // no tick yet: user, as the kernel says
        assertThat(ProcessCpu.split(1_234, 0, 5)).containsExactly(0, 1_234);
    }

    /** On Linux the loop thread's time grows with the work it does, and no faster than the wall clock. */
    @Test
    void theCurrentThreadsTimeGrowsWithItsWork() {
        // The wall clock spans both reads: reading /proc takes CPU time of its own, which the reads count.
        long start = System.nanoTime();
        long[] before = ProcessCpu.currentThread();
        org.junit.jupiter.api.Assumptions.assumeTrue(before != null, "no /proc/thread-self");
        long spin = 0;
        while (System.nanoTime() - start < 50_000_000L) {
            spin += Long.numberOfTrailingZeros(spin + start);
        }
        long[] after = ProcessCpu.currentThread();
        long wallMicros = (System.nanoTime() - start) / 1000;
        long used = after[0] + after[1] - before[0] - before[1];
        assertThat(used).as("spin %d", spin).isPositive().isLessThanOrEqualTo(wallMicros + 1000);
    }
}

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
    void theCurrentThreadHasUsedSomeTime() {
        long[] t = ProcessCpu.currentThread();
        if (t != null) {
            assertThat(t[0] + t[1]).isPositive();
        }
    }
}

package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemClockTest {
    @Test
    void theRecentTimeIsTheLatestRead() throws InterruptedException {
        long read = Clock.SYSTEM.millis();
        assertThat(Clock.SYSTEM.recentMillis()).isEqualTo(read);
        Thread.sleep(20);
        assertThat(Clock.SYSTEM.recentMillis()).isEqualTo(read);
        long later = Clock.SYSTEM.millis();
        assertThat(later).isGreaterThanOrEqualTo(read + 20);
        assertThat(Clock.SYSTEM.recentMillis()).isEqualTo(later);
    }
}

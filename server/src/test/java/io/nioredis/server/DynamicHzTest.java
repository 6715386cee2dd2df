package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DynamicHzTest {
    @Test
    void doublesWhileMoreThanTwoHundredClientsShareATickUpToFiveHundred() {
        assertThat(DynamicHz.of(10, 2000, true)).isEqualTo(10);
        assertThat(DynamicHz.of(10, 2010, true)).isEqualTo(20);
        assertThat(DynamicHz.of(10, 10_000, true)).isEqualTo(80);
        assertThat(DynamicHz.of(100, 1_000_000, true)).isEqualTo(500);
        assertThat(DynamicHz.of(10, 10_000, false)).isEqualTo(10);
    }
}

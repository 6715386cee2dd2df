package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomSeedTest {
    @Test
    void givesTheBytesAskedForAndNotTheSameTwice() {
        byte[] a = RandomSeed.bytes(20);
        byte[] b = RandomSeed.bytes(20);
        assertThat(a).hasSize(20);
        assertThat(b).hasSize(20);
        assertThat(a).isNotEqualTo(b); // equal by chance once in 2^160
    }
}

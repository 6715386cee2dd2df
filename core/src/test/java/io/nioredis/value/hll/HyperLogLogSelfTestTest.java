package io.nioredis.value.hll;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HyperLogLogSelfTestTest {
    @Test
    void registerAccessPasses() {
        long seed = System.nanoTime();
        System.out.println("HyperLogLogSelfTestTest seed " + seed);
        assertThat(HyperLogLogSelfTest.checkRegisterAccess(new Random(seed))).isNull();
    }

    @Test
    void approximationErrorPassesUpToAMillion() {
        long seed = System.nanoTime();
        System.out.println("HyperLogLogSelfTestTest seed " + seed);
        assertThat(HyperLogLogSelfTest.checkApproximationError(new Random(seed), 3000, 1_000_000)).isNull();
    }
}

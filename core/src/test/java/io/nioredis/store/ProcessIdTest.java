package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessIdTest {
    @Test
    void isTheIdTheJvmKnowsItsProcessBy() {
        assertThat(ProcessId.current()).isEqualTo(ProcessHandle.current().pid());
    }
}

package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetnxCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void onlyWhenAbsent() {
        assertThat(h.run("SETNX", "k", "a")).isEqualTo(integer(1));
        assertThat(h.run("SETNX", "k", "b")).isEqualTo(integer(0));
        assertThat(h.run("GET", "k")).isEqualTo(bulk("a"));
        h.run("RPUSH", "l", "x");
        assertThat(h.run("SETNX", "l", "b")).isEqualTo(integer(0));
    }
}

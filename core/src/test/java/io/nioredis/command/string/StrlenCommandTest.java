package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrlenCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void lengthInBytes() {
        h.run("SET", "a", "hello world");
        assertThat(h.run("STRLEN", "a")).isEqualTo(integer(11));
        assertThat(h.run("STRLEN", "none")).isEqualTo(integer(0));
        h.run("SET", "e", "");
        assertThat(h.run("STRLEN", "e")).isEqualTo(integer(0));
        h.run("RPUSH", "l", "x");
        assertThat(h.run("STRLEN", "l"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }
}

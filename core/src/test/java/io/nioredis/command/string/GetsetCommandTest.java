package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GetsetCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void swapsAndDropsTheTtl() {
        assertThat(h.run("GETSET", "k", "a")).isEqualTo(NIL);
        h.run("SET", "k", "b", "EX", "100");
        assertThat(h.run("GETSET", "k", "c")).isEqualTo(bulk("b"));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(-1));
        assertThat(h.run("GET", "k")).isEqualTo(bulk("c"));
        h.run("RPUSH", "l", "x");
        assertThat(h.run("GETSET", "l", "x"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }
}

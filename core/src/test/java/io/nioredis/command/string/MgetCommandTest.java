package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.bulk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MgetCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void nilForMissingAndOtherTypes() {
        h.run("SET", "a", "1");
        h.run("SET", "b", "");
        h.run("RPUSH", "l", "x");
        assertThat(h.run("MGET", "a", "b", "none", "l", "a"))
                .isEqualTo("*5\r\n" + bulk("1") + bulk("") + NIL + NIL + bulk("1"));
        assertThat(h.run("MGET", "none")).isEqualTo("*1\r\n" + NIL);
    }
}

package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** UNLINK and TOUCH, whose rows in KeyspaceCommands reuse DEL's and EXISTS's classes. */
class UnlinkAndTouchTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void unlinkDeletes() {
        h.run("SET", "x", "1");
        h.run("RPUSH", "l", "x");
        assertThat(h.run("UNLINK", "x", "y", "l", "x")).isEqualTo(integer(2));
        assertThat(h.run("DBSIZE")).isEqualTo(integer(0));
    }

    @Test
    void touchCountsExistingKeys() {
        h.run("SET", "x", "1");
        assertThat(h.run("TOUCH", "x", "y", "x")).isEqualTo(integer(2));
        assertThat(h.run("TOUCH")).isEqualTo("-ERR wrong number of arguments for 'touch' command\r\n");
    }
}

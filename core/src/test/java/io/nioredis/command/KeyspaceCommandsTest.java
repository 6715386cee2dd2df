package io.nioredis.command;

import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rows that reuse other commands' classes: UNLINK (as DEL) and TOUCH (as EXISTS). */
class KeyspaceCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void unlinkDeletes() {
        h.run("SET", "x", "1");
        AggregateStub.addTo(h, "l");
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

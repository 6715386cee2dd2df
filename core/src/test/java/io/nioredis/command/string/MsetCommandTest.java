package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MsetCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void msetSetsAllDropsTtlsAndReplacesOtherTypes() {
        h.run("SET", "k1", "old", "PX", "1000");
        h.run("RPUSH", "l", "x");
        assertThat(h.run("MSET", "k1", "v1", "k2", "v2", "l", "s", "k2", "last")).isEqualTo(OK);
        assertThat(h.run("MGET", "k1", "k2", "l")).isEqualTo("*3\r\n" + bulk("v1") + bulk("last") + bulk("s"));
        assertThat(h.run("PTTL", "k1")).isEqualTo(integer(-1));
        assertThat(h.run("MSET", "k1", "v1", "k2")).isEqualTo(error("ERR wrong number of arguments for 'mset' command"));
        assertThat(h.run("MSET", "k1")).isEqualTo(error("ERR wrong number of arguments for 'mset' command"));
    }

    @Test
    void msetnxAllOrNothing() {
        h.run("SET", "k1", "v1");
        assertThat(h.run("MSETNX", "k1", "x", "k3", "y")).isEqualTo(integer(0));
        assertThat(h.run("GET", "k3")).isEqualTo(NIL);
        assertThat(h.run("MSETNX", "k3", "x", "k4", "y")).isEqualTo(integer(1));
        assertThat(h.run("MGET", "k3", "k4")).isEqualTo("*2\r\n" + bulk("x") + bulk("y"));
        assertThat(h.run("MSETNX", "k5", "a", "k5", "b")).isEqualTo(integer(1));
        assertThat(h.run("GET", "k5")).isEqualTo(bulk("b"));
        assertThat(h.run("MSETNX", "k6", "a", "k7"))
                .isEqualTo(error("ERR wrong number of arguments for 'msetnx' command"));
    }
}

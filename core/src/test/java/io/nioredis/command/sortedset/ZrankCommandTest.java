package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZrankCommand replies, each expected value as real Redis 7.0 sends it. */
class ZrankCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void ranks() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c");
        assertThat(h.run("ZRANK", "z", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("ZRANK", "z", "c")).isEqualTo(":2\r\n");
        assertThat(h.run("ZREVRANK", "z", "a")).isEqualTo(":2\r\n");
        assertThat(h.run("ZREVRANK", "z", "c")).isEqualTo(":0\r\n");
        assertThat(h.run("ZRANK", "z", "nope")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZRANK", "nokey", "a")).isEqualTo("$-1\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZRANK", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZRANK", "z", "a", "b")).isEqualTo("-ERR wrong number of arguments for 'zrank' command\r\n");
    }

    @Test
    void resp3() {
        h3.run("ZADD", "z", "1", "a");
        assertThat(h3.run("ZRANK", "z", "x")).isEqualTo("_\r\n");
        assertThat(h3.run("ZREVRANK", "z", "a")).isEqualTo(":0\r\n");
    }
}

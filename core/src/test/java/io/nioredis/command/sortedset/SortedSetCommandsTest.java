package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SortedSetCommands replies, each expected value as real Redis 7.0 sends it. */
class SortedSetCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void typeIsZset() {
        h.run("ZADD", "z", "1", "a");
        assertThat(h.run("TYPE", "z")).isEqualTo("+zset\r\n");
    }

    @Test
    void expiredSortedSetIsGone() {
        h.run("ZADD", "z", "1", "a");
        h.run("PEXPIRE", "z", "100");
        h.clock.advance(100);
        assertThat(h.run("ZSCORE", "z", "a")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZCARD", "z")).isEqualTo(":0\r\n");
        assertThat(h.run("ZADD", "z", "2", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("TTL", "z")).isEqualTo(":-1\r\n");
    }
}

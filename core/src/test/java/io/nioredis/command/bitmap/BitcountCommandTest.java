package io.nioredis.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * BITCOUNT with BYTE and BIT ranges.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class BitcountCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void countsRanges() {
        h.run("SET", "s", "foobar");
        assertThat(h.run("BITCOUNT", "s")).isEqualTo(":26\r\n");
        assertThat(h.run("BITCOUNT", "s", "0", "0")).isEqualTo(":4\r\n");
        assertThat(h.run("BITCOUNT", "s", "1", "1")).isEqualTo(":6\r\n");
        assertThat(h.run("BITCOUNT", "s", "1", "1", "BYTE")).isEqualTo(":6\r\n");
        assertThat(h.run("BITCOUNT", "s", "5", "30", "BIT")).isEqualTo(":17\r\n");
        assertThat(h.run("BITCOUNT", "s", "5", "30", "bit")).isEqualTo(":17\r\n");
        assertThat(h.run("BITCOUNT", "s", "-3", "-1")).isEqualTo(":10\r\n");
        assertThat(h.run("BITCOUNT", "s", "-100", "100")).isEqualTo(":26\r\n");
        assertThat(h.run("BITCOUNT", "s", "4", "2")).isEqualTo(":0\r\n");
        assertThat(h.run("BITCOUNT", "s", "-1", "-2")).isEqualTo(":0\r\n");
        assertThat(h.run("BITCOUNT", "s", "0", "-1", "bit")).isEqualTo(":26\r\n");
    }

    @Test
    void argumentsAreReadAfterTheKey() {
        assertThat(h.run("BITCOUNT", "missing", "a", "b")).isEqualTo(":0\r\n");
        assertThat(h.run("BITCOUNT", "missing", "1")).isEqualTo(":0\r\n");
        h.run("SET", "s", "foobar");
        assertThat(h.run("BITCOUNT", "s", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITCOUNT", "s", "a", "b")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("BITCOUNT", "s", "0", "b")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("BITCOUNT", "s", "-1", "-2", "foo")).isEqualTo(":0\r\n");
        assertThat(h.run("BITCOUNT", "s", "0", "-1", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITCOUNT", "s", "0", "-1", "bit", "x")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void wrongType() {
        h.run("LPUSH", "l", "a");
        assertThat(h.run("BITCOUNT", "l")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("BITCOUNT", "l", "a", "b")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }
}

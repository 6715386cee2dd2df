package io.nioredis.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * BITPOS, with Redis's zero padding when no end is given.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class BitposCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void findsBits() {
        h.run("SET", "s", "foobar");
        assertThat(h.run("BITPOS", "s", "1")).isEqualTo(":1\r\n");
        assertThat(h.run("BITPOS", "s", "0")).isEqualTo(":0\r\n");
        assertThat(h.run("BITPOS", "s", "1", "2")).isEqualTo(":17\r\n");
        assertThat(h.run("BITPOS", "s", "1", "2", "-1")).isEqualTo(":17\r\n");
        assertThat(h.run("BITPOS", "s", "0", "2", "-1", "bit")).isEqualTo(":3\r\n");
        assertThat(h.run("BITPOS", "s", "1", "7", "15", "bit")).isEqualTo(":9\r\n");
        assertThat(h.run("BITPOS", "s", "1", "7", "15", "BYTE")).isEqualTo(":-1\r\n");
        assertThat(h.run("BITPOS", "s", "1", "-2")).isEqualTo(":33\r\n");
        assertThat(h.run("BITPOS", "s", "1", "10")).isEqualTo(":-1\r\n");
        h.run(latin1("SET", "ones", "\u00ff\u00ff"));
        assertThat(h.run("BITPOS", "ones", "0")).isEqualTo(":16\r\n");
        assertThat(h.run("BITPOS", "ones", "0", "1")).isEqualTo(":16\r\n");
        assertThat(h.run("BITPOS", "ones", "0", "0", "-1")).isEqualTo(":-1\r\n");
        assertThat(h.run("BITPOS", "ones", "1", "3", "2")).isEqualTo(":-1\r\n");
    }

    @Test
    void missingKeysAreZeros() {
        assertThat(h.run("BITPOS", "missing", "0")).isEqualTo(":0\r\n");
        assertThat(h.run("BITPOS", "missing", "1")).isEqualTo(":-1\r\n");
        assertThat(h.run("BITPOS", "missing", "1", "a", "b")).isEqualTo(":-1\r\n");
    }

    @Test
    void argumentsInRedisOrder() {
        assertThat(h.run("BITPOS", "missing", "2")).isEqualTo("-ERR The bit argument must be 1 or 0.\r\n");
        assertThat(h.run("BITPOS", "missing", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        h.run("SET", "s", "foobar");
        assertThat(h.run("BITPOS", "s", "1", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("BITPOS", "s", "1", "0", "x", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITPOS", "s", "1", "0", "x", "bit")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("BITPOS", "s", "1", "0", "1", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITPOS", "s", "1", "0", "1", "2", "3")).isEqualTo("-ERR syntax error\r\n");
        h.run("LPUSH", "l", "a");
        assertThat(h.run("BITPOS", "l", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("BITPOS", "l", "2")).isEqualTo("-ERR The bit argument must be 1 or 0.\r\n");
    }

    /** Arguments as single bytes per char, for values with bytes above 127. */
    private static byte[][] latin1(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return out;
    }
}

package io.nioredis.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * BITOP AND, OR, XOR and NOT into a destination key.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class BitopCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void combinesStrings() {
        h.run(latin1("SET", "a", "abc\u00ff\u0000\u0001\u0002\u0003\u0004\u0005\u0006"));
        h.run("SET", "b", "ab");
        assertThat(h.run("BITOP", "AND", "dest", "a", "b")).isEqualTo(":11\r\n");
        assertThat(h.run("GET", "dest")).isEqualTo("$11\r\nab\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\r\n");
        assertThat(h.run("BITOP", "OR", "dest", "a", "b", "missing")).isEqualTo(":11\r\n");
        assertThat(h.run("GET", "dest")).isEqualTo("$11\r\nabc\u00ff\u0000\u0001\u0002\u0003\u0004\u0005\u0006\r\n");
        assertThat(h.run("BITOP", "xor", "dest", "a", "b")).isEqualTo(":11\r\n");
        assertThat(h.run("GET", "dest")).isEqualTo("$11\r\n\u0000\u0000c\u00ff\u0000\u0001\u0002\u0003\u0004\u0005\u0006\r\n");
        assertThat(h.run("BITOP", "NOT", "dest", "a")).isEqualTo(":11\r\n");
        assertThat(h.run("GET", "dest")).isEqualTo("$11\r\n\u009e\u009d\u009c\u0000\u00ff\u00fe\u00fd\u00fc\u00fb\u00fa\u00f9\r\n");
        assertThat(h.run("BITOP", "and", "dest", "b")).isEqualTo(":2\r\n");
        assertThat(h.run("GET", "dest")).isEqualTo("$2\r\nab\r\n");
    }

    @Test
    void replacesTheDestinationAndItsTtl() {
        h.run("RPUSH", "dest", "x");
        h.run("PEXPIRE", "dest", "5000");
        h.run("SET", "a", "abc");
        assertThat(h.run("BITOP", "OR", "dest", "a")).isEqualTo(":3\r\n");
        assertThat(h.run("TYPE", "dest")).isEqualTo("+string\r\n");
        assertThat(h.run("PTTL", "dest")).isEqualTo(":-1\r\n");
    }

    @Test
    void emptyResultDeletesTheDestination() {
        h.run("SET", "dest", "x");
        assertThat(h.run("BITOP", "AND", "dest", "missing", "other")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "dest")).isEqualTo(":0\r\n");
    }

    @Test
    void errors() {
        assertThat(h.run("BITOP", "NOT", "dest", "a", "b")).isEqualTo("-ERR BITOP NOT must be called with a single source key.\r\n");
        assertThat(h.run("BITOP", "NAND", "dest", "a")).isEqualTo("-ERR syntax error\r\n");
        h.run("LPUSH", "l", "x");
        assertThat(h.run("BITOP", "AND", "dest", "a", "l")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("BITOP", "NOT", "dest", "l")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
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

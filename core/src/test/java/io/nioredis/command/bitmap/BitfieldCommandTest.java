package io.nioredis.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * BITFIELD and BITFIELD_RO.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class BitfieldCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void getSetIncrbyWithOverflow() {
        assertThat(h.run("BITFIELD", "bf", "SET", "i8", "0", "100", "GET", "i8", "0", "INCRBY", "i8", "0", "100", "OVERFLOW", "SAT", "INCRBY", "i8", "0", "100", "OVERFLOW", "FAIL", "INCRBY", "i8", "0", "-300", "GET", "u4", "#1")).isEqualTo("*6\r\n:0\r\n:100\r\n:-56\r\n:44\r\n$-1\r\n:12\r\n");
        assertThat(h.run("GET", "bf")).isEqualTo("$1\r\n,\r\n");
        assertThat(h.run("BITFIELD", "bf", "SET", "u63", "#2", "9223372036854775807", "GET", "i64", "0", "INCRBY", "i64", "0", "1", "INCRBY", "u1", "3", "1", "INCRBY", "i1", "3", "-1")).isEqualTo("*5\r\n:0\r\n:3170534137668829184\r\n:3170534137668829185\r\n:1\r\n:0\r\n");
        assertThat(h.run("BITFIELD", "bf", "OVERFLOW", "WRAP", "INCRBY", "u8", "100", "300", "OVERFLOW", "SAT", "INCRBY", "u8", "100", "300", "INCRBY", "i5", "#3", "-100")).isEqualTo("*3\r\n:44\r\n:255\r\n:-16\r\n");
        assertThat(h.run("GET", "bf")).isEqualTo("$24\r\n,\u0001\u0000\u0000\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u000f\u00f0\u0000\u0003\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00f8\r\n");
    }

    @Test
    void readsAMissingKeyAsZeros() {
        assertThat(h.run("BITFIELD", "missing", "GET", "i8", "0", "GET", "u63", "100")).isEqualTo("*2\r\n:0\r\n:0\r\n");
        assertThat(h.run("EXISTS", "missing")).isEqualTo(":0\r\n");
        assertThat(h.run("BITFIELD_RO", "missing", "GET", "i64", "0")).isEqualTo("*1\r\n:0\r\n");
        assertThat(h.run("BITFIELD", "missing")).isEqualTo("*0\r\n");
    }

    @Test
    void failedWritesStillCreateTheKey() {
        assertThat(h.run("BITFIELD", "c", "OVERFLOW", "FAIL", "SET", "u2", "100", "8")).isEqualTo("*1\r\n$-1\r\n");
        assertThat(h.run("STRLEN", "c")).isEqualTo(":13\r\n");
    }

    @Test
    void readOnlyVariant() {
        h.run("SET", "s", "foobar");
        assertThat(h.run("BITFIELD_RO", "s", "GET", "i8", "0", "GET", "u2", "3", "GET", "i16", "#1")).isEqualTo("*3\r\n:102\r\n:0\r\n:28514\r\n");
        assertThat(h.run("BITFIELD_RO", "s", "SET", "i8", "0", "1")).isEqualTo("-ERR BITFIELD_RO only supports the GET subcommand\r\n");
        assertThat(h.run("BITFIELD_RO", "s", "INCRBY", "i8", "0", "1")).isEqualTo("-ERR BITFIELD_RO only supports the GET subcommand\r\n");
    }

    @Test
    void refusals() {
        assertThat(h.run("BITFIELD", "k", "GET", "u64", "0")).isEqualTo("-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n");
        assertThat(h.run("BITFIELD", "k", "GET", "i65", "0")).isEqualTo("-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n");
        assertThat(h.run("BITFIELD", "k", "OVERFLOW", "bad")).isEqualTo("-ERR Invalid OVERFLOW type specified\r\n");
        assertThat(h.run("BITFIELD", "k", "GET")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITFIELD", "k", "GET", "i8")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITFIELD", "k", "SET", "i8", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITFIELD", "k", "FOO")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BITFIELD", "k", "SET", "i8", "0", "abc")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("BITFIELD", "k", "SET", "i8", "-1", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("BITFIELD", "k", "SET", "i8", "#-1", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("BITFIELD", "k", "GET", "i8", "4294967296")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("BITFIELD", "k", "GET", "i8", "4294967295")).isEqualTo("*1\r\n:0\r\n");
        assertThat(h.run("EXISTS", "k")).isEqualTo(":0\r\n");
        h.run("LPUSH", "l", "a");
        assertThat(h.run("BITFIELD", "l", "GET", "i8", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("BITFIELD_RO", "l", "GET", "i8", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("BITFIELD", "l", "SET", "i8", "0", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }
}

package io.nioredis.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * SETBIT and GETBIT on string values.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class SetbitCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void offsetsFollowProtoMaxBulkLenAsItChanges() {
        assertThat(h.run("CONFIG", "SET", "proto-max-bulk-len", "1mb")).isEqualTo("+OK\r\n");
        assertThat(h.run("SETBIT", "k", "8388607", "1")).isEqualTo(":0\r\n");
        String outOfRange = "-ERR bit offset is not an integer or out of range\r\n";
        assertThat(h.run("SETBIT", "k", "8388608", "1")).isEqualTo(outOfRange);
        assertThat(h.run("GETBIT", "k", "8388608")).isEqualTo(outOfRange);
        assertThat(h.run("GETBIT", "k", "8388607")).isEqualTo(":1\r\n");
        assertThat(h.run("BITFIELD", "k", "GET", "u8", "8388600", "SET", "u8", "8388608", "1")).isEqualTo(outOfRange);
        assertThat(h.run("CONFIG", "SET", "proto-max-bulk-len", "2mb")).isEqualTo("+OK\r\n");
        assertThat(h.run("GETBIT", "k", "8388608")).isEqualTo(":0\r\n");
    }

    @Test
    void setsClearsAndGrows() {
        assertThat(h.run("SETBIT", "k", "7", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("SETBIT", "k", "7", "1")).isEqualTo(":1\r\n");
        assertThat(h.run("SETBIT", "k", "7", "0")).isEqualTo(":1\r\n");
        assertThat(h.run("SETBIT", "k", "100", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("STRLEN", "k")).isEqualTo(":13\r\n");
        assertThat(h.run("GET", "k")).isEqualTo("$13\r\n\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0008\r\n");
        assertThat(h.run("GETBIT", "k", "100")).isEqualTo(":1\r\n");
        assertThat(h.run("GETBIT", "k", "99")).isEqualTo(":0\r\n");
        assertThat(h.run("GETBIT", "k", "100000")).isEqualTo(":0\r\n");
        assertThat(h.run("GETBIT", "missing", "3")).isEqualTo(":0\r\n");
    }

    @Test
    void changesAStringInPlaceKeepingItsTtl() {
        h.run("SET", "a-longer-key-name", "hello", "PX", "5000");
        assertThat(h.run("SETBIT", "a-longer-key-name", "1", "0")).isEqualTo(":1\r\n");
        assertThat(h.run("SETBIT", "a-longer-key-name", "46", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("GET", "a-longer-key-name")).isEqualTo("$6\r\n(ello\u0002\r\n");
        assertThat(h.run("PTTL", "a-longer-key-name")).isEqualTo(":5000\r\n");
    }

    @Test
    void offsetsAndValuesAsRedisReadsThem() {
        assertThat(h.run("SETBIT", "k", "-1", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "#1", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "01", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "4294967296", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "1", "2")).isEqualTo("-ERR bit is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "1", "-1")).isEqualTo("-ERR bit is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "1", "x")).isEqualTo("-ERR bit is not an integer or out of range\r\n");
        assertThat(h.run("SETBIT", "k", "x", "2")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("GETBIT", "k", "-1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("GETBIT", "k", "+1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("GETBIT", "k", "4294967296")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("EXISTS", "k")).isEqualTo(":0\r\n");
    }

    @Test
    void wrongType() {
        h.run("LPUSH", "l", "a");
        assertThat(h.run("SETBIT", "l", "1", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("GETBIT", "l", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SETBIT", "l", "x", "1")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
        assertThat(h.run("GETBIT", "l", "x")).isEqualTo("-ERR bit offset is not an integer or out of range\r\n");
    }
}

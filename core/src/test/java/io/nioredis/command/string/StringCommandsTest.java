package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void setThenGet() {
        assertThat(h.run("SET", "k", "v")).isEqualTo(OK);
        assertThat(h.run("GET", "k")).isEqualTo(bulk("v"));
        assertThat(h.run("GET", "missing")).isEqualTo(NIL);
    }

    @Test
    void overwriteWithSameAndOtherLength() {
        h.run("SET", "k", "abc");
        h.run("SET", "k", "xyz");
        assertThat(h.run("GET", "k")).isEqualTo(bulk("xyz"));
        h.run("SET", "k", "longer value");
        assertThat(h.run("GET", "k")).isEqualTo(bulk("longer value"));
        h.run("SET", "k", "");
        assertThat(h.run("GET", "k")).isEqualTo(bulk(""));
    }

    @Test
    void binarySafeKeysAndValues() {
        byte[] key = {0, '\r', '\n', (byte) 0xff};
        byte[] value = {'\r', '\n', 0, 1, 2};
        assertThat(h.run(new byte[][] {"SET".getBytes(), key, value})).isEqualTo(OK);
        assertThat(h.run(new byte[][] {"GET".getBytes(), key})).isEqualTo(bulk("\r\n\u0000\u0001\u0002"));
    }

    @Test
    void pxExpiresWithTheClock() {
        assertThat(h.run("SET", "k", "v", "PX", "100")).isEqualTo(OK);
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(100));
        h.clock.advance(99);
        assertThat(h.run("GET", "k")).isEqualTo(bulk("v"));
        h.clock.advance(1);
        assertThat(h.run("GET", "k")).isEqualTo(NIL);
        assertThat(h.run("EXISTS", "k")).isEqualTo(integer(0));
    }

    @Test
    void exExatPxatAndKeepttl() {
        h.run("SET", "k", "v", "EX", "10");
        assertThat(h.run("TTL", "k")).isEqualTo(integer(10));
        long at = h.clock.millis() + 5000;
        h.run("SET", "k", "v", "PXAT", Long.toString(at));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(5000));
        h.run("SET", "k", "w", "KEEPTTL");
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(5000));
        h.run("SET", "k", "w");
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(-1));
        h.clock.set(1_800_000_000_000L);
        h.run("SET", "k", "v", "EXAT", "1800000007");
        assertThat(h.run("TTL", "k")).isEqualTo(integer(7));
    }

    @Test
    void nxXxAndGet() {
        assertThat(h.run("SET", "k", "1", "XX")).isEqualTo(NIL);
        assertThat(h.run("SET", "k", "1", "NX")).isEqualTo(OK);
        assertThat(h.run("SET", "k", "2", "NX")).isEqualTo(NIL);
        assertThat(h.run("SET", "k", "3", "XX", "GET")).isEqualTo(bulk("1"));
        assertThat(h.run("SET", "k", "4", "NX", "GET")).isEqualTo(bulk("3"));
        assertThat(h.run("GET", "k")).isEqualTo(bulk("3"));
        assertThat(h.run("SET", "new", "x", "GET")).isEqualTo(NIL);
        assertThat(h.run("GET", "new")).isEqualTo(bulk("x"));
    }

    @Test
    void setErrorsAsRedis() {
        assertThat(h.run("SET", "k")).isEqualTo(error("ERR wrong number of arguments for 'set' command"));
        assertThat(h.run("SET", "k", "v", "NX", "XX")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("SET", "k", "v", "EX")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("SET", "k", "v", "EX", "1", "PX", "1")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("SET", "k", "v", "KEEPTTL", "EX", "1")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("SET", "k", "v", "foo")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("SET", "k", "v", "EX", "x"))
                .isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("SET", "k", "v", "EX", "0")).isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(h.run("SET", "k", "v", "PX", "-5")).isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(h.run("SET", "k", "v", "EX", "9999999999999999"))
                .isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(h.run("GET", "k")).isEqualTo(NIL);
    }
}

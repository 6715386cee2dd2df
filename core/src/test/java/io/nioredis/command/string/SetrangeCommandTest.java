package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetrangeCommandTest {
    private static final String TOO_BIG = error("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    private final CommandHarness h = new CommandHarness();

    @Test
    void overwritesAndPadsWithZeros() {
        h.run("SET", "a", "hello", "PX", "800");
        assertThat(h.run("SETRANGE", "a", "0", "J")).isEqualTo(integer(5));
        assertThat(h.run("SETRANGE", "a", "7", "!")).isEqualTo(integer(8));
        assertThat(h.run("GET", "a")).isEqualTo(bulk("Jello\u0000\u0000!"));
        assertThat(h.run("PTTL", "a")).isEqualTo(integer(800));
        assertThat(h.run("SETRANGE", "b", "3", "xy")).isEqualTo(integer(5));
        assertThat(h.run("GET", "b")).isEqualTo(bulk("\u0000\u0000\u0000xy"));
    }

    @Test
    void emptyValueChangesNothing() {
        assertThat(h.run("SETRANGE", "b", "0", "")).isEqualTo(integer(0));
        assertThat(h.run("SETRANGE", "b", "3", "")).isEqualTo(integer(0));
        assertThat(h.run("EXISTS", "b")).isEqualTo(integer(0));
        h.run("SET", "a", "abc");
        assertThat(h.run("SETRANGE", "a", "100", "")).isEqualTo(integer(3));
    }

    @Test
    void errors() {
        h.run("SET", "a", "abc");
        assertThat(h.run("SETRANGE", "a", "-1", "x")).isEqualTo(error("ERR offset is out of range"));
        assertThat(h.run("SETRANGE", "a", "x", "y")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("SETRANGE", "a", "536870912", "x")).isEqualTo(TOO_BIG);
        assertThat(h.run("SETRANGE", "a", "9223372036854775807", "x")).isEqualTo(TOO_BIG);
        assertThat(h.run("SETRANGE", "new", "536870912", "x")).isEqualTo(TOO_BIG);
        assertThat(h.run("CONFIG", "SET", "proto-max-bulk-len", "1048576")).isEqualTo(OK);
        assertThat(h.run("SETRANGE", "a", "1048575", "x")).isEqualTo(integer(1048576));
        assertThat(h.run("SETRANGE", "a", "1048576", "x")).isEqualTo(TOO_BIG);
        h.run("RPUSH", "l", "x");
        String wrongType = error("WRONGTYPE Operation against a key holding the wrong kind of value");
        assertThat(h.run("SETRANGE", "l", "0", "x")).isEqualTo(wrongType);
        assertThat(h.run("SETRANGE", "l", "0", "")).isEqualTo(wrongType);
    }
}

package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppendCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void createsThenAppends() {
        assertThat(h.run("APPEND", "a", "hello")).isEqualTo(integer(5));
        assertThat(h.run("APPEND", "a", " world")).isEqualTo(integer(11));
        assertThat(h.run("APPEND", "a", "")).isEqualTo(integer(11));
        assertThat(h.run("GET", "a")).isEqualTo(bulk("hello world"));
        assertThat(h.run("APPEND", "e", "")).isEqualTo(integer(0));
        assertThat(h.run("EXISTS", "e")).isEqualTo(integer(1));
    }

    @Test
    void binaryAndTtlKept() {
        h.run("SET", "k", "a\r\n", "PX", "700");
        assertThat(h.run(new byte[][] {"APPEND".getBytes(), "k".getBytes(), {0, '\n'}})).isEqualTo(integer(5));
        assertThat(h.run("GET", "k")).isEqualTo(bulk("a\r\n\u0000\n"));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(700));
    }

    @Test
    void limitAndWrongType() {
        assertThat(h.run("CONFIG", "SET", "proto-max-bulk-len", "1048576")).isEqualTo(CommandHarness.OK);
        h.run("SETRANGE", "big", "1048575", "x");
        assertThat(h.run("APPEND", "big", "y"))
                .isEqualTo(error("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
        h.run("RPUSH", "l", "x");
        assertThat(h.run("APPEND", "l", "x"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }
}

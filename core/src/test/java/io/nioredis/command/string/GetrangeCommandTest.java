package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GetrangeCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void rangesAsRedis() {
        h.run("SET", "a", "hello world");
        assertThat(h.run("GETRANGE", "a", "0", "4")).isEqualTo(bulk("hello"));
        assertThat(h.run("GETRANGE", "a", "-5", "-1")).isEqualTo(bulk("world"));
        assertThat(h.run("GETRANGE", "a", "-1", "-5")).isEqualTo(bulk(""));
        assertThat(h.run("GETRANGE", "a", "5", "3")).isEqualTo(bulk(""));
        assertThat(h.run("GETRANGE", "a", "0", "-100")).isEqualTo(bulk("h"));
        assertThat(h.run("GETRANGE", "a", "-100", "100")).isEqualTo(bulk("hello world"));
        assertThat(h.run("GETRANGE", "a", "100", "200")).isEqualTo(bulk(""));
        assertThat(h.run("GETRANGE", "a", "0", "0")).isEqualTo(bulk("h"));
        assertThat(h.run("SUBSTR", "a", "1", "2")).isEqualTo(bulk("el"));
        assertThat(h.run("GETRANGE", "a", "-9223372036854775808", "9223372036854775807"))
                .isEqualTo(bulk("hello world"));
    }

    @Test
    void emptyMissingAndErrors() {
        h.run("SET", "e", "");
        assertThat(h.run("GETRANGE", "e", "0", "-1")).isEqualTo(bulk(""));
        assertThat(h.run("GETRANGE", "e", "-1", "0")).isEqualTo(bulk(""));
        assertThat(h.run("GETRANGE", "none", "0", "1")).isEqualTo(bulk(""));
        assertThat(h.run("GETRANGE", "e", "x", "1"))
                .isEqualTo(error("ERR value is not an integer or out of range"));
        h.run("RPUSH", "l", "x");
        assertThat(h.run("GETRANGE", "l", "0", "1"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertThat(h.run("GETRANGE", "l", "0", "x"))
                .isEqualTo(error("ERR value is not an integer or out of range"));
    }
}

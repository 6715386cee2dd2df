package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GetexCommandTest {
    private static final String SYNTAX = error("ERR syntax error");
    private final CommandHarness h = new CommandHarness();

    @Test
    void setsAndRemovesTheTtl() {
        h.run("SET", "k", "v");
        assertThat(h.run("GETEX", "k")).isEqualTo(bulk("v"));
        assertThat(h.run("GETEX", "k", "EX", "100")).isEqualTo(bulk("v"));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(100));
        assertThat(h.run("GETEX", "k", "persist")).isEqualTo(bulk("v"));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(-1));
        assertThat(h.run("GETEX", "k", "ex", "10", "ex", "20")).isEqualTo(bulk("v"));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(20));
        assertThat(h.run("GETEX", "k", "PX", "1234")).isEqualTo(bulk("v"));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(1234));
        long at = h.clock.millis() + 7000;
        assertThat(h.run("GETEX", "k", "PXAT", Long.toString(at))).isEqualTo(bulk("v"));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(7000));
    }

    @Test
    void aDeadlineInThePastDeletesAfterReplying() {
        h.run("SET", "k", "v");
        assertThat(h.run("GETEX", "k", "EXAT", "1")).isEqualTo(bulk("v"));
        assertThat(h.run("EXISTS", "k")).isEqualTo(integer(0));
    }

    @Test
    void optionErrors() {
        h.run("SET", "k", "v");
        assertThat(h.run("GETEX", "k", "px", "100000", "persist")).isEqualTo(SYNTAX);
        assertThat(h.run("GETEX", "k", "persist", "px", "10")).isEqualTo(SYNTAX);
        assertThat(h.run("GETEX", "k", "ex", "1", "px", "1")).isEqualTo(SYNTAX);
        assertThat(h.run("GETEX", "k", "ex")).isEqualTo(SYNTAX);
        assertThat(h.run("GETEX", "k", "keepttl")).isEqualTo(SYNTAX);
        assertThat(h.run("GETEX", "k", "nx")).isEqualTo(SYNTAX);
        assertThat(h.run("GETEX", "k", "ex", "0")).isEqualTo(error("ERR invalid expire time in 'getex' command"));
        assertThat(h.run("GETEX", "k", "ex", "x")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("GETEX", "none", "ex", "10")).isEqualTo(NIL);
        // The time is checked only for an existing string key.
        assertThat(h.run("GETEX", "none", "ex", "-1")).isEqualTo(NIL);
        assertThat(h.run("GETEX", "none", "ex", "x")).isEqualTo(NIL);
        h.run("RPUSH", "l", "x");
        assertThat(h.run("GETEX", "l", "persist"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertThat(h.run("GETEX", "l", "ex", "0"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }
}

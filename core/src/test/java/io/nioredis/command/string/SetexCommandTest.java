package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetexCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void setsWithTtl() {
        assertThat(h.run("SETEX", "k", "100", "v")).isEqualTo(OK);
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(100_000));
        assertThat(h.run("PSETEX", "p", "1500", "w")).isEqualTo(OK);
        assertThat(h.run("PTTL", "p")).isEqualTo(integer(1500));
        h.clock.advance(1500);
        assertThat(h.run("GET", "p")).isEqualTo(NIL);
        assertThat(h.run("GET", "k")).isEqualTo(bulk("v"));
    }

    @Test
    void invalidTimesNameTheCommand() {
        assertThat(h.run("SETEX", "k", "0", "v")).isEqualTo(error("ERR invalid expire time in 'setex' command"));
        assertThat(h.run("SETEX", "k", "-1", "v")).isEqualTo(error("ERR invalid expire time in 'setex' command"));
        assertThat(h.run("SETEX", "k", "9223372036854775807", "v"))
                .isEqualTo(error("ERR invalid expire time in 'setex' command"));
        assertThat(h.run("SETEX", "k", "x", "v")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("PSETEX", "k", "0", "v")).isEqualTo(error("ERR invalid expire time in 'psetex' command"));
        assertThat(h.run("EXISTS", "k")).isEqualTo(integer(0));
    }
}

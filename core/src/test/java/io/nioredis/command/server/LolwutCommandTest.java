package io.nioredis.command.server;

import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** LOLWUT against Redis 7.0.15's replies. */
class LolwutCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void answersTheVersionLineAsRedis() {
        assertThat(h.run("LOLWUT")).isEqualTo(bulk("Redis ver. 7.0.15\n"));
        assertThat(h.run("LOLWUT", "VERSION")).isEqualTo(bulk("Redis ver. 7.0.15\n"));
        assertThat(h.run("LOLWUT", "foo")).isEqualTo(bulk("Redis ver. 7.0.15\n"));
        assertThat(h.run("LOLWUT", "VERSION", "1")).isEqualTo(bulk("Redis ver. 7.0.15\n"));
        assertThat(h.run("LOLWUT", "version", "7", "x")).isEqualTo(bulk("Redis ver. 7.0.15\n"));
        assertThat(h.run("LOLWUT", "VERSION", "99999999999999999999"))
                .isEqualTo(error("ERR value is not an integer or out of range"));
    }

    @Test
    void refusesTheDrawingsItDoesNotHave() {
        assertThat(h.run("LOLWUT", "VERSION", "5")).startsWith("-ERR LOLWUT VERSION 5 and 6");
        assertThat(h.run("LOLWUT", "VERSION", "6", "10")).startsWith("-ERR LOLWUT VERSION 5 and 6");
    }
}

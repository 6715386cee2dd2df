package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GetdelCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void getsThenDeletes() {
        h.run("SET", "k", "v", "PX", "100");
        assertThat(h.run("GETDEL", "k")).isEqualTo(bulk("v"));
        assertThat(h.run("GETDEL", "k")).isEqualTo(NIL);
        assertThat(h.run("DBSIZE")).isEqualTo(integer(0));
        h.run("RPUSH", "l", "x");
        assertThat(h.run("GETDEL", "l"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertThat(h.run("EXISTS", "l")).isEqualTo(integer(1));
    }
}

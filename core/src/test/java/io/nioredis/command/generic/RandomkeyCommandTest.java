package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomkeyCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void nilWhenEmptyElseSomeKey() {
        assertThat(h.run("RANDOMKEY")).isEqualTo(NIL);
        h.run("SET", "x", "1");
        assertThat(h.run("RANDOMKEY")).isEqualTo(bulk("x"));
        h.run("SET", "y", "1");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(h.run("RANDOMKEY"));
        }
        assertThat(seen).containsExactlyInAnyOrder(bulk("x"), bulk("y"));
    }

    @Test
    void skipsAndDeletesExpiredKeys() {
        for (int i = 0; i < 20; i++) {
            h.run("SET", "gone" + i, "v", "PX", "10");
        }
        h.run("SET", "live", "v");
        h.clock.advance(10);
        assertThat(h.run("RANDOMKEY")).isEqualTo(bulk("live"));
        for (int i = 0; i < 50; i++) {
            assertThat(h.run("RANDOMKEY")).isEqualTo(bulk("live"));
        }
        h.run("DEL", "live");
        assertThat(h.run("RANDOMKEY")).isEqualTo(NIL);
        assertThat(h.run("DBSIZE")).isEqualTo(integer(0));
    }
}

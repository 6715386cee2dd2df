package io.nioredis.command;

import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncrByFloatCommandTest {
    private static final String NOT_FLOAT = error("ERR value is not a valid float");
    private final CommandHarness h = new CommandHarness();

    @Test
    void addsAndStoresTheHumanFriendlyForm() {
        h.run("SET", "f", "10.5");
        assertThat(h.run("INCRBYFLOAT", "f", "0.1")).isEqualTo(bulk("10.6"));
        assertThat(h.run("GET", "f")).isEqualTo(bulk("10.6"));
        assertThat(h.run("INCRBYFLOAT", "g", "5.0e3")).isEqualTo(bulk("5000"));
        assertThat(h.run("INCRBYFLOAT", "g", "-5000")).isEqualTo(bulk("0"));
        h.run("SET", "i", "1");
        assertThat(h.run("INCRBYFLOAT", "i", "1")).isEqualTo(bulk("2"));
        assertThat(h.run("INCR", "i")).isEqualTo(integer(3));
    }

    @Test
    void errors() {
        assertThat(h.run("INCRBYFLOAT", "f", "abc")).isEqualTo(NOT_FLOAT);
        assertThat(h.run("INCRBYFLOAT", "f", "")).isEqualTo(NOT_FLOAT);
        h.run("SET", "e", "");
        assertThat(h.run("INCRBYFLOAT", "e", "1")).isEqualTo(NOT_FLOAT);
        assertThat(h.run("INCRBYFLOAT", "f", "inf"))
                .isEqualTo(error("ERR increment would produce NaN or Infinity"));
        assertThat(h.run("INCRBYFLOAT", "f", "nan")).isEqualTo(NOT_FLOAT);
        h.run("SET", "big", "1.1e4932");
        assertThat(h.run("INCRBYFLOAT", "big", "1.1e4932"))
                .isEqualTo(error("ERR increment would produce NaN or Infinity"));
        assertThat(h.run("EXISTS", "f")).isEqualTo(integer(0));
        AggregateStub.addTo(h, "l");
        assertThat(h.run("INCRBYFLOAT", "l", "1"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }

    @Test
    void keepsTheTtl() {
        h.run("SET", "f", "1", "PX", "9000");
        h.run("INCRBYFLOAT", "f", "0.5");
        assertThat(h.run("PTTL", "f")).isEqualTo(integer(9000));
    }
}

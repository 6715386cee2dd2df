package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


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
        h.run("RPUSH", "l", "x");
        assertThat(h.run("INCRBYFLOAT", "l", "1"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }

    @Test
    void longDoubleResultsAsRedis() {
        // Each reply checked against Redis 7.0.15 on x86-64: a 64-bit significand, printed with "%.17Lf".
        assertThat(h.run("INCRBYFLOAT", "a", "1e18")).isEqualTo(bulk("1000000000000000000"));
        assertThat(h.run("INCRBYFLOAT", "a", "0.3")).isEqualTo(bulk("1000000000000000000.3125"));
        assertThat(h.run("INCRBYFLOAT", "b", "3.0000000000000000001")).isEqualTo(bulk("3"));
        assertThat(h.run("INCRBYFLOAT", "c", "1.23456789012345678")).isEqualTo(bulk("1.23456789012345678"));
        assertThat(h.run("INCRBYFLOAT", "d", "-0.0000000000000000001")).isEqualTo(bulk("0"));
        assertThat(h.run("INCRBYFLOAT", "e", "1e-4940")).isEqualTo(bulk("0"));
        assertThat(h.run("INCRBYFLOAT", "f", "-123456.75e-3")).isEqualTo(bulk("-123.45675"));
        assertThat(h.run("INCRBYFLOAT", "g", "+.5")).isEqualTo(bulk("0.5"));
        assertThat(h.run("INCRBYFLOAT", "h", "0x1p3")).isEqualTo(bulk("8"));
        h.run("INCRBYFLOAT", "i", "1.7976931348623157e308");
        assertThat(h.run("INCRBYFLOAT", "i", "1.7976931348623157e308"))
                .startsWith("$309\r\n35953862697246313999184209354820886809677289388865835697062884153035325704");
        for (String bad : new String[] {"1e5000", "1e-5000", "1 ", "0x", "1.5e"}) {
            assertThat(h.run("INCRBYFLOAT", "j", bad)).as(bad).isEqualTo(NOT_FLOAT);
        }
    }

    @Test
    void keepsTheTtl() {
        h.run("SET", "f", "1", "PX", "9000");
        h.run("INCRBYFLOAT", "f", "0.5");
        assertThat(h.run("PTTL", "f")).isEqualTo(integer(9000));
    }
}

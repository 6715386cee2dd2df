package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Blocking timeouts as redis-server 7.0.15 reads them (each case was tried against it). */
class TimeoutArgumentTest {
    private static final long NOW = 1_700_000_000_000L;

    private static String deadline(String arg) {
        RespWriter out = new RespWriter(64);
        long d = TimeoutArgument.deadlineOrReply(Request.of(arg), 0, NOW, out);
        return d < 0 ? new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII) : String.valueOf(d == 0 ? 0 : d - NOW);
    }

    @Test
    void secondsBecomeMillisecondsRoundedUp() {
        assertThat(deadline("0")).isEqualTo("0");
        assertThat(deadline("1")).isEqualTo("1000");
        assertThat(deadline("0.002")).isEqualTo("2"); // BullMQ
        assertThat(deadline("0.0001")).isEqualTo("1"); // Redis replies *-1 at once: 1 ms, not forever
        assertThat(deadline("1e-3")).isEqualTo("1");
        assertThat(deadline("0x10")).isEqualTo("16000");
        assertThat(deadline("1.5")).isEqualTo("1500");
        assertThat(deadline("1e-400")).isEqualTo("1"); // a long double, not a double
    }

    @Test
    void smallNegativesBlockForeverLargerOnesAreRefused() {
        assertThat(deadline("-0.0001")).isEqualTo("0");
        assertThat(deadline("-1")).isEqualTo("-ERR timeout is negative\r\n");
        // Milliseconds beyond 64 bits wrap to the most negative number in Redis's conversion.
        assertThat(deadline("1e20")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(deadline("9223372036854775807")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(deadline("1e400")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(deadline("inf")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(deadline("-inf")).isEqualTo("-ERR timeout is negative\r\n");
    }

    @Test
    void deadlinesPastTheEndOfTimeNeverCome() {
        RespWriter out = new RespWriter(64);
        assertThat(TimeoutArgument.deadlineOrReply(Request.of("9223372036854775"), 0, NOW, out))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void notAFloat() {
        for (String bad : new String[] {"abc", "nan", " 1", "1 ", "", "1e", "0x"}) {
            assertThat(deadline(bad)).as(bad).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        }
    }
}

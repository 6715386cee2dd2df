package io.nioredis.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SlowLogTest {
    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void moreThan32ArgumentsEndWithACountOfTheRest() {
        String[] args = new String[42];
        args[0] = "rpush";
        args[1] = "l";
        for (int i = 2; i < args.length; i++) {
            args[i] = Integer.toString(i - 1);
        }
        byte[][] kept = SlowLog.trimmedArgs(Request.of(args), 0);
        assertThat(kept.length).isEqualTo(32);
        assertThat(s(kept[30])).isEqualTo("29");
        assertThat(s(kept[31])).isEqualTo("... (11 more arguments)");
    }

    @Test
    void longArgumentsAreCutAt128Bytes() {
        byte[][] kept = SlowLog.trimmedArgs(Request.of("set", "k", "x".repeat(200)), 0);
        assertThat(s(kept[2])).isEqualTo("x".repeat(128) + "... (72 more bytes)");
        assertThat(s(SlowLog.trimmedArgs(Request.of("x".repeat(128)), 0)[0])).isEqualTo("x".repeat(128));
    }

    @Test
    void keepsTheNewestUpToMaxLenWithIdsThatSurviveReset() {
        SlowLog log = new SlowLog();
        log.slowerThan(0);
        log.maxLen(2);
        for (int i = 0; i < 3; i++) {
            log.add(Request.of("get", "k" + i), 0, i, 100, "127.0.0.1:1", null);
        }
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.newest(10)).extracting(SlowLogEntry::id).containsExactly(2L, 1L);
        log.reset();
        log.add(Request.of("get", "k"), 0b10, 5, 100, "127.0.0.1:1", null);
        assertThat(log.newest(1).get(0).id()).isEqualTo(3);
        assertThat(s(log.newest(1).get(0).args()[1])).isEqualTo("(redacted)");
    }

    @Test
    void thresholdNegativeOrMaxLenZeroTurnItOff() {
        SlowLog log = new SlowLog();
        assertThat(log.wants(10_000)).isTrue();
        assertThat(log.wants(9_999)).isFalse();
        log.slowerThan(-1);
        assertThat(log.wants(Long.MAX_VALUE)).isFalse();
        log.slowerThan(0);
        assertThat(log.wants(0)).isTrue();
        log.maxLen(0);
        assertThat(log.wants(0)).isFalse();
    }
}

package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class LogTest {
    private static final DateTimeFormatter REDIS_STYLE =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH);

    @Test
    void timestampMatchesJavaTimeAcrossZonesAndYears() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (String id : new String[] {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Apia"}) {
            TimeZone zone = TimeZone.getTimeZone(id);
            for (int i = 0; i < 2000; i++) {
                long millis = random.nextLong(0, 4_102_444_800_000L); // 1970 .. 2100
                String expected = REDIS_STYLE.format(Instant.ofEpochMilli(millis).atZone(ZoneId.of(id)));
                assertThat(Log.timestamp(millis, zone)).as("seed %d, zone %s, millis %d", seed, id, millis)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void timestampPadsEveryField() {
        // 2001-02-03 04:05:06.007 UTC
        assertThat(Log.timestamp(981_173_106_007L, TimeZone.getTimeZone("UTC"))).isEqualTo("03 Feb 2001 04:05:06.007");
    }

    @Test
    void linesCarryPidRoleTimeAndLevelMarkAndRespectTheLevel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Log log = new Log(new PrintStream(bytes, true), Log.NOTICE);
        log.verbose("hidden");
        log.notice("shown");
        log.warning("loud");
        String[] lines = bytes.toString().split("\n");
        assertThat(lines).hasSize(2);
        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(lines[0]).matches(pid + ":M \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\* shown");
        assertThat(lines[1]).endsWith(" # loud");
    }
}

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
    void noZoneIsUtcAcrossLeapDaysAndCenturies() {
        TimeZone utc = TimeZone.getTimeZone("UTC");
        for (String day : new String[] {"1970-01-01T00:00:00Z", "1972-02-29T23:59:59.999Z", "2000-02-29T12:00:00Z",
            "2000-03-01T00:00:00Z", "2099-12-31T23:59:59.999Z", "2100-02-28T00:00:00Z", "2100-03-01T00:00:00Z"}) {
            long millis = Instant.parse(day).toEpochMilli();
            assertThat(Log.timestamp(millis, null)).as(day).isEqualTo(Log.timestamp(millis, utc))
                    .isEqualTo(REDIS_STYLE.format(Instant.ofEpochMilli(millis).atZone(ZoneId.of("UTC"))));
        }
    }

    @Test
    void aMachineOnUtcIsRecognisedWithoutTheZoneDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path timezone = dir.resolve("timezone");
        java.nio.file.Path localtime = dir.resolve("localtime");
        assertThat(LocalZone.isUtc(null, null, timezone, localtime)).as("nothing says otherwise").isTrue();
        java.nio.file.Files.createSymbolicLink(localtime, java.nio.file.Path.of("/usr/share/zoneinfo/Etc/UTC"));
        assertThat(LocalZone.isUtc(null, null, timezone, localtime)).isTrue();
        assertThat(LocalZone.isUtc("", ":UTC", timezone, localtime)).isTrue();
        assertThat(LocalZone.isUtc(null, "Europe/Paris", timezone, localtime)).isFalse();
        assertThat(LocalZone.isUtc("Asia/Tokyo", null, timezone, localtime)).isFalse();
        java.nio.file.Files.writeString(timezone, "Europe/Paris\n");
        assertThat(LocalZone.isUtc(null, null, timezone, localtime)).as("/etc/timezone, which the JVM reads")
                .isFalse();
        java.nio.file.Files.writeString(timezone, "Etc/UTC\n");
        java.nio.file.Files.delete(localtime);
        java.nio.file.Files.createSymbolicLink(localtime, java.nio.file.Path.of("/usr/share/zoneinfo/Europe/Paris"));
        assertThat(LocalZone.isUtc(null, null, timezone, localtime)).isFalse();
        java.nio.file.Files.delete(localtime);
        java.nio.file.Files.writeString(localtime, "TZif");
        assertThat(LocalZone.isUtc(null, null, timezone, localtime)).as("a copied zone file is left to the JVM")
                .isFalse();
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

package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic of Redis's setOOMScoreAdj, on a file standing in for /proc/self/oom_score_adj. */
class OomScoreAdjustmentTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Log log = new Log(new PrintStream(logged, true, StandardCharsets.UTF_8), Log.parseLevel("notice"));
    private final Config config = new Config();

    @Test
    void relativeAddsToTheStartingScoreAbsoluteReplacesItAndNoPutsItBack(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("oom_score_adj"), "-100\n");
        OomScoreAdjustment oom = new OomScoreAdjustment(file, log);
        assertThat(oom.apply(config, false)).isNull();
        assertThat(Files.readString(file)).as("mode no leaves the score alone").isEqualTo("-100\n");

        config.set("oom-score-adj", "yes");
        assertThat(oom.apply(config, false)).isNull();
        assertThat(Files.readString(file)).isEqualTo("-100\n"); // master: 0 over the base
        assertThat(oom.apply(config, true)).isNull();
        assertThat(Files.readString(file)).isEqualTo("100\n"); // replica: 200 over the base, not over the last write
        config.set("oom-score-adj-values", "0 1500 1600");
        assertThat(oom.apply(config, true)).isNull();
        assertThat(Files.readString(file)).isEqualTo("1000\n"); // clamped
        config.set("oom-score-adj", "absolute");
        config.set("oom-score-adj-values", "-1500 5 6");
        assertThat(oom.apply(config, false)).isNull();
        assertThat(Files.readString(file)).isEqualTo("-1000\n");
        config.set("oom-score-adj", "no");
        assertThat(oom.apply(config, false)).isNull();
        assertThat(Files.readString(file)).isEqualTo("-100\n");
    }

    /** The starting score cannot be read (no such file, a directory): logged, reported, nothing written. */
    @Test
    void aScoreThatCannotBeReadIsLoggedAndReported(@TempDir Path dir) {
        config.set("oom-score-adj", "yes");
        OomScoreAdjustment missing = new OomScoreAdjustment(dir.resolve("none"), log);
        assertThat(missing.apply(config, false)).isEqualTo(OomScoreAdjustment.FAILED);
        OomScoreAdjustment directory = new OomScoreAdjustment(dir, log);
        assertThat(directory.apply(config, false)).isEqualTo(OomScoreAdjustment.FAILED);
        assertThat(logged.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .allMatch(line -> line.contains(" # Unable to read oom_score_adj: "))
                .anyMatch(line -> line.endsWith("No such file or directory"));
        assertThat(dir.resolve("none")).doesNotExist();
    }
}

package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Redis's own file checker on an RDB file nioredis wrote: it must exit 0 and report the file sound. */
final class RdbCheck {
    private RdbCheck() {}

    static void assertAccepted(Path file) throws IOException, InterruptedException {
        Process check = new ProcessBuilder("redis-check-rdb", file.toString()).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(report).isZero();
        assertThat(report).contains("RDB looks OK");
    }
}

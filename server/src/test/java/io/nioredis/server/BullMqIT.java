package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * BullMQ from npm (pinned in {@code src/test/node/bullmq/package-lock.json}, installed by {@code .ci/run}
 * with {@code npm ci}) runs its Lua-scripted queue against nioredis: a Queue adds plain, delayed and flaky
 * jobs (failing twice, retried with exponential backoff), a Worker with concurrency processes them, and a
 * QueueEvents reads the event stream (XREAD BLOCK). {@code run.js} checks every promise BullMQ makes
 * (each job completed once, retries and backoff, delays, a completed event per job, no worker or
 * QueueEvents error) and prints a JSON summary; it passes against redis-server 7.0 as well.
 */
class BullMqIT {
    private static final Path PROJECT = Path.of("src/test/node/bullmq");
    private static final int JOBS_PER_KIND = 20;

    @Test
    void queueWorkerAndQueueEventsAgreeOnEveryJob() throws Exception {
        String node = ExternalTools.program("node", "apt-get install nodejs npm");
        ExternalTools.require(Files.isDirectory(PROJECT.resolve("node_modules/bullmq")),
                "BullMQ's node modules (npm ci in " + PROJECT + ")");
        try (TestServer server = TestServer.start()) {
            Path log = Files.createTempFile("bullmq", ".log");
            Process p = new ProcessBuilder(node, "run.js", "127.0.0.1", Integer.toString(server.port()),
                    Integer.toString(JOBS_PER_KIND), "40000")
                    .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (!finished) {
                fail("BullMQ's run did not end:\n" + output);
            }
            String summary = lastLine(output);
            int jobs = 3 * JOBS_PER_KIND;
            assertThat(summary).as(output)
                    .contains("\"jobs\":" + jobs + ",\"completed\":" + jobs + ",")
                    .contains("\"retried\":" + 2 * JOBS_PER_KIND + ",")
                    .contains("\"completedEvents\":" + jobs + ",");
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(summary).contains("\"problems\":[]");
        }
    }

    private static String lastLine(String output) {
        String trimmed = output.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}

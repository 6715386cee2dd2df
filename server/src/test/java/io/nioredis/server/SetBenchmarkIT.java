package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * redis-benchmark's set and sorted-set tests (SADD, SPOP, ZADD, ZPOPMIN) run against the server and finish
 * without errors (needs redis-benchmark: see {@link ExternalTools}).
 */
class SetBenchmarkIT {
    @Test
    void redisBenchmarkSetAndSortedSetSuite() throws Exception {
        String benchmark = ExternalTools.program("redis-benchmark");
        try (TestServer server = TestServer.start()) {
            Process p = new ProcessBuilder(benchmark, "-h", "127.0.0.1", "-p", Integer.toString(server.port()),
                    "-t", "sadd,spop,zadd,zpopmin", "-n", "2000", "-c", "10", "-q")
                    .redirectErrorStream(true)
                    .start();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as("redis-benchmark finished in time").isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).doesNotContainIgnoringCase("error");
            for (String test : new String[] {"SADD", "SPOP", "ZADD", "ZPOPMIN"}) {
                assertThat(output).as(output).contains(test + ":");
            }
            try (RawConnection c = server.raw()) {
                // Every SPOP took a member and ZPOPMIN a member out; what is left are real sets.
                c.command("TYPE", "myset");
                assertThat(c.readReply()).isIn("+set\r\n", "+none\r\n");
                c.command("TYPE", "myzset");
                assertThat(c.readReply()).isIn("+zset\r\n", "+none\r\n");
            }
        }
    }
}

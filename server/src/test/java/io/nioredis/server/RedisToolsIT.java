package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** redis-cli and redis-benchmark against nioredis (see {@link ExternalTools} for when they are missing). */
class RedisToolsIT {
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit code of %s, output %s", List.of(command), out).isZero();
        return out;
    }

    private static String cli(int port, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0])).trim();
    }

    @Test
    void redisCliSessionFromTheOriginalFeatureList() throws Exception {
        ExternalTools.program("redis-cli");
        SteppingClock clock = new SteppingClock();
        try (TestServer server = TestServer.start(clock)) {
            int port = server.port();
            assertThat(cli(port, "PING")).isEqualTo("PONG");
            assertThat(cli(port, "ECHO", "hello world")).isEqualTo("hello world");
            assertThat(cli(port, "SET", "fruit", "mango", "PX", "300")).isEqualTo("OK");
            assertThat(cli(port, "GET", "fruit")).isEqualTo("mango");
            clock.advance(300);
            // redis-cli prints nil as an empty line when its output is not a terminal.
            assertThat(cli(port, "GET", "fruit")).isEmpty();
            assertThat(cli(port, "EXISTS", "fruit")).isEqualTo("0");
        }
    }

    @Test
    void redisBenchmarkSetGetRunsWithoutErrors() throws Exception {
        ExternalTools.program("redis-benchmark");
        try (TestServer server = TestServer.start()) {
            String out = run("redis-benchmark", "-p", Integer.toString(server.port()), "-t", "set,get,ping",
                    "-n", "20000", "-c", "50", "-q");
            assertThat(out).contains("SET: ").contains("GET: ").contains("PING_INLINE: ").contains("PING_MBULK: ");
            assertThat(out.toLowerCase()).doesNotContain("error");
            out = run("redis-benchmark", "-p", Integer.toString(server.port()), "-t", "set,get",
                    "-n", "20000", "-c", "50", "-P", "16", "-q");
            assertThat(out.toLowerCase()).doesNotContain("error");
        }
    }
}

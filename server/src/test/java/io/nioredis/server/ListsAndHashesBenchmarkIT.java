package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * redis-benchmark's list and hash tests run against the server without a single error reply, and the lists
 * and hashes they leave behind look right through a real client. Skipped when redis-benchmark is not on
 * the PATH.
 */
class ListsAndHashesBenchmarkIT {
    private static final String[] TESTS = {"LPUSH", "RPUSH", "LPOP", "RPOP", "LRANGE_100", "HSET"};

    @Test
    void redisBenchmarkListAndHashTestsRunWithoutErrors() throws Exception {
        ExternalTools.program("redis-benchmark");
        try (TestServer server = TestServer.start()) {
            String text;
            // Output goes to a file, so a full pipe can never stall the benchmark.
            Path log = Files.createTempFile("redis-benchmark", ".log");
            try {
                Process process = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p",
                        Integer.toString(server.port()), "-t", "lpush,rpush,lpop,rpop,lrange_100,hset",
                        "-n", "2000", "-c", "10", "-q")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                boolean finished = process.waitFor(60, TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertThat(finished).as("redis-benchmark finished: " + text).isTrue();
                assertThat(process.exitValue()).as(text).isEqualTo(0);
            } finally {
                Files.deleteIfExists(log);
            }
            List<String> results = new ArrayList<>();
            for (String line : text.split("[\r\n]+")) {
                assertThat(line.toLowerCase()).as(text).doesNotContain("error").doesNotContain("err ");
                if (line.contains("requests per second")) {
                    results.add(line.trim());
                }
            }
            for (String test : TESTS) {
                assertThat(results).as(text).anyMatch(line -> line.startsWith(test + ":")
                        || line.startsWith(test + " "));
            }
            try (Jedis jedis = server.jedis()) {
                // The pops empty "mylist" (4000 pushes, 4000 pops); the LRANGE test then pushes 2000.
                assertThat(jedis.type("mylist")).isEqualTo("list");
                assertThat(jedis.llen("mylist")).isEqualTo(2000);
                assertThat(jedis.lrange("mylist", 0, 99)).hasSize(100);
                assertThat(jedis.type("myhash")).isEqualTo("hash");
                assertThat(jedis.hlen("myhash")).isEqualTo(1);
            }
        }
    }
}

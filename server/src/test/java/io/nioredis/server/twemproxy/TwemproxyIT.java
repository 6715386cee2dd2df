package io.nioredis.server.twemproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * twemproxy in front of three nioredis servers, with the repository's proxy configuration: redis-benchmark
 * through the proxy finishes without an error anywhere (benchmark, proxy, servers), and keys written through
 * the proxy each live on exactly one server and read back through it (needs Debian's nutcracker and
 * redis-benchmark: see {@link ExternalTools}).
 */
class TwemproxyIT {
    /** redis-benchmark's tests that twemproxy forwards, with the names its CSV gives them. */
    private static final Map<String, String> BENCHMARK_TESTS = new LinkedHashMap<>();

    static {
        for (String name : new String[] {"SET", "GET", "INCR", "LPUSH", "RPUSH", "LPOP", "RPOP", "SADD", "HSET",
                "SPOP", "ZADD"}) {
            BENCHMARK_TESTS.put(name.toLowerCase(), name);
        }
        BENCHMARK_TESTS.put("mset", "MSET (10 keys)");
    }

    private final List<TestServer> servers = new ArrayList<>();
    private Nutcracker proxy;

    @BeforeEach
    void startServers() throws Exception {
        for (int i = 0; i < 3; i++) {
            servers.add(TestServer.start("save", ""));
        }
    }

    private void startProxy(String... poolSettings) throws Exception {
        proxy = Nutcracker.start(List.of(poolSettings),
                servers.get(0).port(), servers.get(1).port(), servers.get(2).port());
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        servers.forEach(TestServer::close);
    }

    @Test
    void redisBenchmarkThroughTheProxyMeetsNoError() throws Exception {
        startProxy();
        String benchmark = ExternalTools.program("redis-benchmark");
        Path outputFile = Files.createTempFile("redis-benchmark", ".csv");
        outputFile.toFile().deleteOnExit();
        for (String pipeline : new String[] {"1", "16"}) {
            // -e prints any error reply the benchmark gets; -r spreads the keys over the three servers.
            Process p = new ProcessBuilder(benchmark, "-h", "127.0.0.1", "-p", Integer.toString(proxy.port()),
                    "-t", String.join(",", BENCHMARK_TESTS.keySet()), "-n", "5000", "-r", "10000", "-c", "20",
                    "-P", pipeline, "-e", "--csv")
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile())
                    .start();
            boolean finished = p.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            assertThat(finished).as("redis-benchmark finished in time").isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).as(output).doesNotContain("Error");
            Map<String, Double> rps = requestsPerSecond(output);
            assertThat(rps).as(output).containsOnlyKeys(BENCHMARK_TESTS.values());
            assertThat(rps.values()).as(output).allMatch(value -> value > 0);
        }

        for (TestServer server : servers) {
            try (Jedis direct = server.jedis()) {
                assertThat(infoField(direct, "total_error_replies")).isZero();
                assertThat(infoField(direct, "total_commands_processed"))
                        .as("every server had a share of the load").isGreaterThan(1000);
            }
        }
        // The proxy's counters are aggregated every 100 ms: wait until they hold the whole load.
        long sent = 2L * BENCHMARK_TESTS.size() * 5000;
        JSONObject pool = awaitStats(stats -> Nutcracker.sumOverServers(stats, "requests") >= sent);
        assertThat(Nutcracker.sumOverServers(pool, "requests")).as(pool.toString(2)).isGreaterThanOrEqualTo(sent);
        for (String counter : new String[] {"server_err", "server_eof", "server_timedout", "server_ejected_at"}) {
            assertThat(Nutcracker.sumOverServers(pool, counter)).as(counter + " in " + pool.toString(2)).isZero();
        }
        assertThat(pool.getLong("forward_error")).as(pool.toString(2)).isZero();
        assertThat(pool.getLong("server_ejects")).as(pool.toString(2)).isZero();
        assertThat(proxy.log()).doesNotContain("failed", "error");
    }

    @Test
    void everyKeyLivesOnOneServerAndReadsBackThroughTheProxy() throws Exception {
        startProxy();
        int keys = 10_000;
        try (Jedis through = throughProxy()) {
            Pipeline pipeline = through.pipelined();
            for (int i = 0; i < keys; i++) {
                pipeline.set("key:" + i, "value-" + i);
            }
            pipeline.sync();
        }

        Map<String, Integer> home = new HashMap<>();
        for (int s = 0; s < servers.size(); s++) {
            Set<String> held = keysOn(servers.get(s));
            assertThat(held).as("server %d has a share of the keys", s).hasSizeGreaterThan(keys / 10);
            for (String key : held) {
                Integer other = home.put(key, s);
                assertThat(other).as("%s on servers %s and %d", key, other, s).isNull();
            }
            try (Jedis direct = servers.get(s).jedis()) {
                for (String key : held) {
                    assertThat(direct.get(key)).isEqualTo("value-" + key.substring("key:".length()));
                }
            }
        }
        assertThat(home).hasSize(keys);

        try (Jedis through = throughProxy()) {
            Pipeline pipeline = through.pipelined();
            List<Response<String>> singles = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                singles.add(pipeline.get("key:" + i));
            }
            pipeline.sync();
            for (int i = 0; i < keys; i++) {
                assertThat(singles.get(i).get()).as("key:%d", i).isEqualTo("value-" + i);
            }
            // MGET of keys on different servers: the proxy splits it and puts the replies back in order.
            for (int first = 0; first < keys; first += 100) {
                String[] batch = new String[101];
                List<String> expected = new ArrayList<>();
                for (int j = 0; j < 100; j++) {
                    batch[j] = "key:" + (first + j);
                    expected.add("value-" + (first + j));
                }
                batch[100] = "missing-key";
                expected.add(null);
                assertThat(through.mget(batch)).isEqualTo(expected);
            }
        }
    }

    /**
     * A client of the proxy. Jedis names itself with CLIENT SETINFO on connecting unless told not to, and
     * twemproxy, which forwards no CLIENT command, closes the connection on it.
     */
    private Jedis throughProxy() {
        return new Jedis(new HostAndPort("127.0.0.1", proxy.port()), DefaultJedisClientConfig.builder()
                .timeoutMillis(10_000)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .build());
    }

    /**
     * With {@code redis_auth} the proxy asks its clients for the password and authenticates its own server
     * connections with AUTH before forwarding anything: the one command it sends of its own.
     */
    @Test
    void proxyAuthenticatesToPasswordProtectedServers() throws Exception {
        for (TestServer server : servers) {
            try (Jedis direct = server.jedis()) {
                direct.configSet("requirepass", "sharded-secret");
            }
        }
        startProxy("redis_auth: sharded-secret");
        try (Jedis stranger = throughProxy()) {
            assertThatThrownBy(() -> stranger.get("key:1")).hasMessageContaining("NOAUTH");
        }
        try (Jedis through = throughProxy()) {
            assertThat(through.auth("sharded-secret")).isEqualTo("OK");
            for (int i = 0; i < 300; i++) {
                through.set("key:" + i, "value-" + i);
            }
            for (int i = 0; i < 300; i++) {
                assertThat(through.get("key:" + i)).isEqualTo("value-" + i);
            }
        }
        for (TestServer server : servers) {
            // Authenticated on connecting, as Jedis then names itself with CLIENT SETINFO, which would be refused.
            try (Jedis direct = new Jedis(new HostAndPort("127.0.0.1", server.port()),
                    DefaultJedisClientConfig.builder().password("sharded-secret").build())) {
                assertThat(direct.dbSize()).as("every server holds some of the keys").isPositive();
                assertThat(infoField(direct, "total_error_replies")).as(direct.info("errorstats")).isZero();
            }
        }
        assertThat(proxy.log()).doesNotContain("failed", "error");
    }

    private static Set<String> keysOn(TestServer server) {
        Set<String> keys = new HashSet<>();
        try (Jedis direct = server.jedis()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = direct.scan(cursor, new ScanParams().count(1000));
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return keys;
    }

    /** redis-benchmark's {@code --csv} rows: "test","rps",... after a header line. */
    private static Map<String, Double> requestsPerSecond(String output) {
        Map<String, Double> rps = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith("\"") || line.startsWith("\"test\"")) {
                continue;
            }
            String[] cells = line.trim().split("\",\"");
            rps.put(cells[0].substring(1), Double.parseDouble(cells[1]));
        }
        return rps;
    }

    private JSONObject awaitStats(java.util.function.Predicate<JSONObject> complete) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JSONObject pool = proxy.poolStats();
        while (!complete.test(pool) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            pool = proxy.poolStats();
        }
        return pool;
    }

    private static long infoField(Jedis jedis, String field) {
        for (String line : jedis.info().split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1));
            }
        }
        throw new AssertionError("INFO has no " + field);
    }
}

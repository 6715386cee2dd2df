package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.nioredis.cluster.HashSlot;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Three nioredis nodes as a static Redis Cluster (each started with a nodes file listing all three), driven
 * by the cluster clients people use: JedisCluster, Lettuce's RedisClusterClient and {@code redis-cli -c}.
 * A slot is moved between two nodes the way {@code redis-cli --cluster reshard} moves it while a
 * JedisCluster client keeps writing and reading.
 */
class ClusterIT {
    static final String[] IDS = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2",
        "ccccccccccccccccccccccccccccccccccccccc3"};
    static final int[][] RANGES = {{0, 5460}, {5461, 10922}, {10923, 16383}};

    private final List<TestServer> nodes = new ArrayList<>();
    private final int[] ports = new int[3];

    @BeforeEach
    void startCluster() throws Exception {
        List<ServerSocket> reserved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ServerSocket s = new ServerSocket(0);
            reserved.add(s);
            ports[i] = s.getLocalPort();
        }
        for (ServerSocket s : reserved) {
            s.close();
        }
        for (int me = 0; me < 3; me++) {
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                file.append(IDS[i]).append(" 127.0.0.1:").append(ports[i]).append('@').append(ports[i] + 10000)
                        .append(i == me ? " myself,master" : " master").append(" - 0 0 ").append(i + 1)
                        .append(" connected ").append(RANGES[i][0]).append('-').append(RANGES[i][1]).append('\n');
            }
            file.append("vars currentEpoch 3 lastVoteEpoch 0\n");
            Path dir = Files.createTempDirectory("nioredis-cluster");
            Files.writeString(dir.resolve("nodes.conf"), file);
            nodes.add(TestServer.start("port", Integer.toString(ports[me]), "dir", dir.toString(),
                    "cluster-enabled", "yes", "save", ""));
        }
    }

    @AfterEach
    void stopCluster() {
        for (TestServer node : nodes) {
            node.close();
        }
    }

    private int ownerIndex(String key) {
        int slot = HashSlot.of(key.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            if (slot >= RANGES[i][0] && slot <= RANGES[i][1]) {
                return i;
            }
        }
        throw new AssertionError(key);
    }

    /** Every key each node holds belongs to a slot it serves, and the nodes hold {@code total} keys in all. */
    private void assertKeysOnTheirOwners(long total) {
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            try (Jedis jedis = nodes.get(i).jedis()) {
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1000));
                    for (String key : page.getResult()) {
                        assertThat(ownerIndex(key)).as("node of %s", key).isEqualTo(i);
                        sum++;
                    }
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        }
        assertThat(sum).isEqualTo(total);
    }

    /** A client that routes by itself sends every key to its node at once: no node answered -MOVED. */
    private void assertNoRedirections() {
        for (TestServer node : nodes) {
            try (Jedis jedis = node.jedis()) {
                assertThat(jedis.info("errorstats")).doesNotContain("MOVED").doesNotContain("ASK");
            }
        }
    }

    private Set<HostAndPort> seeds() {
        return Set.of(new HostAndPort("127.0.0.1", ports[0]));
    }

    @Test
    void jedisClusterWritesAndReadsEveryKeyOnItsNode() {
        try (JedisCluster cluster = new JedisCluster(seeds(), 5000, 5)) {
            for (int i = 0; i < 10_000; i++) {
                cluster.set("key:" + i, "v" + i);
                cluster.set("{user" + (i % 100) + "}:" + i, "t" + i);
            }
            for (int i = 0; i < 10_000; i++) {
                assertThat(cluster.get("key:" + i)).isEqualTo("v" + i);
            }
            // Keys sharing a hash tag go together, so multi-key commands work on them.
            assertThat(cluster.mget("{user7}:7", "{user7}:107", "{user7}:207")).containsExactly("t7", "t107", "t207");
            assertThat(cluster.del("{user7}:7", "{user7}:107")).isEqualTo(2);
            assertThat(cluster.set("{user7}:7", "t7")).isEqualTo("OK");
            assertThat(cluster.set("{user7}:107", "t107")).isEqualTo("OK");
        }
        assertKeysOnTheirOwners(20_000);
        assertNoRedirections();
        try (Jedis a = nodes.get(0).jedis()) {
            int slot = HashSlot.of("key:1".getBytes(StandardCharsets.UTF_8));
            long inSlot = (Long) a.sendCommand(Protocol.Command.CLUSTER, "COUNTKEYSINSLOT", Integer.toString(slot));
            if (ownerIndex("key:1") == 0) {
                assertThat(inSlot).isPositive();
            }
        }
    }

    @Test
    void lettuceClusterClientWritesAndReadsEveryKeyOnItsNode() {
        RedisClusterClient client = RedisClusterClient.create(RedisURI.Builder.redis("127.0.0.1", ports[1])
                .withTimeout(Duration.ofSeconds(5)).build());
        try (StatefulRedisClusterConnection<String, String> conn = client.connect()) {
            RedisAdvancedClusterCommands<String, String> sync = conn.sync();
            for (int i = 0; i < 10_000; i++) {
                sync.set("lk:" + i, "v" + i);
                sync.set("{order" + (i % 64) + "}:" + i, "o" + i);
            }
            for (int i = 0; i < 10_000; i++) {
                assertThat(sync.get("lk:" + i)).isEqualTo("v" + i);
                assertThat(sync.get("{order" + (i % 64) + "}:" + i)).isEqualTo("o" + i);
            }
            assertThat(conn.getPartitions().size()).isEqualTo(3);
            Map<String, String> several = new HashMap<>();
            for (int i = 0; i < 50; i++) {
                several.put("mk:" + i, "m" + i); // across slots: Lettuce splits the MSET per slot
            }
            assertThat(sync.mset(several)).isEqualTo("OK");
            assertThat(sync.get("mk:42")).isEqualTo("m42");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
        }
        assertKeysOnTheirOwners(20_050);
        assertNoRedirections();
    }

    @Test
    void aReplicaNodeFollowsItsMasterAndServesReadsAfterReadonly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String replicaId = "ddddddddddddddddddddddddddddddddddddddd4";
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            file.append(IDS[i]).append(" 127.0.0.1:").append(ports[i]).append('@').append(ports[i] + 10000)
                    .append(" master - 0 0 ").append(i + 1).append(" connected ").append(RANGES[i][0]).append('-')
                    .append(RANGES[i][1]).append('\n');
        }
        file.append(replicaId).append(" 127.0.0.1:").append(port).append('@').append(port + 10000)
                .append(" myself,slave ").append(IDS[0]).append(" 0 0 1 connected\n");
        Path dir = Files.createTempDirectory("nioredis-cluster");
        Files.writeString(dir.resolve("nodes.conf"), file);
        String key = "hello"; // slot 866, served by the first master
        assertThat(ownerIndex(key)).isZero();
        try (Jedis master = nodes.get(0).jedis()) {
            master.set(key, "world");
        }
        try (TestServer replica = TestServer.start("port", Integer.toString(port), "dir", dir.toString(),
                "cluster-enabled", "yes", "save", "");
             Jedis r = replica.jedis()) {
            assertThat(Awaits.until(() -> r.info("replication").contains("master_link_status:up"), 10_000)).isTrue();
            assertThat(r.role().get(0)).isEqualTo("slave");
            try {
                r.get(key);
                throw new AssertionError("a read without READONLY was served");
            } catch (redis.clients.jedis.exceptions.JedisDataException e) {
                assertThat(e.getMessage()).isEqualTo("MOVED 866 127.0.0.1:" + ports[0]);
            }
            assertThat(r.readonly()).isEqualTo("OK");
            assertThat(Awaits.until(() -> "world".equals(r.get(key)), 10_000)).isTrue();
            try (Jedis master = nodes.get(0).jedis()) {
                master.set(key, "again");
            }
            assertThat(Awaits.until(() -> "again".equals(r.get(key)), 10_000)).isTrue();
        }
    }

    @Test
    void redisCliFollowsMoved() throws Exception {
        ExternalTools.program("redis-cli");
        String p = Integer.toString(ports[0]);
        int owner = ownerIndex("foo"); // slot 12182: the third node
        assertThat(owner).isEqualTo(2);
        assertThat(RedisToolsIT.run("redis-cli", "-p", p, "GET", "foo").trim())
                .isEqualTo("MOVED 12182 127.0.0.1:" + ports[2]);
        assertThat(RedisToolsIT.run("redis-cli", "-c", "-p", p, "SET", "foo", "bar").trim()).isEqualTo("OK");
        assertThat(RedisToolsIT.run("redis-cli", "-c", "-p", p, "GET", "foo").trim()).isEqualTo("bar");
        try (Jedis c = nodes.get(2).jedis()) {
            assertThat(c.get("foo")).isEqualTo("bar");
        }
        String check = RedisToolsIT.run("redis-cli", "--cluster", "check", "127.0.0.1:" + p);
        assertThat(check).contains("[OK] All nodes agree about slots configuration.")
                .contains("[OK] All 16384 slots covered.");
    }

    @Test
    void aSlotMovesBetweenNodesWhileAClientKeepsWorking() throws Exception {
        String tag = "{mig}";
        int slot = HashSlot.of(tag.getBytes(StandardCharsets.UTF_8));
        int from = ownerIndex(tag);
        int to = (from + 1) % 3;
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong operations = new AtomicLong();
        Map<String, String> last = new java.util.concurrent.ConcurrentHashMap<>();
        try (JedisCluster cluster = new JedisCluster(seeds(), 5000, 10)) {
            for (int i = 0; i < 500; i++) {
                cluster.set(tag + i, "0");
                last.put(tag + i, "0");
            }
            Thread client = new Thread(() -> {
                java.util.Random random = new java.util.Random(1);
                int round = 0;
                while (!stop.get()) {
                    try {
                        String key = tag + random.nextInt(600); // some keys are new: they appear mid-migration
                        String value = Integer.toString(++round);
                        cluster.set(key, value);
                        last.put(key, value);
                        String read = cluster.get(key);
                        if (!value.equals(read)) {
                            failures.add(new AssertionError(key + " read " + read + " after writing " + value));
                        }
                        operations.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            });
            client.start();
            try (Jedis source = nodes.get(from).jedis(); Jedis target = nodes.get(to).jedis()) {
                String s = Integer.toString(slot);
                assertThat(target.sendCommand(Protocol.Command.CLUSTER, "SETSLOT", s, "IMPORTING", IDS[from]))
                        .isEqualTo("OK".getBytes(StandardCharsets.US_ASCII));
                assertThat(source.sendCommand(Protocol.Command.CLUSTER, "SETSLOT", s, "MIGRATING", IDS[to]))
                        .isEqualTo("OK".getBytes(StandardCharsets.US_ASCII));
                int batches = 0;
                while (true) {
                    @SuppressWarnings("unchecked")
                    List<byte[]> keys = (List<byte[]>) source.sendCommand(Protocol.Command.CLUSTER, "GETKEYSINSLOT", s, "20");
                    if (keys.isEmpty()) {
                        break;
                    }
                    List<byte[]> args = new ArrayList<>();
                    for (String a : new String[] {"127.0.0.1", Integer.toString(ports[to]), "", "0", "5000", "KEYS"}) {
                        args.add(a.getBytes(StandardCharsets.US_ASCII));
                    }
                    args.addAll(keys);
                    Object reply = source.sendCommand(Protocol.Command.MIGRATE, args.toArray(new byte[0][]));
                    assertThat(new String((byte[]) reply, StandardCharsets.US_ASCII)).isEqualTo("OK");
                    batches++;
                    Thread.sleep(5); // let the client run between batches, as a real reshard does
                }
                assertThat(batches).isPositive();
                for (int i : new int[] {to, from, 3 - from - to}) {
                    try (Jedis node = nodes.get(i).jedis()) {
                        assertThat(node.sendCommand(Protocol.Command.CLUSTER, "SETSLOT", s, "NODE", IDS[to]))
                                .isEqualTo("OK".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                long before = operations.get();
                while (operations.get() < before + 200 && failures.isEmpty()) {
                    Thread.sleep(5);
                }
                assertThat(source.sendCommand(Protocol.Command.CLUSTER, "COUNTKEYSINSLOT", s)).isEqualTo(0L);
                // New keys written mid-migration were sent on with -ASK, then MOVED once the slot was gone.
                assertThat(source.info("errorstats")).contains("errorstat_ASK:").contains("errorstat_MOVED:");
                assertThat((Long) target.sendCommand(Protocol.Command.CLUSTER, "COUNTKEYSINSLOT", s))
                        .isGreaterThanOrEqualTo(500L);
            } finally {
                stop.set(true);
                client.join(10_000);
            }
            assertThat(failures).isEmpty();
            assertThat(operations.get()).isPositive();
            for (Map.Entry<String, String> e : last.entrySet()) {
                assertThat(cluster.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        try (Jedis target = nodes.get(to).jedis()) {
            assertThat(target.get(tag + "1")).isNotNull();
            assertThat(new String((byte[]) target.sendCommand(Protocol.Command.CLUSTER, "NODES"), StandardCharsets.US_ASCII))
                    .contains(IDS[to] + " 127.0.0.1:" + ports[to]);
        }
    }
}

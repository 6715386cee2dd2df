package io.nioredis.server.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.sentinel.DataNode.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;

/**
 * Debian's redis-sentinel (Redis 7.0) fails over a master and two replicas: three sentinels (quorum 2)
 * discover the replicas from the master's INFO and each other over {@code __sentinel__:hello}; a writer
 * goes through Jedis's JedisSentinelPool; the master is SIGKILLed; Sentinel promotes a replica, repoints
 * the other (MULTI, SLAVEOF, CONFIG REWRITE, CLIENT KILL, EXEC) and the pool follows {@code +switch-master}.
 * Then every write acknowledged after the kill is on the new master, its replica holds the same keys, and
 * the writes acknowledged before the kill that are missing are only the last ones (what asynchronous
 * replication may lose). The same run against three redis-servers keeps the harness honest and gives
 * Redis's failover time to compare with.
 */
class SentinelIT {
    private static final int WRITES_BEFORE_KILL = 1000;
    private static final int WRITES_AFTER_SWITCH = 1000;
    /**
     * How long the failover may take. It takes two or three seconds, but a sentinel whose timer stalls for
     * two seconds (a loaded machine) enters TILT mode and does nothing for 30 seconds (+tilt in its log).
     */
    private static final int AFTER_KILL_SECONDS = 60;

    /** Which server plays each part. */
    enum Topology {
        /** Redis throughout: the harness checked against the real thing, and Redis's failover time. */
        REDIS(Kind.REDIS, Kind.REDIS),
        /** A nioredis master with Redis replicas: Sentinel's view of a nioredis master, its INFO and hellos. */
        NIOREDIS_MASTER(Kind.NIOREDIS, Kind.REDIS),
        /** nioredis throughout: promotion and repointing by Sentinel's SLAVEOF transactions too. */
        NIOREDIS(Kind.NIOREDIS, Kind.NIOREDIS);

        final Kind master;
        final Kind replicas;

        Topology(Kind master, Kind replicas) {
            this.master = master;
            this.replicas = replicas;
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void sentinelFailsOverAndThePoolKeepsWriting(Topology topology) throws Exception {
        Path root = Files.createTempDirectory("sentinel-it");
        List<AutoCloseable> closing = new ArrayList<>();
        boolean passed = false;
        try {
            DataNode master = DataNode.start(topology.master, root, "master");
            closing.add(master);
            List<DataNode> replicas = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                DataNode replica = DataNode.start(topology.replicas, root, "replica" + i);
                closing.add(replica);
                replica.replicaOf(master);
                replicas.add(replica);
            }
            for (DataNode replica : replicas) {
                await("replica " + replica.name() + " linked", 20,
                        () -> "up".equals(replica.info("replication", "master_link_status")), replica::logTail);
            }
            await("master lists two online replicas", 10,
                    () -> "2".equals(master.info("replication", "connected_slaves")), master::logTail);

            List<SentinelProcess> sentinels = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                SentinelProcess s = SentinelProcess.start(root, "sentinel" + i, master, 2);
                closing.add(s);
                sentinels.add(s);
            }
            for (SentinelProcess s : sentinels) {
                await("sentinel " + s.address() + " sees two replicas and two other sentinels", 20, () -> {
                    Map<String, String> m = s.master();
                    return "2".equals(m.get("num-slaves")) && "2".equals(m.get("num-other-sentinels"));
                }, s::logTail);
            }

            Set<String> addresses = new HashSet<>();
            for (SentinelProcess s : sentinels) {
                addresses.add(s.address());
            }
            GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
            poolConfig.setMaxTotal(4);
            JedisSentinelPool pool = new JedisSentinelPool(SentinelProcess.MASTER_NAME, addresses, poolConfig, 1000);
            closing.add(pool::destroy);
            SequentialWriter writer = new SequentialWriter(pool);
            Thread writing = new Thread(writer, "sentinel-it-writer");
            writing.start();
            closing.add(() -> {
                writer.stop();
                writing.join(10_000);
            });
            await(WRITES_BEFORE_KILL + " writes acknowledged", 20,
                    () -> writer.countSentAfter(Long.MIN_VALUE) >= WRITES_BEFORE_KILL, master::logTail);

            master.kill();
            // Taken once the process is gone, so no write sent after it can have reached the old master.
            long killed = System.nanoTime();

            await("a sentinel names a new master", AFTER_KILL_SECONDS, () -> sentinels.get(0).masterPort() != master.port(),
                    () -> sentinels.get(0).logTail());
            await("the pool writes to the new master", AFTER_KILL_SECONDS, () -> writer.firstSentAfter(killed) != null,
                    () -> sentinels.get(0).logTail());
            SequentialWriter.Ack first = writer.firstSentAfter(killed);
            long failoverMillis = TimeUnit.NANOSECONDS.toMillis(first.ackedNanos() - killed);
            await(WRITES_AFTER_SWITCH + " writes acknowledged after the switch", 20,
                    () -> writer.countSentAfter(killed) >= WRITES_AFTER_SWITCH, () -> "");
            writer.stop();
            writing.join(10_000);

            int newPort = sentinels.get(0).masterPort();
            DataNode promoted = replicas.get(0).port() == newPort ? replicas.get(0) : replicas.get(1);
            DataNode follower = promoted == replicas.get(0) ? replicas.get(1) : replicas.get(0);
            assertThat(promoted.port()).isEqualTo(newPort);
            assertThat(promoted.info("replication", "role")).isEqualTo("master");
            for (SentinelProcess s : sentinels) {
                await("sentinel " + s.address() + " switches to the new master", AFTER_KILL_SECONDS,
                        () -> s.masterPort() == newPort && s.log().contains("+switch-master "), s::logTail);
            }
            await("the other replica follows the new master", AFTER_KILL_SECONDS, () ->
                    Integer.toString(newPort).equals(follower.info("replication", "master_port"))
                            && "up".equals(follower.info("replication", "master_link_status")),
                    () -> follower.logTail() + sentinels.get(0).logTail());
            await("the follower has caught up", 20, () -> {
                String offset = promoted.info("replication", "master_repl_offset");
                return offset.equals(follower.info("replication", "slave_repl_offset"));
            }, follower::logTail);

            Map<String, String> onPromoted = keys(promoted);
            assertThat(keys(follower)).as("the follower's keys").isEqualTo(onPromoted);

            long lostBeforeKill = 0;
            long lastKeptBeforeKill = -1;
            long firstLostBeforeKill = Long.MAX_VALUE;
            long acknowledged = 0;
            for (SequentialWriter.Ack a : writer.acks()) {
                acknowledged++;
                String value = onPromoted.get("k:" + a.index());
                if (a.sentNanos() > killed) {
                    assertThat(value).as("write %d, acknowledged after the failover", a.index())
                            .isEqualTo(Long.toString(a.index()));
                } else if (value == null) {
                    lostBeforeKill++;
                    firstLostBeforeKill = Math.min(firstLostBeforeKill, a.index());
                } else {
                    assertThat(value).isEqualTo(Long.toString(a.index()));
                    lastKeptBeforeKill = Math.max(lastKeptBeforeKill, a.index());
                }
            }
            // Asynchronous replication loses a tail: what the master acknowledged but had not yet sent.
            assertThat(firstLostBeforeKill).as("lost writes are the last ones before the kill")
                    .isGreaterThan(lastKeptBeforeKill);
            System.out.printf("SentinelIT %s: failover (kill -> first write acknowledged through the pool) %d ms;"
                            + " %d writes acknowledged, %d of them before the kill lost, %d failed attempts%n",
                    topology, failoverMillis, acknowledged, lostBeforeKill, writer.failures());
            passed = true;
        } finally {
            for (int i = closing.size() - 1; i >= 0; i--) {
                try {
                    closing.get(i).close();
                } catch (Exception e) {
                    System.err.println("SentinelIT: closing: " + e);
                }
            }
            if (passed) {
                deleteTree(root); // a failed run keeps every server's and sentinel's log there
            } else {
                System.err.println("SentinelIT: the logs are in " + root);
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Map<String, String> keys(DataNode node) {
        try (Jedis j = node.connect()) {
            Map<String, String> all = new HashMap<>();
            List<String> names = new ArrayList<>(j.keys("*"));
            for (int from = 0; from < names.size(); from += 1000) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + 1000));
                List<String> values = j.mget(batch.toArray(new String[0]));
                for (int i = 0; i < batch.size(); i++) {
                    all.put(batch.get(i), values.get(i));
                }
            }
            return all;
        }
    }

    /** Polls {@code condition} (another process's state) until it holds; fails with {@code context}. */
    private static void await(String what, int seconds, BooleanSupplier condition,
            java.util.function.Supplier<String> context) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(50); // waiting for other processes to act, not for time to pass in a test
        }
        throw new AssertionError("timed out: " + what + (last == null ? "" : " (last error: " + last + ")")
                + "\n" + context.get());
    }
}

package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * FAILOVER, Redis 7.0's coordinated hand-over from a master to one of its replicas: the same argument and
 * state errors as Redis, in the same order; MULTI holding a FAILOVER that waits for a replica and an ABORT
 * answers as Redis; and a real hand-over in every pairing of nioredis and Redis (the master sends
 * {@code PSYNC <replid> <offset> FAILOVER}, the replica becomes the master and the old master its replica,
 * no key lost). Needs {@code redis-server} (see {@link ExternalTools}).
 */
class FailoverIT {

    /** A server of either kind, by port. */
    private interface Node extends AutoCloseable {
        int port();
    }

    private static Node nioredis() throws IOException {
        TestServer s = TestServer.start();
        return new Node() {
            public int port() {
                return s.port();
            }

            public void close() {
                s.close();
            }
        };
    }

    private static Node redis() throws Exception {
        RedisServerProcess s = RedisServerProcess.start();
        return new Node() {
            public int port() {
                return s.port();
            }

            public void close() {
                s.close();
            }
        };
    }

    @Test
    void errorsAnswerAsRedis() throws Exception {
        ExternalTools.program("redis-server");
        List<String> fromRedis;
        try (Node master = redis(); Node replica = redis()) {
            fromRedis = errors(master, replica);
        }
        try (Node master = nioredis(); Node replica = nioredis()) {
            assertThat(errors(master, replica)).isEqualTo(fromRedis);
        }
    }

    @Test
    void clusterModeRefusesItAsRedis() throws Exception {
        ExternalTools.program("redis-server");
        try (TestServer nioredis = TestServer.start("cluster-enabled", "yes");
             RedisServerProcess redis = RedisServerProcess.start("--cluster-enabled", "yes");
             RespConnection n = new RespConnection(nioredis.port());
             RespConnection r = new RespConnection(redis.port())) {
            for (String[] command : new String[][] {{"FAILOVER"}, {"FAILOVER", "ABORT"}, {"FAILOVER", "BOGUS"}}) {
                assertThat(n.call(command).toString()).isEqualTo(r.call(command).toString())
                        .startsWith("-ERR FAILOVER not allowed in cluster mode.");
            }
        }
    }

    @Test
    void failoverWaitingInATransactionAndAbortedAnswersAsRedis() throws Exception {
        ExternalTools.program("redis-server");
        List<String> fromRedis;
        try (Node master = redis(); Node replica = redis()) {
            fromRedis = waitThenAbort(master, replica);
        }
        try (Node master = nioredis(); Node replica = nioredis()) {
            assertThat(waitThenAbort(master, replica)).isEqualTo(fromRedis);
        }
    }

    @Test
    void nioredisHandsOverToNioredis() throws Exception {
        try (Node master = nioredis(); Node replica = nioredis()) {
            handOver(master, replica);
        }
    }

    @Test
    void nioredisHandsOverToRedis() throws Exception {
        ExternalTools.program("redis-server");
        try (Node master = nioredis(); Node replica = redis()) {
            handOver(master, replica);
        }
    }

    @Test
    void redisHandsOverToNioredis() throws Exception {
        ExternalTools.program("redis-server");
        try (Node master = redis(); Node replica = nioredis()) {
            handOver(master, replica);
        }
    }

    private static List<String> errors(Node master, Node replica) throws Exception {
        List<String> seen = new ArrayList<>();
        try (RespConnection m = new RespConnection(master.port());
             RespConnection r = new RespConnection(replica.port())) {
            String[][] alone = {
                {"FAILOVER"},
                {"FAILOVER", "ABORT"},
                {"FAILOVER", "ABORT", "TIMEOUT", "10"},
                {"FAILOVER", "TIMEOUT", "0"},
                {"FAILOVER", "TIMEOUT", "-5"},
                {"FAILOVER", "TIMEOUT", "abc"},
                {"FAILOVER", "TIMEOUT", "10", "TIMEOUT", "10"},
                {"FAILOVER", "TIMEOUT"},
                {"FAILOVER", "TO", "127.0.0.1"},
                {"FAILOVER", "TO", "127.0.0.1", "port"},
                {"FAILOVER", "FORCE", "FORCE"},
                {"FAILOVER", "BOGUS"},
                {"FAILOVER", "FORCE"},
            };
            for (String[] command : alone) {
                seen.add("alone " + String.join(" ", command) + " -> " + m.call(command));
            }
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            awaitField(r, "master_link_status", "up");
            awaitField(m, "connected_slaves", "1");
            String[][] withReplica = {
                {"FAILOVER", "FORCE"},
                {"FAILOVER", "TIMEOUT", "100", "FORCE"},
                {"FAILOVER", "TO", "127.0.0.1", "1"},
                {"FAILOVER", "TO", "127.0.0.1", "1", "FORCE"},
                {"FAILOVER", "TO", "127.0.0.1", "1", "FORCE", "TIMEOUT", "10"},
                {"FAILOVER", "TO", "127.0.0.1", "99999999999"},
                {"FAILOVER", "ABORT"},
            };
            for (String[] command : withReplica) {
                seen.add("master " + String.join(" ", command) + " -> " + m.call(command));
            }
            seen.add("replica FAILOVER -> " + r.call("FAILOVER"));
            seen.add("replica FAILOVER ABORT -> " + r.call("FAILOVER", "ABORT"));
            seen.add("state " + field(m.call("INFO", "replication").text(), "master_failover_state"));
        }
        return seen;
    }

    /**
     * A write just before FAILOVER in one transaction: the replica cannot have acknowledged it yet, so the
     * failover is waiting when INFO and the ABORT run; then writes go on.
     */
    private static List<String> waitThenAbort(Node master, Node replica) throws Exception {
        List<String> seen = new ArrayList<>();
        try (RespConnection m = new RespConnection(master.port());
             RespConnection r = new RespConnection(replica.port())) {
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            awaitField(r, "master_link_status", "up");
            awaitField(m, "connected_slaves", "1");
            awaitReplicaOnline(m);
            seen.add(m.call("MULTI").toString());
            seen.add(m.call("SET", "k", "v").toString());
            seen.add(m.call("FAILOVER", "TO", "127.0.0.1", Integer.toString(replica.port())).toString());
            seen.add(m.call("FAILOVER").toString());
            seen.add(m.call("EVAL", "return string.match(redis.call('INFO', 'replication'), "
                    + "'master_failover_state:[a-z-]+')", "0").toString());
            seen.add(m.call("FAILOVER", "ABORT").toString());
            seen.add(m.call("FAILOVER", "ABORT").toString());
            seen.add(m.call("EXEC").toString());
            seen.add(field(m.call("INFO", "replication").text(), "master_failover_state"));
            seen.add(m.call("SET", "k", "w").toString()); // writes go on: the abort released them
            seen.add(field(m.call("INFO", "replication").text(), "role"));
        }
        return seen;
    }

    /** FAILOVER TO the replica under writes: the roles swap and every key written before is on both. */
    private static void handOver(Node master, Node replica) throws Exception {
        try (RespConnection m = new RespConnection(master.port());
             RespConnection r = new RespConnection(replica.port())) {
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            awaitField(r, "master_link_status", "up");
            awaitField(m, "connected_slaves", "1");
            awaitReplicaOnline(m);
            for (int i = 0; i < 500; i++) {
                m.call("SET", "key:" + i, Integer.toString(i));
            }
            assertThat(m.call("FAILOVER", "TO", "127.0.0.1", Integer.toString(replica.port())).toString())
                    .isEqualTo("+OK\\r\\n");
            awaitField(r, "role", "master");
            awaitField(m, "role", "slave");
            awaitField(m, "master_port", Integer.toString(replica.port()));
            awaitField(m, "master_link_status", "up");
            awaitField(m, "master_failover_state", "no-failover");
            assertThat(m.call("SET", "late", "1").toString()).startsWith("-READONLY");
            assertThat(r.call("SET", "after", "1").toString()).isEqualTo("+OK\\r\\n");
            awaitEqual(() -> m.call("GET", "after").toString(), "$1\\r\\n1\\r\\n");
            assertThat(r.call("DBSIZE").toString()).isEqualTo(":501\\r\\n");
            assertThat(m.call("DBSIZE").toString()).isEqualTo(":501\\r\\n");
            assertThat(r.call("GET", "key:499").toString()).isEqualTo("$3\\r\\n499\\r\\n");
            // The old master continued the shared history rather than loading a snapshot.
            assertThat(field(r.call("INFO", "stats").text(), "sync_partial_ok")).isEqualTo("1");
        }
    }

    private interface Probe {
        String get() throws IOException;
    }

    private static void awaitEqual(Probe probe, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(20); // another server acting, not time passing in a test
        }
        throw new AssertionError("expected " + expected + " but was " + last);
    }

    /**
     * A master counts a replica before it puts it online, and FAILOVER refuses one that is not online yet.
     * Redis, after a diskless transfer, does so only when its cron sees the RDB child exit, which may be after
     * the replica already reports its link up; so every run waits for it.
     */
    private static void awaitReplicaOnline(RespConnection master) throws Exception {
        awaitEqual(() -> Boolean.toString(field(master.call("INFO", "replication").text(), "slave0")
                .contains("state=online")), "true");
    }

    private static void awaitField(RespConnection c, String name, String value) throws Exception {
        awaitEqual(() -> field(c.call("INFO", "replication").text(), name), value);
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }
}

package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real redis-server started with {@code --replicaof} a nioredis master: it syncs (snapshot and stream),
 * stays in sync under seeded writes of every type, with expiries, transactions, a script and several
 * databases, and after its link is cut it comes back with a partial resync. Equality is DEBUG DIGEST on both
 * and every key's DEBUG DIGEST-VALUE in each database. Needs {@code redis-server} (see {@link ExternalTools}).
 */
class ReplicationIT {
    private static final int DATABASES = 3;

    @Test
    void redisReplicaOfNioredisStaysInSyncAndResyncsPartially() throws Exception {
        ExternalTools.program("redis-server");
        long seed = Long.getLong("replication.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("ReplicationIT seed " + seed);
        Random random = new Random(seed);
        try (TestServer master = TestServer.start("enable-debug-command", "yes");
             RespConnection m = new RespConnection(master.port())) {
            write(m, random, 300); // in the snapshot
            try (RedisServerProcess replicaServer = RedisServerProcess.start("--enable-debug-command", "yes",
                    "--replicaof", "127.0.0.1", Integer.toString(master.port()));
                 RespConnection r = new RespConnection(replicaServer.port())) {
                awaitField(r, "master_link_status", "up");
                write(m, random, 3000); // in the stream
                awaitInSync(m, r);
                assertSameData(m, r, seed);
                m.call("SET", "acknowledged", "1");
                assertThat(m.call("WAIT", "1", "10000").text()).isEqualTo("1"); // the replica ACKs on GETACK
                assertThat(m.call("WAIT", "2", "50").text()).isEqualTo("1"); // times out: there is one replica
                assertThat(m.call("ROLE").elements.get(0).text()).isEqualTo("master");
                try (RespConnection subscriber = new RespConnection(replicaServer.port())) {
                    subscriber.call("SUBSCRIBE", "news"); // PUBLISH reaches the replicas' subscribers
                    m.call("PUBLISH", "news", "hello");
                    assertThat(subscriber.read().toString())
                            .isEqualTo("*3\\r\\n$7\\r\\nmessage\\r\\n$4\\r\\nnews\\r\\n$5\\r\\nhello\\r\\n");
                }

                assertThat(m.call("CLIENT", "KILL", "TYPE", "replica").text()).isEqualTo("1");
                write(m, random, 500);
                awaitField(r, "master_link_status", "up");
                awaitInSync(m, r);
                assertThat(field(m.call("INFO", "stats").text(), "sync_partial_ok")).isEqualTo("1");
                assertThat(field(m.call("INFO", "stats").text(), "sync_full")).isEqualTo("1");
                assertSameData(m, r, seed);
            }
        }
    }

    /** Seeded writes over a few keys per type in three databases, some in MULTI/EXEC or a script. */
    static void write(RespConnection m, Random random, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            m.call("SELECT", Integer.toString(random.nextInt(DATABASES)));
            String n = Integer.toString(random.nextInt(20));
            String v = Integer.toString(random.nextInt(1000));
            switch (random.nextInt(14)) {
                case 0 -> m.call("SET", "s" + n, v);
                case 1 -> m.call("INCRBY", "c" + n, v);
                case 2 -> m.call("RPUSH", "l" + n, v, "x" + v);
                case 3 -> m.call("LPOP", "l" + n);
                case 4 -> m.call("HSET", "h" + n, "f" + v, v);
                case 5 -> m.call("SADD", "t" + n, v);
                case 6 -> m.call("SPOP", "t" + n);
                case 7 -> m.call("ZADD", "z" + n, v, "m" + (random.nextInt(50)));
                case 8 -> m.call("XADD", "x" + n, "MAXLEN", "~", "50", "*", "f", v);
                case 9 -> m.call("SET", "e" + n, v, "EX", "1000");
                case 10 -> m.call("EXPIRE", "h" + n, "5000");
                case 11 -> {
                    m.call("MULTI");
                    m.call("INCR", "c" + n);
                    m.call("LPUSH", "l" + n, v);
                    m.call("SELECT", Integer.toString(random.nextInt(DATABASES)));
                    m.call("DEL", "s" + n);
                    m.call("EXEC");
                }
                case 12 -> m.call("EVAL", "redis.call('HINCRBY', KEYS[1], 'n', ARGV[1]) "
                        + "return redis.call('ZINCRBY', KEYS[2], ARGV[1], 'm')", "2", "h" + n, "z" + n, v);
                default -> m.call("DEL", "z" + n, "x" + n);
            }
        }
    }

    static void assertSameData(RespConnection m, RespConnection r, long seed) throws IOException {
        assertThat(r.call("DEBUG", "DIGEST").text()).as("seed %d", seed).isEqualTo(m.call("DEBUG", "DIGEST").text())
                .isNotEqualTo("0000000000000000000000000000000000000000");
        for (int db = 0; db < DATABASES; db++) {
            m.call("SELECT", Integer.toString(db));
            r.call("SELECT", Integer.toString(db));
            List<String> keys = keys(m);
            assertThat(keys(r)).as("seed %d, db %d", seed, db).isEqualTo(keys);
            for (String key : keys) {
                assertThat(r.call("DEBUG", "DIGEST-VALUE", key).toString()).as("seed %d, db %d, %s", seed, db, key)
                        .isEqualTo(m.call("DEBUG", "DIGEST-VALUE", key).toString());
            }
        }
    }

    private static List<String> keys(RespConnection c) throws IOException {
        List<String> keys = new ArrayList<>();
        for (Reply k : c.call("KEYS", "*").elements) {
            keys.add(k.text());
        }
        Collections.sort(keys);
        return keys;
    }

    /** Until the replica has processed all the master's stream (waiting for another process, not for time). */
    static void awaitInSync(RespConnection m, RespConnection r) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String masterOffset = "";
        String replicaOffset = "";
        while (System.nanoTime() < deadline) {
            masterOffset = field(m.call("INFO", "replication").text(), "master_repl_offset");
            replicaOffset = field(r.call("INFO", "replication").text(), "slave_repl_offset");
            if (masterOffset.equals(replicaOffset)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("replica at " + replicaOffset + ", master at " + masterOffset);
    }

    static void awaitField(RespConnection c, String name, String value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (value.equals(field(c.call("INFO", "replication").text(), name))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never became " + value + ": " + c.call("INFO", "replication").text());
    }

    static String field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return info;
    }
}

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        try (TestServer master = TestServer.start("enable-debug-command", "yes", "repl-diskless-sync-delay", "0");
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

    /**
     * rdb-del-sync-files with nothing kept on disk: the nioredis master removes the dump it wrote for a
     * disk-backed sync once the replica is online, and a nioredis replica of a Redis master removes the one it
     * received once loaded, as Redis does on both sides; with persistence configured the files stay.
     */
    @Test
    void persistenceLessServersRemoveTheDumpFilesOfAFullSync() throws Exception {
        ExternalTools.program("redis-server");
        try (TestServer master = TestServer.start("save", "", "repl-diskless-sync", "no", "repl-diskless-sync-delay",
                "0", "rdb-del-sync-files", "yes");
             RespConnection m = new RespConnection(master.port())) {
            m.call("SET", "k", "v");
            java.nio.file.Path dump = java.nio.file.Path.of(m.call("CONFIG", "GET", "dir").elements.get(1).text(),
                    "dump.rdb");
            try (RedisServerProcess replicaServer = RedisServerProcess.start("--replicaof", "127.0.0.1",
                    Integer.toString(master.port()));
                 RespConnection r = new RespConnection(replicaServer.port())) {
                awaitField(r, "master_link_status", "up");
                assertThat(r.call("GET", "k").text()).isEqualTo("v");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (java.nio.file.Files.exists(dump) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(dump).as("the dump written only to feed the replica").doesNotExist();
            }
        }
        try (RedisServerProcess redisMaster = RedisServerProcess.start("--save", "");
             RespConnection m = new RespConnection(redisMaster.port())) {
            m.call("SET", "k", "v");
            for (String save : new String[] {"", "3600 1"}) {
                try (TestServer replica = TestServer.start("save", save, "rdb-del-sync-files", "yes", "replicaof",
                        "127.0.0.1 " + redisMaster.port());
                     RespConnection r = new RespConnection(replica.port())) {
                    awaitField(r, "master_link_status", "up");
                    assertThat(r.call("GET", "k").text()).isEqualTo("v");
                    java.nio.file.Path received = java.nio.file.Path.of(
                            r.call("CONFIG", "GET", "dir").elements.get(1).text(), "dump.rdb");
                    if (save.isEmpty()) {
                        assertThat(received).as("loaded, and not kept by a replica without persistence")
                                .doesNotExist();
                    } else {
                        assertThat(received).as("kept by a replica that saves").exists();
                    }
                }
            }
        }
    }

    /**
     * The full sync runs from the background snapshot while a writer keeps changing keys the walk has and
     * has not reached (big values among them, which the writer thread serializes): the replica must end
     * equal, so the snapshot is the dataset at the cut and the stream held for the replica starts exactly
     * there. Diskless (streamed to the socket) and disk-backed (BGSAVE, then the file).
     */
    @ParameterizedTest
    @ValueSource(strings = {"yes", "no"})
    void aReplicaSyncingWhileWritesRunEndsEqual(String diskless) throws Exception {
        ExternalTools.program("redis-server");
        long seed = Long.getLong("replication.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("ReplicationIT writes-during-sync seed " + seed + ", diskless " + diskless);
        try (TestServer master = TestServer.start("enable-debug-command", "yes", "repl-diskless-sync", diskless,
                "repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(master.port())) {
            fill(m, 60_000);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> {
                Random random = new Random(seed);
                try (RespConnection w = new RespConnection(master.port())) {
                    while (!stop.get()) {
                        writeOverFilledKeys(w, random);
                        written.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            try (RedisServerProcess replicaServer = RedisServerProcess.start("--enable-debug-command", "yes",
                    "--replicaof", "127.0.0.1", Integer.toString(master.port()));
                 RespConnection r = new RespConnection(replicaServer.port())) {
                long before = written.get();
                awaitField(r, "master_link_status", "up");
                long during = written.get() - before;
                stop.set(true);
                writer.join();
                awaitInSync(m, r);
                assertSameData(m, r, seed);
                System.out.println("ReplicationIT: " + during + " writes while the replica synced");
                assertThat(during).as("writes ran during the sync").isPositive();
                assertThat(field(m.call("INFO", "stats").text(), "sync_full")).isEqualTo("1");
            } finally {
                stop.set(true);
                writer.join();
            }
        }
    }

    /** {@code keys} strings and, in each database, a hash, a list and a sorted set big enough for the writer thread. */
    private static void fill(RespConnection m, int keys) throws IOException {
        for (int db = 0; db < DATABASES; db++) {
            m.call("SELECT", Integer.toString(db));
            for (int i = db; i < keys; i += DATABASES * 100) {
                String[] mset = new String[201];
                mset[0] = "MSET";
                for (int j = 0; j < 100; j++) {
                    mset[1 + 2 * j] = "k:" + (i + j * DATABASES);
                    mset[2 + 2 * j] = "value-" + (i + j * DATABASES);
                }
                m.send(mset);
            }
            for (int i = db; i < keys; i += DATABASES * 100) {
                m.read();
            }
            for (int i = 0; i < 20_000; i += 500) {
                String[] hset = new String[1002];
                String[] rpush = new String[502];
                String[] zadd = new String[1002];
                hset[0] = "HSET";
                hset[1] = "bighash";
                rpush[0] = "RPUSH";
                rpush[1] = "biglist";
                zadd[0] = "ZADD";
                zadd[1] = "bigzset";
                for (int j = 0; j < 500; j++) {
                    hset[2 + 2 * j] = "field-" + (i + j);
                    hset[3 + 2 * j] = "v" + (i + j);
                    rpush[2 + j] = "element-" + (i + j);
                    zadd[2 + 2 * j] = Integer.toString(i + j);
                    zadd[3 + 2 * j] = "member-" + (i + j);
                }
                m.call(hset);
                m.call(rpush);
                m.call(zadd);
            }
        }
        m.call("SELECT", "0");
    }

    /** One seeded write over the filled keys and the big values, or a few small keys, in any database. */
    private static void writeOverFilledKeys(RespConnection w, Random random) throws IOException {
        w.call("SELECT", Integer.toString(random.nextInt(DATABASES)));
        String k = "k:" + random.nextInt(60_000);
        String v = Integer.toString(random.nextInt(1000));
        switch (random.nextInt(9)) {
            case 0 -> w.call("SET", k, v);
            case 1 -> w.call("DEL", k);
            case 2 -> w.call("APPEND", k, v);
            case 3 -> w.call("HSET", "bighash", "field-" + random.nextInt(30_000), v);
            case 4 -> w.call("LPOP", "biglist");
            case 5 -> w.call("ZADD", "bigzset", v, "member-" + random.nextInt(30_000));
            case 6 -> w.call("PEXPIRE", k, "500000");
            case 7 -> w.call("RENAME", "s" + random.nextInt(5), "s" + random.nextInt(5));
            default -> w.call("SET", "s" + random.nextInt(5), v);
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

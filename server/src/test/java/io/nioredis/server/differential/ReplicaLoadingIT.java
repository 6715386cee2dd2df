package io.nioredis.server.differential;

import static io.nioredis.server.differential.ReplicationIT.awaitField;
import static io.nioredis.server.differential.ReplicationIT.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While a replica loads its master's snapshot, as Redis's processEventsWhileBlocked: connections made during
 * the load are accepted and served, with -LOADING to commands not flagged loading and an answer to those
 * that are (INFO). The master (a real redis-server) holds enough keys for the load to take a while. Needs
 * {@code redis-server} (see {@link ExternalTools}).
 */
class ReplicaLoadingIT {
    private static final String LOADING = "-LOADING Redis is loading the dataset in memory\\r\\n";

    @Test
    void newConnectionsDuringTheLoadAreAcceptedAndToldLoading() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess masterServer = RedisServerProcess.start("--enable-debug-command", "yes",
                "--repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(masterServer.port());
             TestServer replica = TestServer.start();
             RespConnection r = new RespConnection(replica.port())) {
            assertThat(m.call("DEBUG", "POPULATE", "1000000", "key", "64").text()).isEqualTo("OK");
            assertThat(r.call("REPLICAOF", "127.0.0.1", Integer.toString(masterServer.port())).text())
                    .isEqualTo("OK");
            awaitLoading(r);
            try (RespConnection late = new RespConnection(replica.port())) {
                String reply = late.call("GET", "key:1").toString();
                String info = late.call("INFO", "persistence").text();
                if (!reply.equals(LOADING)) {
                    throw new AssertionError("the load ended before the late client was served: " + reply);
                }
                // Redis's progress figures follow the section's other fields while loading.
                assertThat(field(info, "loading")).isEqualTo("1");
                assertThat(info).containsPattern("module_fork_last_cow_size:0\r\nloading_start_time:\\d+\r\n"
                        + "loading_total_bytes:\\d+\r\nloading_rdb_used_mem:\\d+\r\nloading_loaded_bytes:\\d+\r\n"
                        + "loading_loaded_perc:\\d+\\.\\d\\d\r\nloading_eta_seconds:\\d+\r\n$");
                long total = Long.parseLong(field(info, "loading_total_bytes"));
                long loaded = Long.parseLong(field(info, "loading_loaded_bytes"));
                assertThat(total).isGreaterThan(10_000_000L); // a million keys, compressed values
                assertThat(loaded).isBetween(0L, total);
                assertThat(Long.parseLong(field(info, "loading_rdb_used_mem"))).isGreaterThan(total);
                assertThat(Long.parseLong(field(info, "loading_start_time")))
                        .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
            }
            awaitField(r, "master_link_status", "up");
            assertThat(r.call("DBSIZE").text()).isEqualTo("1000000");
            assertThat(r.call("INFO", "persistence").text()).doesNotContain("loading_");
        }
    }

    /**
     * A full sync empties the dataset first (Redis's emptyData, which signals a flush): a WATCH on a key that
     * existed then fails its EXEC; one on a key that only the master's snapshot brings does not.
     */
    @Test
    void aFullSyncMakesWatchersOfExistingKeysFail() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess masterServer = RedisServerProcess.start("--repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(masterServer.port());
             TestServer replica = TestServer.start();
             RespConnection r = new RespConnection(replica.port());
             RespConnection watchesExisting = new RespConnection(replica.port());
             RespConnection watchesNew = new RespConnection(replica.port());
             RespConnection watchesDropped = new RespConnection(replica.port())) {
            m.call("SET", "a", "1");
            m.call("SET", "b", "2");
            r.call("SET", "a", "x");
            r.call("SET", "c", "z");
            assertThat(watchesExisting.call("WATCH", "a").text()).isEqualTo("OK");
            assertThat(watchesNew.call("WATCH", "b").text()).isEqualTo("OK");
            assertThat(watchesDropped.call("WATCH", "c").text()).isEqualTo("OK");
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(masterServer.port()));
            awaitField(r, "master_link_status", "up");
            assertThat(exec(watchesExisting, "a")).isEqualTo("*-1\\r\\n");
            assertThat(exec(watchesNew, "b")).isEqualTo("*1\\r\\n$1\\r\\n2\\r\\n");
            assertThat(exec(watchesDropped, "c")).isEqualTo("*-1\\r\\n");
        }
    }

    private static String exec(RespConnection c, String key) throws Exception {
        assertThat(c.call("MULTI").text()).isEqualTo("OK");
        assertThat(c.call("GET", key).text()).isEqualTo("QUEUED");
        return c.call("EXEC").toString();
    }

    /** Polls INFO (flagged loading) on a connection made before the sync until it says loading:1. */
    private static void awaitLoading(RespConnection r) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if ("1".equals(field(r.call("INFO", "persistence").text(), "loading"))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the replica was never seen loading");
    }
}

package io.nioredis.server.differential;

import static io.nioredis.server.differential.ReplicationIT.assertSameData;
import static io.nioredis.server.differential.ReplicationIT.awaitField;
import static io.nioredis.server.differential.ReplicationIT.awaitInSync;
import static io.nioredis.server.differential.ReplicationIT.field;
import static io.nioredis.server.differential.ReplicationIT.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * nioredis as a replica: {@code REPLICAOF} a real redis-server master under seeded writes of every type
 * (expiries, transactions, a script, several databases) ends with the same data (DEBUG DIGEST and every key's
 * DIGEST-VALUE); a link cut from either side comes back with a partial resync; writes from clients get
 * -READONLY; {@code REPLICAOF NO ONE} keeps the data and the history (replid2) and takes writes. The same
 * between two nioredis servers. Needs {@code redis-server} (see {@link ExternalTools}).
 */
class ReplicaOfRedisIT {
    @Test
    void nioredisReplicaOfRedisStaysInSyncResyncsPartiallyAndIsPromoted() throws Exception {
        ExternalTools.program("redis-server");
        long seed = Long.getLong("replication.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("ReplicaOfRedisIT seed " + seed);
        Random random = new Random(seed);
        try (RedisServerProcess masterServer = RedisServerProcess.start("--enable-debug-command", "yes",
                "--repl-diskless-sync-delay", "0");
             RespConnection m = new RespConnection(masterServer.port());
             TestServer replica = TestServer.start("enable-debug-command", "yes");
             RespConnection r = new RespConnection(replica.port())) {
            write(m, random, 300); // in the snapshot
            assertThat(r.call("REPLICAOF", "127.0.0.1", Integer.toString(masterServer.port())).text())
                    .isEqualTo("OK");
            assertThat(r.call("SLAVEOF", "127.0.0.1", Integer.toString(masterServer.port())).text())
                    .isEqualTo("OK Already connected to specified master");
            awaitField(r, "master_link_status", "up");
            write(m, random, 3000); // in the stream
            awaitInSync(m, r);
            assertSameData(m, r, seed);
            assertThat(r.call("ROLE").toString()).isEqualTo("*5\\r\\n$5\\r\\nslave\\r\\n$9\\r\\n127.0.0.1\\r\\n:"
                    + masterServer.port() + "\\r\\n$9\\r\\nconnected\\r\\n:"
                    + field(m.call("INFO", "replication").text(), "master_repl_offset") + "\\r\\n");
            // A replica of this replica gets the master's stream as it comes: which database it is in
            // (db 2 here, selected before the sub-replica's sync) travels in the snapshot's repl-stream-db.
            m.call("SELECT", "2");
            m.call("SET", "before-sub-replica", "1");
            awaitInSync(m, r);
            try (TestServer sub = TestServer.start("enable-debug-command", "yes");
                 RespConnection s = new RespConnection(sub.port())) {
                s.call("REPLICAOF", "127.0.0.1", Integer.toString(replica.port()));
                awaitField(s, "master_link_status", "up");
                m.call("SET", "after-sub-replica", "1"); // no SELECT before it in the stream
                write(m, random, 300);
                awaitInSync(m, s);
                assertSameData(m, s, seed);
                assertThat(field(s.call("INFO", "replication").text(), "master_replid"))
                        .isEqualTo(field(m.call("INFO", "replication").text(), "master_replid"));
            }
            m.call("SET", "acknowledged", "1");
            assertThat(m.call("WAIT", "1", "10000").text()).isEqualTo("1"); // our ACK answers the master's GETACK
            assertThat(r.call("SET", "k", "v").toString())
                    .isEqualTo("-READONLY You can't write against a read only replica.\\r\\n");

            // The master drops the link: the replica comes back with PSYNC and gets only what it missed.
            assertThat(m.call("CLIENT", "KILL", "TYPE", "replica").text()).isEqualTo("1");
            write(m, random, 500);
            awaitField(r, "master_link_status", "up");
            awaitInSync(m, r);
            assertThat(field(m.call("INFO", "stats").text(), "sync_partial_ok")).isEqualTo("1");
            assertThat(field(m.call("INFO", "stats").text(), "sync_full")).isEqualTo("1");
            // The replica drops it.
            assertThat(r.call("CLIENT", "KILL", "TYPE", "master").text()).isEqualTo("1");
            write(m, random, 500);
            awaitField(r, "master_link_status", "up");
            awaitInSync(m, r);
            assertThat(field(m.call("INFO", "stats").text(), "sync_partial_ok")).isEqualTo("2");
            assertSameData(m, r, seed);

            // Promotion keeps the data and the master's history as replid2, up to the offset reached.
            String replid = field(m.call("INFO", "replication").text(), "master_replid");
            long offset = Long.parseLong(field(m.call("INFO", "replication").text(), "master_repl_offset"));
            assertThat(r.call("REPLICAOF", "NO", "ONE").text()).isEqualTo("OK");
            String info = r.call("INFO", "replication").text();
            assertThat(field(info, "role")).isEqualTo("master");
            assertThat(field(info, "master_replid2")).isEqualTo(replid);
            assertThat(field(info, "second_repl_offset")).isEqualTo(Long.toString(offset + 1));
            assertSameData(m, r, seed);
            assertThat(r.call("SET", "k", "v").text()).isEqualTo("OK");
        }
    }

    @Test
    void nioredisReplicaOfNioredisStaysInSync() throws Exception {
        long seed = Long.getLong("replication.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("ReplicaOfRedisIT nioredis seed " + seed);
        Random random = new Random(seed);
        try (TestServer master = TestServer.start("enable-debug-command", "yes");
             RespConnection m = new RespConnection(master.port());
             TestServer replica = TestServer.start("enable-debug-command", "yes", "replica-serve-stale-data", "no");
             RespConnection r = new RespConnection(replica.port())) {
            write(m, random, 300);
            assertThat(r.call("REPLICAOF", "127.0.0.1", "abc").toString()).isEqualTo("-ERR Invalid master port\\r\\n");
            // First a master that is not there: the link stays down, and stale data is not served.
            int nobody;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                nobody = s.getLocalPort();
            }
            try (RespConnection blocked = new RespConnection(replica.port())) {
                blocked.send("BLPOP", "queue", "0");
                awaitBlocked(r);
                assertThat(r.call("REPLICAOF", "127.0.0.1", Integer.toString(nobody)).text()).isEqualTo("OK");
                assertThat(blocked.read().toString()).isEqualTo("-UNBLOCKED force unblock from blocking operation,"
                        + " instance state changed (master -> replica?)\\r\\n");
            }
            assertThat(r.call("GET", "s1").toString()).isEqualTo("-MASTERDOWN Link with MASTER is down and"
                    + " replica-serve-stale-data is set to 'no'.\\r\\n");
            assertThat(field(r.call("INFO", "replication").text(), "master_link_status")).isEqualTo("down");
            assertThat(r.call("MULTI").text()).isEqualTo("OK"); // as Sentinel sends it
            assertThat(r.call("SLAVEOF", "127.0.0.1", Integer.toString(master.port())).text()).isEqualTo("QUEUED");
            assertThat(r.call("EXEC").toString()).isEqualTo("*1\\r\\n+OK\\r\\n");
            awaitField(r, "master_link_status", "up");
            assertThat(r.call("WAIT", "0", "0").toString()).startsWith("-ERR WAIT cannot be used with replica");
            write(m, random, 2000);
            awaitInSync(m, r);
            assertSameData(m, r, seed);
            assertThat(m.call("CLIENT", "KILL", "TYPE", "replica").text()).isEqualTo("1");
            write(m, random, 300);
            awaitField(r, "master_link_status", "up");
            awaitInSync(m, r);
            assertThat(field(m.call("INFO", "stats").text(), "sync_partial_ok")).isEqualTo("1");
            assertSameData(m, r, seed);
        }
    }

    private static void awaitBlocked(RespConnection c) throws Exception {
        for (int i = 0; i < 500; i++) {
            if ("1".equals(field(c.call("INFO", "clients").text(), "blocked_clients"))) {
                return;
            }
            Thread.sleep(10); // waiting for another connection's command to arrive, not for time to pass
        }
        throw new AssertionError("the BLPOP never blocked");
    }
}

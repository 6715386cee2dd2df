package io.nioredis.command.cluster;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.BlockingHarness;
import io.nioredis.command.CommandHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode through the dispatcher, on node A of a three-master static cluster. Expected replies are
 * redis-server 7.0's in the same topology (A serves 0-5460, B 5461-10922, C 10923-16383); the keys used sit
 * in these slots: bar, {bar}1, {bar}2 5061 and hello 866 (A), c 7365 and key1 9189 (B), foo 12182 (C).
 */
class ClusterCommandsTest {
    static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
    static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";
    static final String C = "ccccccccccccccccccccccccccccccccccccccc3";
    static final String R = "ddddddddddddddddddddddddddddddddddddddd4";

    static String nodes(String myself) {
        return (A + " 127.0.0.1:7111@17111 master - 0 0 1 connected 0-5460\n"
                + B + " 127.0.0.1:7112@17112 master - 0 0 2 connected 5461-10922\n"
                + C + " 127.0.0.1:7113@17113 master - 0 0 3 connected 10923-16383\n"
                + R + " 127.0.0.1:7114@17114 slave " + B + " 0 0 2 connected\n"
                + "vars currentEpoch 3 lastVoteEpoch 0\n").replaceFirst("(" + myself + " \\S+ )", "$1myself,");
    }

    static CommandHarness node(String myself, String... settings) {
        String[] all = new String[settings.length + 4];
        all[0] = "cluster-enabled";
        all[1] = "yes";
        all[2] = "port";
        all[3] = "0";
        System.arraycopy(settings, 0, all, 4, settings.length);
        return CommandHarness.with(all, "nodes.conf", nodes(myself));
    }

    @Test
    void outsideClusterModeTheCommandsSaySo() {
        CommandHarness h = new CommandHarness();
        String disabled = error("ERR This instance has cluster support disabled");
        assertThat(h.run("CLUSTER", "INFO")).isEqualTo(disabled);
        assertThat(h.run("CLUSTER", "HELP")).isEqualTo(disabled);
        assertThat(h.run("READONLY")).isEqualTo(disabled);
        assertThat(h.run("READWRITE")).isEqualTo(disabled);
        assertThat(h.run("ASKING")).isEqualTo(disabled);
        assertThat(h.run("SELECT", "1")).isEqualTo(OK);
        assertThat(h.run("INFO", "cluster")).contains("cluster_enabled:0\r\n");
    }

    @Test
    void keysAreServedWhereTheirSlotIs() {
        CommandHarness h = node(A);
        assertThat(h.run("SET", "bar", "1")).isEqualTo(OK);
        assertThat(h.run("GET", "foo")).isEqualTo(error("MOVED 12182 127.0.0.1:7113"));
        assertThat(h.run("SET", "c", "1")).isEqualTo(error("MOVED 7365 127.0.0.1:7112"));
        assertThat(h.run("MGET", "bar", "hello")).isEqualTo(error("CROSSSLOT Keys in request don't hash to the same slot"));
        assertThat(h.run("MGET", "bar", "{bar}1")).isEqualTo("*2\r\n" + bulk("1") + "$-1\r\n");
        assertThat(h.run("EVAL", "return 1", "2", "bar", "foo"))
                .isEqualTo(error("CROSSSLOT Keys in request don't hash to the same slot"));
        assertThat(h.run("EVAL", "return redis.call('get', KEYS[1])", "1", "bar")).isEqualTo(bulk("1"));
        // A script may touch only local keys, declared or not (replies as redis-server 7.0.15's).
        assertThat(h.run("EVAL", "return redis.call('get','foo')", "0")).isEqualTo(error("ERR Script attempted to "
                + "access a non local key in a cluster node script: 6b1bf486c81ceb7edf3c093f4c48582e38c0e791, on "
                + "@user_script:1."));
        assertThat(h.run("EVAL", "return redis.pcall('get','foo')", "0"))
                .isEqualTo(error("ERR Script attempted to access a non local key in a cluster node"));
        assertThat(h.run("EVAL", "return redis.call('get','bar')", "0")).isEqualTo(bulk("1"));
        assertThat(h.run("OBJECT", "ENCODING", "foo")).isEqualTo(error("MOVED 12182 127.0.0.1:7113"));
        assertThat(h.run("DBSIZE")).isEqualTo(integer(1)); // no keys: served here
        // Shard channels are routed as keys (redis-server 7.0.15's replies).
        assertThat(h.run("SPUBLISH", "foo", "msg")).isEqualTo(error("MOVED 12182 127.0.0.1:7113"));
        assertThat(h.run("SPUBLISH", "bar", "msg")).isEqualTo(integer(0));
        assertThat(h.run("PUBLISH", "foo", "msg")).isEqualTo(integer(0)); // plain channels go everywhere
        assertThat(h.run("SELECT", "1")).isEqualTo(error("ERR SELECT is not allowed in cluster mode"));
        assertThat(h.run("SELECT", "0")).isEqualTo(OK);
        assertThat(h.run("SWAPDB", "0", "1")).isEqualTo(error("ERR SWAPDB is not allowed in cluster mode"));
        assertThat(h.run("MOVE", "bar", "1")).isEqualTo(error("ERR MOVE is not allowed in cluster mode"));
        assertThat(h.run("COPY", "bar", "{bar}1", "DB", "1"))
                .isEqualTo(error("ERR Copying to another database is not allowed in cluster mode"));
        assertThat(h.run("RPUSH", "{bar}l", "2", "1")).isEqualTo(integer(2));
        assertThat(h.run("SORT", "{bar}l", "BY", "w_*")).isEqualTo(error("ERR BY option of SORT denied in Cluster mode."));
        assertThat(h.run("SORT", "{bar}l", "GET", "#")).isEqualTo(error("ERR GET option of SORT denied in Cluster mode."));
        assertThat(h.run("SORT", "{bar}l", "BY", "nosort")).isEqualTo("*2\r\n" + bulk("2") + bulk("1"));
        assertThat(h.run("REPLICAOF", "127.0.0.1", "7112")).isEqualTo(error("ERR REPLICAOF not allowed in cluster mode."));
        assertThat(h.run("SLAVEOF", "NO", "ONE")).isEqualTo(error("ERR REPLICAOF not allowed in cluster mode."));
        assertThat(h.run("INFO", "cluster")).contains("cluster_enabled:1\r\n");
    }

    @Test
    void routingLocalKeysAllocatesNothing() {
        CommandHarness h = node(A);
        io.nioredis.resp.Request set = io.nioredis.resp.Request.of("SET", "bar", "value");
        io.nioredis.resp.Request get = io.nioredis.resp.Request.of("GET", "bar");
        io.nioredis.resp.Request mget = io.nioredis.resp.Request.of("MGET", "bar", "{bar}1");
        io.nioredis.resp.RespWriter out = new io.nioredis.resp.RespWriter(1024);
        Runnable run = () -> {
            for (int i = 0; i < 100_000; i++) {
                out.reset();
                h.dispatcher.execute(h.client, set, out);
                h.dispatcher.execute(h.client, get, out);
                h.dispatcher.execute(h.client, mget, out);
            }
        };
        run.run(); // warm up
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        run.run();
        long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(bytes / 300_000.0).as("bytes per command").isLessThan(1.0);
    }

    @Test
    void transactionsAreRoutedCommandByCommandAndAtExec() {
        CommandHarness h = node(A);
        assertThat(h.run("MULTI")).isEqualTo(OK);
        assertThat(h.run("SET", "bar", "1")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("SET", "foo", "1")).isEqualTo(error("MOVED 12182 127.0.0.1:7113"));
        assertThat(h.run("EXEC")).isEqualTo(error("EXECABORT Transaction discarded because of previous errors."));

        assertThat(h.run("MULTI")).isEqualTo(OK);
        assertThat(h.run("SET", "bar", "1")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("SET", "hello", "1")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("EXEC")).isEqualTo(error("CROSSSLOT Keys in request don't hash to the same slot"));
        assertThat(h.run("EXEC")).isEqualTo(error("ERR EXEC without MULTI")); // the redirected EXEC discarded it
    }

    @Test
    void aMigratingSlotSendsMissingKeysOnWithAsk() {
        CommandHarness h = node(A);
        assertThat(h.run("SET", "bar", "1")).isEqualTo(OK);
        assertThat(h.run("CLUSTER", "SETSLOT", "5061", "MIGRATING", B)).isEqualTo(OK);
        assertThat(h.run("GET", "bar")).isEqualTo(bulk("1"));
        assertThat(h.run("GET", "{bar}2")).isEqualTo(error("ASK 5061 127.0.0.1:7112"));
        assertThat(h.run("MGET", "bar", "{bar}2")).isEqualTo(error("ASK 5061 127.0.0.1:7112"));
        assertThat(h.run("CLUSTER", "NODES")).contains(" [5061->-" + B + "]\n");
        assertThat(h.run("CLUSTER", "SETSLOT", "5061", "NODE", B)).isEqualTo(error(
                "ERR Can't assign hashslot 5061 to a different node while I still hold keys for this hash slot."));
        assertThat(h.run("DEL", "bar")).isEqualTo(integer(1));
        assertThat(h.run("CLUSTER", "SETSLOT", "5061", "NODE", B)).isEqualTo(OK);
        assertThat(h.run("GET", "bar")).isEqualTo(error("MOVED 5061 127.0.0.1:7112"));
        assertThat(h.run("CLUSTER", "NODES")).doesNotContain("->-");
    }

    @Test
    void clientsBlockedOnASlotThatMovesAwayAreRedirected() {
        BlockingHarness b = new BlockingHarness(node(A));
        io.nioredis.client.Client waiter = b.client(2);
        io.nioredis.client.Client other = b.client(3);
        assertThat(b.run(waiter, "BLPOP", "bar", "0")).isEmpty();
        assertThat(b.run(other, "BLPOP", "hello", "0")).isEmpty();
        assertThat(b.h.run("CLUSTER", "SETSLOT", "5061", "NODE", B)).isEqualTo(OK);
        assertThat(BlockingHarness.pushed(waiter)).isEqualTo(error("MOVED 5061 127.0.0.1:7112"));
        assertThat(BlockingHarness.pushed(other)).isEmpty(); // its slot stays here
        assertThat(b.h.run("CLUSTER", "DELSLOTS", "1")).isEqualTo(OK); // full coverage lost: the cluster is down
        assertThat(BlockingHarness.pushed(other)).isEqualTo(error("CLUSTERDOWN The cluster is down"));
    }

    @Test
    void anImportingSlotServesOnlyAfterAsking() throws Exception {
        CommandHarness h = node(A);
        assertThat(h.run("CLUSTER", "SETSLOT", "7365", "IMPORTING", B)).isEqualTo(OK);
        assertThat(h.run("GET", "c")).isEqualTo(error("MOVED 7365 127.0.0.1:7112"));
        assertThat(h.run("ASKING")).isEqualTo(OK);
        assertThat(h.run("SET", "c", "1")).isEqualTo(OK);
        assertThat(h.run("GET", "c")).isEqualTo(error("MOVED 7365 127.0.0.1:7112")); // ASKING held for one command
        assertThat(h.run("ASKING")).isEqualTo(OK);
        assertThat(h.run("MGET", "c", "{c}x")).isEqualTo(error("TRYAGAIN Multiple keys request during rehashing of slot"));
        assertThat(h.run("RESTORE-ASKING", "{c}x", "0", "bogus"))
                .isEqualTo(error("ERR DUMP payload version or checksum are wrong")); // flagged asking: runs here
        assertThat(h.run("CLUSTER", "COUNTKEYSINSLOT", "7365")).isEqualTo(integer(1));
        assertThat(h.run("CLUSTER", "GETKEYSINSLOT", "7365", "10")).isEqualTo("*1\r\n" + bulk("c"));
        assertThat(h.run("CLUSTER", "SETSLOT", "7365", "NODE", A)).isEqualTo(OK);
        assertThat(h.run("GET", "c")).isEqualTo(bulk("1"));
        // Taking the slot over bumps this node's epoch past every other, as Redis does without consensus.
        assertThat(h.run("CLUSTER", "NODES")).contains(A + " 127.0.0.1:7111@17111 myself,master - 0 0 4 connected 0-5460 7365\n");
        String saved = Files.readString(Path.of(h.state.config.get("dir")).resolve("nodes.conf"));
        assertThat(saved).contains(" 7365\n").endsWith("vars currentEpoch 4 lastVoteEpoch 0\n");
    }

    @Test
    void aReplicaServesReadsOfItsMasterAfterReadonly() {
        CommandHarness h = node(R);
        assertThat(h.run("GET", "c")).isEqualTo(error("MOVED 7365 127.0.0.1:7112"));
        assertThat(h.run("READONLY")).isEqualTo(OK);
        assertThat(h.run("GET", "c")).isEqualTo("$-1\r\n");
        assertThat(h.run("SET", "c", "1")).isEqualTo(error("MOVED 7365 127.0.0.1:7112"));
        assertThat(h.run("GET", "foo")).isEqualTo(error("MOVED 12182 127.0.0.1:7113")); // not its master's slot
        assertThat(h.run("READWRITE")).isEqualTo(OK);
        assertThat(h.run("GET", "c")).isEqualTo(error("MOVED 7365 127.0.0.1:7112"));
        assertThat(h.run("CLUSTER", "SETSLOT", "1", "STABLE")).isEqualTo(error("ERR Please use SETSLOT only with masters."));
    }

    @Test
    void unservedSlotsTakeTheClusterDown() {
        CommandHarness h = node(A);
        assertThat(h.run("CLUSTER", "DELSLOTS", "0")).isEqualTo(OK);
        assertThat(h.run("CLUSTER", "INFO")).startsWith("$").contains("cluster_state:fail\r\ncluster_slots_assigned:16383\r\n");
        assertThat(h.run("GET", "")).isEqualTo(error("CLUSTERDOWN Hash slot not served"));
        assertThat(h.run("GET", "hello")).isEqualTo(error("CLUSTERDOWN The cluster is down"));
        assertThat(h.run("CONFIG", "SET", "cluster-allow-reads-when-down", "yes")).isEqualTo(OK);
        assertThat(h.run("GET", "hello")).isEqualTo("$-1\r\n");
        assertThat(h.run("SET", "hello", "1"))
                .isEqualTo(error("CLUSTERDOWN The cluster is down and only accepts read commands"));
        assertThat(h.run("CONFIG", "SET", "cluster-require-full-coverage", "no")).isEqualTo(OK);
        assertThat(h.run("SET", "hello", "1")).isEqualTo(OK);
        assertThat(h.run("CLUSTER", "ADDSLOTS", "0")).isEqualTo(OK);
        assertThat(h.run("CLUSTER", "INFO")).contains("cluster_state:ok\r\ncluster_slots_assigned:16384\r\n");
    }

    @Test
    void argumentErrorsAsRedis() {
        CommandHarness h = node(A);
        assertThat(h.run("CLUSTER", "COUNT-FAILURE-REPORTS", "x")).isEqualTo(error("ERR Unknown node x"));
        assertThat(h.run("CLUSTER", "COUNT-FAILURE-REPORTS", B)).isEqualTo(integer(0));
        assertThat(h.run("CLUSTER", "SETSLOT", "0", "MIGRATING", "x")).isEqualTo(error("ERR I don't know about node x"));
        assertThat(h.run("CLUSTER", "SETSLOT", "0", "MIGRATING", R)).isEqualTo(error("ERR Target node is not a master"));
        assertThat(h.run("CLUSTER", "SETSLOT", "6000", "MIGRATING", "x"))
                .isEqualTo(error("ERR I'm not the owner of hash slot 6000"));
        assertThat(h.run("CLUSTER", "SETSLOT", "0", "IMPORTING", "x")).isEqualTo(error("ERR I'm already the owner of hash slot 0"));
        assertThat(h.run("CLUSTER", "SETSLOT", "0", "NODE", "x")).isEqualTo(error("ERR Unknown node x"));
        assertThat(h.run("CLUSTER", "SETSLOT", "0", "BOGUS"))
                .isEqualTo(error("ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP"));
        assertThat(h.run("CLUSTER", "SETSLOT", "16384", "STABLE")).isEqualTo(error("ERR Invalid or out of range slot"));
        assertThat(h.run("CLUSTER", "DELSLOTSRANGE", "1", "2", "3"))
                .isEqualTo(error("ERR wrong number of arguments for 'cluster|delslotsrange' command"));
        assertThat(h.run("CLUSTER", "ADDSLOTSRANGE", "5", "1"))
                .isEqualTo(error("ERR start slot number 5 is greater than end slot number 1"));
        assertThat(h.run("CLUSTER", "ADDSLOTS", "1", "1")).isEqualTo(error("ERR Slot 1 is already busy"));
        assertThat(h.run("CLUSTER", "DELSLOTS", "1", "1")).isEqualTo(error("ERR Slot 1 specified multiple times"));
        assertThat(h.run("CLUSTER", "DELSLOTS", "1", "x")).isEqualTo(error("ERR Invalid or out of range slot"));
        assertThat(h.run("CLUSTER", "GETKEYSINSLOT", "x", "1")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("CLUSTER", "GETKEYSINSLOT", "1", "-1")).isEqualTo(error("ERR Invalid slot or number of keys"));
        assertThat(h.run("CLUSTER", "COUNTKEYSINSLOT", "-1")).isEqualTo(error("ERR Invalid slot"));
        assertThat(h.run("CLUSTER", "KEYSLOT", "a", "b"))
                .isEqualTo(error("ERR wrong number of arguments for 'cluster|keyslot' command"));
        assertThat(h.run("CLUSTER", "NOPE")).isEqualTo(error("ERR unknown subcommand 'NOPE'. Try CLUSTER HELP."));
        assertThat(h.run("MIGRATE", "127.0.0.1", "1", "bar", "0", "10", "KEYS", "{bar}1"))
                .isEqualTo(error("ERR When using MIGRATE KEYS option, the key argument must be set to the empty string"));
        assertThat(h.run("MIGRATE", "127.0.0.1", "1", "bar", "0", "10", "AUTH")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("MIGRATE", "127.0.0.1", "1", "bar", "x", "10")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("MIGRATE", "127.0.0.1", "1", "bar", "0", "10")).isEqualTo("+NOKEY\r\n");
    }

    @Test
    void topologyRepliesInRedisShapes() {
        CommandHarness h = node(A);
        assertThat(h.run("CLUSTER", "MYID")).isEqualTo(bulk(A));
        assertThat(h.run("CLUSTER", "KEYSLOT", "{user1000}.following")).isEqualTo(integer(3443));
        String a = "*4\r\n$9\r\n127.0.0.1\r\n:7111\r\n" + bulk(A) + "*0\r\n";
        String b = "*4\r\n$9\r\n127.0.0.1\r\n:7112\r\n" + bulk(B) + "*0\r\n";
        String r = "*4\r\n$9\r\n127.0.0.1\r\n:7114\r\n" + bulk(R) + "*0\r\n";
        String c = "*4\r\n$9\r\n127.0.0.1\r\n:7113\r\n" + bulk(C) + "*0\r\n";
        assertThat(h.run("CLUSTER", "SLOTS")).isEqualTo("*3\r\n"
                + "*3\r\n:0\r\n:5460\r\n" + a
                + "*4\r\n:5461\r\n:10922\r\n" + b + r
                + "*3\r\n:10923\r\n:16383\r\n" + c);
        String shards = h.run("CLUSTER", "SHARDS");
        assertThat(shards).startsWith("*3\r\n*4\r\n$5\r\nslots\r\n*2\r\n:0\r\n:5460\r\n$5\r\nnodes\r\n*1\r\n*14\r\n"
                + "$2\r\nid\r\n" + bulk(A) + "$4\r\nport\r\n:7111\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n"
                + "$9\r\n127.0.0.1\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$18\r\nreplication-offset\r\n:0\r\n"
                + "$6\r\nhealth\r\n$6\r\nonline\r\n");
        assertThat(shards).contains("$4\r\nrole\r\n$7\r\nreplica\r\n");
        String info = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
                + "cluster_slots_pfail:0\r\ncluster_slots_fail:0\r\ncluster_known_nodes:4\r\ncluster_size:3\r\n"
                + "cluster_current_epoch:3\r\ncluster_my_epoch:1\r\ncluster_stats_messages_sent:0\r\n"
                + "cluster_stats_messages_received:0\r\ntotal_cluster_links_buffer_limit_exceeded:0\r\n";
        assertThat(h.run("CLUSTER", "INFO")).isEqualTo(bulk(info));
        String nodes = A + " 127.0.0.1:7111@17111 myself,master - 0 0 1 connected 0-5460\n"
                + B + " 127.0.0.1:7112@17112 master - 0 0 2 connected 5461-10922\n"
                + C + " 127.0.0.1:7113@17113 master - 0 0 3 connected 10923-16383\n"
                + R + " 127.0.0.1:7114@17114 slave " + B + " 0 0 2 connected\n";
        assertThat(h.run("CLUSTER", "NODES")).isEqualTo(bulk(nodes));
        assertThat(h.run("CLUSTER", "HELP")).startsWith("*33\r\n+CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n");
    }
}

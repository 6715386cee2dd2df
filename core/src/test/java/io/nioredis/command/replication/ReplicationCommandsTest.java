package io.nioredis.command.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;
import org.junit.jupiter.api.Test;

/** REPLCONF, PSYNC, SYNC and ROLE as Redis 7.0.15 answers them (replies recorded from a real redis-server). */
class ReplicationCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void replconfAnswersAsRedis() {
        assertThat(h.run("replconf")).isEqualTo("+OK\r\n");
        assertThat(h.run("replconf", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("replconf", "foo", "bar")).isEqualTo("-ERR Unrecognized REPLCONF option: foo\r\n");
        assertThat(h.run("replconf", "listening-port", "x"))
                .isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("replconf", "listening-port", "1", "capa", "x")).isEqualTo("+OK\r\n");
        assertThat(h.run("replconf", "rdb-only", "2"))
                .isEqualTo("-ERR value is out of range, value must between 0 and 1\r\n");
        assertThat(h.run("replconf", "rdb-only", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("replconf", "ip-address", "a".repeat(256)))
                .isEqualTo("-ERR REPLCONF ip-address provided by replica instance is too long: 256 bytes\r\n");
        assertThat(h.run("replconf", "ip-address", "a".repeat(255))).isEqualTo("+OK\r\n");
        // ACK and GETACK are never answered, from a replica or not.
        assertThat(h.run("replconf", "ack", "5")).isEmpty();
        assertThat(h.run("replconf", "getack", "*")).isEmpty();
        assertThat(h.run("psync", "?", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("psync", "a")).isEqualTo("-ERR wrong number of arguments for 'psync' command\r\n");
        assertThat(h.run("sync", "x")).isEqualTo("-ERR wrong number of arguments for 'sync' command\r\n");
        assertThat(h.run("role", "x")).isEqualTo("-ERR wrong number of arguments for 'role' command\r\n");
    }

    @Test
    void roleAndInfoOfAMasterWithoutReplicas() {
        assertThat(h.run("role")).isEqualTo("*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n");
        String info = h.run("info", "replication");
        assertThat(info).contains("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n"
                + "master_failover_state:no-failover\r\nmaster_replid:" + h.state.replication.replid() + "\r\n"
                + "master_replid2:0000000000000000000000000000000000000000\r\nmaster_repl_offset:0\r\n"
                + "second_repl_offset:-1\r\nrepl_backlog_active:0\r\nrepl_backlog_size:1048576\r\n"
                + "repl_backlog_first_byte_offset:0\r\nrepl_backlog_histlen:0\r\n");
    }

    /** The background snapshot to its end and the file (if any) to the replicas, as the loop's turns would. */
    private void finishFullSyncs() {
        h.state.persistence.awaitBackgroundSave();
        while (h.state.fullSync.busy()) {
            h.state.fullSync.turn();
        }
    }

    @Test
    void psyncSendsFullResyncAndTheSnapshotThenTheStreamFlows() {
        h.run("config", "set", "repl-diskless-sync-delay", "0");
        h.run("set", "k", "v");
        Client replica = new Client(2, h.state);
        RecordingLink socket = new RecordingLink(); // the snapshot is pushed, not replied
        replica.link(socket);
        h.runAs(replica, "replconf", "listening-port", "6380");
        assertThat(h.runAs(replica, "psync", "?", "-1")).isEmpty(); // all of it is pushed
        String replid = h.state.replication.replid();
        assertThat(socket.take()).isEqualTo("+FULLRESYNC " + replid + " 0\r\n"); // no capa eof: a disk save
        assertThat(h.run("info", "replication")).contains("slave0:ip=127.0.0.1,port=6380,state=wait_bgsave,");
        finishFullSyncs();
        String sent = socket.take();
        int dollar = sent.indexOf('$');
        int header = sent.indexOf("\r\n", dollar);
        int length = Integer.parseInt(sent.substring(dollar + 1, header));
        assertThat(sent.substring(header + 2)).startsWith("REDIS0010").hasSize(length); // no CRLF after it
        assertThat(replica.isReplica()).isTrue();
        assertThat(h.runAs(replica, "client", "info")).contains("flags=S ");
        assertThat(h.run("info", "replication")).contains("connected_slaves:1\r\nslave0:ip=127.0.0.1,port=6380,state=online,"
                + "offset=0,lag=0\r\n");
        assertThat(h.run("info", "stats")).contains("sync_full:1\r\nsync_partial_ok:0\r\nsync_partial_err:0\r\n");
        h.run("set", "k", "w");
        assertThat(h.state.replication.offset()).isEqualTo(23 + 27); // SELECT 0, then the SET
        assertThat(socket.take())
                .isEqualTo("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nset\r\n$1\r\nk\r\n$1\r\nw\r\n");
        assertThat(h.run("role")).isEqualTo("*3\r\n$6\r\nmaster\r\n:50\r\n*1\r\n*3\r\n$9\r\n127.0.0.1\r\n$4\r\n6380\r\n$1\r\n0\r\n");
        assertThat(h.runAs(replica, "psync", "?", "-1")).isEmpty(); // already a replica: ignored

        Client eof = new Client(3, h.state);
        h.runAs(eof, "replconf", "capa", "eof", "capa", "psync2");
        String reply = h.runAs(eof, "psync", replid, "51");
        assertThat(reply).isEqualTo("+CONTINUE " + replid + "\r\n");
        Client again = new Client(4, h.state);
        h.runAs(again, "replconf", "capa", "eof");
        reply = h.runAs(again, "psync", replid, "24");
        assertThat(reply).isEqualTo("+CONTINUE\r\n*3\r\n$3\r\nset\r\n$1\r\nk\r\n$1\r\nw\r\n");
        Client full = new Client(5, h.state);
        RecordingLink fullSocket = new RecordingLink();
        full.link(fullSocket);
        h.runAs(full, "replconf", "capa", "eof");
        assertThat(h.runAs(full, "sync")).isEmpty();
        finishFullSyncs();
        assertThat(fullSocket.take()).matches("(?s)\\$EOF:([0-9a-f]{40})\r\nREDIS0010.*\\1");
        assertThat(h.run("info", "stats")).contains("sync_full:2\r\nsync_partial_ok:2\r\nsync_partial_err:0\r\n");
        assertThat(h.run("info", "clients")).contains("connected_clients:");
        assertThat(socket.coalescing || fullSocket.coalescing).as("repl-disable-tcp-nodelay is no").isFalse();
    }

    /** repl-disable-tcp-nodelay yes: a full sync turns Nagle's algorithm on for the replica's socket, a partial one not. */
    @Test
    void replDisableTcpNodelayCoalescesTheWritesOfAFullSync() {
        h.run("config", "set", "repl-diskless-sync-delay", "0");
        assertThat(h.run("config", "set", "repl-disable-tcp-nodelay", "yes")).isEqualTo("+OK\r\n");
        Client replica = new Client(2, h.state);
        RecordingLink socket = new RecordingLink();
        replica.link(socket);
        h.runAs(replica, "replconf", "capa", "eof", "capa", "psync2");
        h.runAs(replica, "psync", "?", "-1");
        finishFullSyncs();
        assertThat(socket.coalescing).isTrue();
        Client partial = new Client(3, h.state);
        RecordingLink partialSocket = new RecordingLink();
        partial.link(partialSocket);
        h.runAs(partial, "replconf", "capa", "eof", "capa", "psync2");
        assertThat(h.runAs(partial, "psync", h.state.replication.replid(), "1")).startsWith("+CONTINUE");
        assertThat(partialSocket.coalescing).isFalse();
    }

    @Test
    void minReplicasToWriteRefusesWrites() {
        h.run("config", "set", "min-replicas-to-write", "1");
        assertThat(h.run("set", "k", "v")).isEqualTo("-NOREPLICAS Not enough good replicas to write.\r\n");
        assertThat(h.run("get", "k")).isEqualTo("$-1\r\n");
    }
}

package io.nioredis.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.config.Config;
import io.nioredis.propagation.Propagator;
import io.nioredis.store.ExpiryAuthority;
import io.nioredis.store.ManualClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica's state machine driven by hand: what it sends, and what each reply of the master does to it. */
class ReplicaLinkTest {
    private static final String MASTER_ID = "1dabb0ae4965b6d29124933f148617ba66e14404";
    private static final String NEW_ID = "2222222222222222222222222222222222222222";
    private static final String MARK = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_000_000);
    private final Config config = new Config();
    private final Replication replication = new Replication(config, clock, new Propagator());
    private final ExpiryAuthority expiry = new ExpiryAuthority();
    private final List<Path> loaded = new ArrayList<>();
    private final RecordingTransport transport = new RecordingTransport(3);
    private ReplicaLink link;

    private ReplicaLink link() {
        config.set("dir", dir.toString());
        link = new ReplicaLink(config, clock, replication, file -> {
            loaded.add(file);
            return 0;
        }, () -> 6380, expiry);
        link.transport(transport);
        return link;
    }

    private void receive(String s) {
        link.received(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String resp(String... args) {
        return new String(ReplicaLink.command(args), StandardCharsets.ISO_8859_1);
    }

    /** Connects and answers the handshake up to the PSYNC, which is returned. */
    private String handshake() {
        link.connected();
        assertThat(transport.take()).isEqualTo(resp("PING"));
        receive("+PONG\r\n");
        String sent = transport.take();
        receive("+OK\r\n+OK\r\n");
        if (!config.get("masterauth").isEmpty()) {
            receive("+OK\r\n");
        }
        assertThat(link.state()).isEqualTo(ReplicaLink.State.RECEIVE_PSYNC_REPLY);
        return sent + transport.take();
    }

    @Test
    void fullSynchronisationAsRedis70Does() throws Exception {
        config.set("masterauth", "secret");
        config.set("masteruser", "repl");
        link();
        String ownId = replication.replid();
        link.follow("127.0.0.1", 7101);
        assertThat(transport.connects).containsExactly("127.0.0.1:7101");
        assertThat(link.state()).isEqualTo(ReplicaLink.State.CONNECTING);
        assertThat(expiry.replica()).isTrue();
        assertThat(config.get("replicaof")).isEqualTo("127.0.0.1 7101");
        // A former master offers its own history (PSYNC2), which the new master may continue.
        assertThat(handshake()).isEqualTo(resp("AUTH", "repl", "secret") + resp("REPLCONF", "listening-port", "6380")
                + resp("REPLCONF", "capa", "eof", "capa", "psync2") + resp("PSYNC", ownId, "1"));
        assertThat(link.inHandshake()).isTrue();

        receive("\n+FULLRESYNC " + MASTER_ID + " 100\r\n\n$EOF:" + MARK + "\r\nREDIS0010" + MARK);
        assertThat(loaded).hasSize(1);
        assertThat(Files.readString(loaded.get(0))).isEqualTo("REDIS0010"); // dir/dump.rdb, without the mark
        assertThat(loaded.get(0)).isEqualTo(dir.resolve("dump.rdb"));
        assertThat(link.streaming()).isTrue();
        assertThat(replication.replid()).isEqualTo(MASTER_ID);
        assertThat(replication.offset()).isEqualTo(100);
        assertThat(transport.take()).isEqualTo(resp("REPLCONF", "ACK", "100")); // the master waits for it (EOF)
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dump.rdb"); // no temp file left
        }
    }

    private void synced() {
        link();
        link.follow("127.0.0.1", 7101);
        handshake();
        receive("+FULLRESYNC " + MASTER_ID + " 100\r\n$9\r\nREDIS0010");
        transport.take();
        assertThat(link.streaming()).isTrue();
    }

    @Test
    void appliedCommandsMakeTheOffsetAndATransactionCountsOnlyOnceExecRan() {
        synced();
        byte[] set = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n".getBytes(StandardCharsets.US_ASCII);
        link.streamRead(set.length);
        link.commandApplied(set, 0, set.length, false);
        assertThat(replication.offset()).isEqualTo(100 + set.length);
        link.commandApplied(set, 0, set.length, true); // MULTI ... queued
        assertThat(replication.offset()).isEqualTo(100 + set.length);
        assertThat(link.appliedOffset()).isEqualTo(100 + set.length);
        link.commandApplied(set, 0, set.length, false); // EXEC
        assertThat(replication.offset()).isEqualTo(100 + 3L * set.length);
        link.sendAck();
        assertThat(transport.take()).isEqualTo(resp("REPLCONF", "ACK", Long.toString(100 + 3L * set.length)));
        assertThat(link.readOffset()).isEqualTo(100 + set.length);
    }

    @Test
    void aLostLinkAsksToContinueAndANewMasterIdBecomesReplid2() {
        synced();
        link.linkLost("Connection closed", 3);
        assertThat(link.state()).isEqualTo(ReplicaLink.State.CONNECTING); // reconnects at once, as Redis 7.0
        assertThat(link.appliedOffset()).isEqualTo(100);
        assertThat(link.downSinceMillis()).isEqualTo(clock.millis());
        assertThat(handshake()).endsWith(resp("PSYNC", MASTER_ID, "101"));
        receive("+CONTINUE " + NEW_ID + "\r\n");
        assertThat(link.streaming()).isTrue();
        assertThat(link.masterDb()).isEqualTo(3); // the cached master's database
        assertThat(replication.replid()).isEqualTo(NEW_ID);
        assertThat(replication.replid2()).isEqualTo(MASTER_ID);
        assertThat(replication.secondOffset()).isEqualTo(101);
        assertThat(loaded).hasSize(1); // nothing reloaded
    }

    @Test
    void promotionKeepsTheHistoryAsReplid2() {
        synced();
        link.unfollow();
        assertThat(link.following()).isFalse();
        assertThat(expiry.replica()).isFalse();
        assertThat(replication.following()).isFalse();
        assertThat(replication.replid2()).isEqualTo(MASTER_ID);
        assertThat(replication.secondOffset()).isEqualTo(101);
        assertThat(replication.replid()).isNotEqualTo(MASTER_ID);
        assertThat(config.get("replicaof")).isEmpty();
        assertThat(replication.canContinue(MASTER_ID, 101)).isTrue(); // a former sibling may continue here
    }

    @Test
    void errorsStartOverAndTimeoutsToo() {
        link();
        link.follow("127.0.0.1", 7101);
        link.connected();
        receive("-ERR unknown command\r\n");
        assertThat(link.state()).isEqualTo(ReplicaLink.State.CONNECT);
        assertThat(transport.closes).isEqualTo(1);
        link.cron(clock.millis());
        assertThat(transport.connects).hasSize(2);
        clock.advance(61_000);
        link.cron(clock.millis()); // repl-timeout 60 s connecting: closed, and tried again
        assertThat(transport.closes).isEqualTo(2);
        assertThat(transport.connects).hasSize(3);
        // A master that answers PING with NOAUTH lets the handshake go on: AUTH may follow.
        link.connected();
        receive("-NOAUTH Authentication required.\r\n");
        assertThat(link.state()).isEqualTo(ReplicaLink.State.RECEIVE_PORT_REPLY);
    }

    @Test
    void aMasterThatDoesNotKnowPsyncGetsSync() {
        link();
        link.follow("127.0.0.1", 7101);
        handshake();
        receive("-ERR unknown command 'PSYNC'\r\n");
        assertThat(transport.take()).isEqualTo(resp("SYNC"));
        assertThat(link.state()).isEqualTo(ReplicaLink.State.TRANSFER);
        receive("$9\r\nREDIS0010*1\r\n$4\r\nPING\r\n");
        assertThat(link.streaming()).isTrue();
    }
}

package io.nioredis.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.config.Config;
import io.nioredis.propagation.Propagator;
import io.nioredis.store.ExpiryAuthority;
import io.nioredis.store.ManualClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinated failover driven by hand: writes held from the start, the hand-over only once the target
 * acknowledged the whole stream, its PSYNC carrying FAILOVER, and every way it ends (accepted, refused,
 * aborted, timed out, forced).
 */
class FailoverTest {
    private static final String NEW_ID = "2222222222222222222222222222222222222222";

    @TempDir
    java.nio.file.Path dir;

    private final ManualClock clock = new ManualClock(1_000_000);
    private final Config config = new Config();
    private final Propagator propagator = new Propagator();
    private final Replication replication = new Replication(config, clock, propagator);
    private final RecordingTransport transport = new RecordingTransport(0);
    private final List<Boolean> holds = new ArrayList<>();
    private ReplicaLink link;
    private Failover failover;

    private void start() {
        config.set("dir", dir.toString());
        link = new ReplicaLink(config, clock, replication, file -> 0, () -> 6379, new ExpiryAuthority());
        link.transport(transport);
        failover = new Failover(replication, link, holds::add);
        link.failover(failover);
    }

    private Replica attach(int listeningPort) {
        Replica replica = new Replica(new RecordingReplicaChannel());
        replica.listeningPort(listeningPort);
        replication.startFullSync(replica, false, clock.millis());
        replication.setupFullResync(replica, replication.offset());
        replication.snapshotSent(replica, false);
        return replica;
    }

    private void write() {
        List<byte[][]> unit = new ArrayList<>();
        unit.add(new byte[][] {"SET".getBytes(StandardCharsets.US_ASCII), {'k'}, {'v'}});
        propagator.propagate(0, unit);
    }

    private static String resp(String... args) {
        return new String(ReplicaLink.command(args), StandardCharsets.ISO_8859_1);
    }

    private void receive(String s) {
        link.received(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Answers the handshake up to the PSYNC, which is returned. */
    private String handshake() {
        link.connected();
        transport.take();
        receive("+PONG\r\n");
        receive("+OK\r\n+OK\r\n");
        String all = transport.take();
        return all.substring(all.lastIndexOf('*', all.indexOf("$5\r\nPSYNC")));
    }

    @Test
    void waitsForTheTargetsAckThenAsksItToTakeOver() {
        start();
        Replica target = attach(6380);
        write();
        String ownId = replication.replid();
        long offset = replication.offset();
        failover.begin("127.0.0.1", 6380, 0, false);
        assertThat(failover.state()).isEqualTo(Failover.State.WAITING_FOR_SYNC);
        assertThat(holds).containsExactly(true);

        replication.ack(target, offset - 1, clock.millis());
        failover.update(clock.millis());
        assertThat(failover.state()).isEqualTo(Failover.State.WAITING_FOR_SYNC); // not everything yet
        assertThat(link.following()).isFalse();

        replication.ack(target, offset, clock.millis());
        failover.update(clock.millis());
        assertThat(failover.state()).isEqualTo(Failover.State.IN_PROGRESS);
        assertThat(link.following()).isTrue();
        assertThat(transport.connects).containsExactly("127.0.0.1:6380");
        assertThat(handshake()).isEqualTo(resp("PSYNC", ownId, Long.toString(offset + 1), "FAILOVER"));

        receive("+CONTINUE " + NEW_ID + "\r\n");
        assertThat(failover.state()).isEqualTo(Failover.State.NONE);
        assertThat(holds).containsExactly(true, false); // writes resume, answered -READONLY now
        assertThat(link.streaming()).isTrue();
        assertThat(replication.replid()).isEqualTo(NEW_ID);
        assertThat(replication.replid2()).isEqualTo(ownId);
    }

    @Test
    void withNoTargetTheFirstReplicaToCatchUpIsChosen() {
        start();
        Replica behind = attach(6380);
        Replica caughtUp = attach(6381);
        write();
        failover.begin(null, 0, 0, false);
        replication.ack(behind, 0, clock.millis());
        replication.ack(caughtUp, replication.offset(), clock.millis());
        failover.update(clock.millis());
        assertThat(failover.state()).isEqualTo(Failover.State.IN_PROGRESS);
        assertThat(transport.connects).containsExactly("127.0.0.1:6381");
        assertThat(link.port()).isEqualTo(6381);
    }

    @Test
    void aTargetThatRefusesLeavesThisServerTheMaster() {
        start();
        Replica target = attach(6380);
        failover.begin("127.0.0.1", 6380, 0, false);
        replication.ack(target, replication.offset(), clock.millis());
        failover.update(clock.millis());
        handshake();
        receive("-ERR PSYNC FAILOVER replid must match my replid.\r\n");
        assertThat(failover.state()).isEqualTo(Failover.State.NONE);
        assertThat(link.following()).isFalse();
        assertThat(replication.following()).isFalse();
        assertThat(config.get("replicaof")).isEmpty();
        assertThat(holds).containsExactly(true, false);
        assertThat(transport.take()).doesNotContain("SYNC"); // no fallback to SYNC, as Redis
    }

    @Test
    void theDeadlineAbortsTheWaitUnlessForced() {
        start();
        attach(6380);
        write();
        failover.begin("127.0.0.1", 6380, clock.millis() + 500, false);
        clock.advance(499);
        failover.update(clock.millis());
        assertThat(failover.state()).isEqualTo(Failover.State.WAITING_FOR_SYNC);
        clock.advance(1);
        failover.update(clock.millis());
        assertThat(failover.state()).isEqualTo(Failover.State.NONE);
        assertThat(link.following()).isFalse();
        assertThat(holds).containsExactly(true, false);

        failover.begin("127.0.0.1", 6380, clock.millis() + 500, true);
        clock.advance(500);
        failover.update(clock.millis());
        assertThat(failover.state()).isEqualTo(Failover.State.IN_PROGRESS); // FORCE: the replica lags, still
        assertThat(link.following()).isTrue();
    }

    @Test
    void abortWhileInProgressMakesThisServerAMasterAgain() {
        start();
        Replica target = attach(6380);
        failover.begin("127.0.0.1", 6380, 0, false);
        replication.ack(target, replication.offset(), clock.millis());
        failover.update(clock.millis());
        failover.abort("Failover manually aborted");
        assertThat(failover.state()).isEqualTo(Failover.State.NONE);
        assertThat(link.following()).isFalse();
        assertThat(holds).containsExactly(true, false);
    }
}

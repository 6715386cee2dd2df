package io.nioredis.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.config.Config;
import io.nioredis.propagation.Propagator;
import io.nioredis.store.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final Config config = new Config();
    private final Propagator propagator = new Propagator();
    private final Replication replication = new Replication(config, clock, propagator);

    /** A full sync whose snapshot is cut now and sent at once. */
    private void fullSync(Replica replica, boolean eofFramed) {
        replication.startFullSync(replica, false, clock.millis());
        replication.setupFullResync(replica, replication.offset());
        replication.snapshotSent(replica, eofFramed);
    }

    private static List<byte[][]> unit(String... words) {
        List<byte[][]> u = new ArrayList<>();
        byte[][] argv = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            argv[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        u.add(argv);
        return u;
    }

    @Test
    void nothingIsFedUntilAReplicaAttaches() {
        assertThat(propagator.active()).isFalse();
        RecordingReplicaChannel channel = new RecordingReplicaChannel();
        Replica replica = new Replica(channel);
        String before = replication.replid();
        replication.startFullSync(replica, false, clock.millis());
        assertThat(replication.replid()).isNotEqualTo(before); // a new history starts with the backlog
        assertThat(propagator.active()).isTrue();
        assertThat(replication.replicas()).containsExactly(replica);
        assertThat(replica.state()).isEqualTo(Replica.State.WAIT_BGSAVE);
        assertThat(replica.waitingForSnapshot()).isTrue();
        propagator.propagate(0, unit("SET", "a", "1"));
        assertThat(channel.text()).isEmpty(); // no snapshot cut for it yet: nothing to follow
    }

    @Test
    void theStreamSinceTheCutIsHeldUntilTheSnapshotIsSent() {
        RecordingReplicaChannel channel = new RecordingReplicaChannel();
        Replica replica = new Replica(channel);
        replication.startFullSync(replica, false, clock.millis());
        propagator.propagate(0, unit("SET", "before", "1")); // before the cut: in the snapshot
        long cut = replication.offset();
        replication.setupFullResync(replica, cut);
        propagator.propagate(0, unit("SET", "a", "1"));
        assertThat(channel.text()).isEmpty();
        replication.sendingBulk(replica);
        propagator.propagate(1, unit("SET", "b", "2"));
        assertThat(channel.text()).isEmpty();
        replication.snapshotSent(replica, false);
        assertThat(channel.text()).isEqualTo("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n1\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(replication.offset() - cut).isEqualTo(channel.text().length());
        assertThat(replica.state()).isEqualTo(Replica.State.ONLINE);
    }

    @Test
    void theStreamSelectsTheDatabaseOnlyWhenItChangesAndCountsItsBytes() {
        RecordingReplicaChannel channel = new RecordingReplicaChannel();
        Replica replica = new Replica(channel);
        fullSync(replica, false);
        propagator.propagate(0, unit("SET", "a", "1"));
        propagator.propagate(0, unit("DEL", "a"));
        propagator.propagate(2, unit("SET", "b", "2"));
        String expected = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n"
                + "*2\r\n$3\r\nDEL\r\n$1\r\na\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n";
        assertThat(channel.text()).isEqualTo(expected);
        assertThat(replication.offset()).isEqualTo(expected.length());
        assertThat(replication.backlog().histlen()).isEqualTo(expected.length());
        assertThat(replication.backlog().firstByteOffset()).isEqualTo(1);
    }

    @Test
    void anEofFramedReplicaGetsTheStreamFromItsFirstAck() {
        RecordingReplicaChannel channel = new RecordingReplicaChannel();
        Replica replica = new Replica(channel);
        fullSync(replica, true);
        propagator.propagate(0, unit("SET", "a", "1"));
        assertThat(channel.text()).isEmpty();
        replication.ack(replica, 0, clock.millis());
        assertThat(channel.text()).isEqualTo("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n");
    }

    @Test
    void aReplicaThatComesBackContinuesFromTheBacklog() {
        RecordingReplicaChannel first = new RecordingReplicaChannel();
        Replica replica = new Replica(first);
        fullSync(replica, false);
        propagator.propagate(0, unit("SET", "a", "1"));
        long seen = replication.offset();
        replication.detach(replica);
        propagator.propagate(0, unit("SET", "b", "2"));

        Replica back = new Replica(new RecordingReplicaChannel());
        assertThat(replication.canContinue("?", 1)).isFalse();
        assertThat(replication.canContinue("0123456789012345678901234567890123456789", seen + 1)).isFalse();
        assertThat(replication.partialSyncsErr()).isEqualTo(1); // "?" does not count as a failed attempt
        assertThat(replication.canContinue(replication.replid(), replication.offset() + 2)).isFalse();
        assertThat(replication.canContinue(replication.replid(), seen + 1)).isTrue();
        byte[] missed = replication.continueSync(back, seen + 1);
        assertThat(new String(missed, StandardCharsets.US_ASCII)).isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(back.state()).isEqualTo(Replica.State.ONLINE);
        assertThat(replication.partialSyncsOk()).isEqualTo(1);
    }

    @Test
    void cronPingsReplicasEveryPeriodAndDropsSilentOnes() {
        RecordingReplicaChannel channel = new RecordingReplicaChannel();
        Replica replica = new Replica(channel);
        replica.capability("psync2");
        fullSync(replica, false);
        replication.cron(clock.millis(), false);
        assertThat(channel.text()).isEqualTo("*1\r\n$4\r\nping\r\n");
        clock.advance(9_000);
        replication.cron(clock.millis(), false);
        assertThat(channel.text()).isEqualTo("*1\r\n$4\r\nping\r\n");
        clock.advance(1_000);
        replication.cron(clock.millis(), true); // paused writes: no PING
        assertThat(channel.text()).hasSize(14);
        replication.cron(clock.millis(), false);
        assertThat(channel.text()).hasSize(28);
        assertThat(channel.closed).isFalse();
        clock.advance(51_000);
        replication.cron(clock.millis(), false);
        assertThat(channel.closed).isTrue(); // silent for more than repl-timeout
    }

    @Test
    void waitersAreAnsweredOnceEnoughReplicasAcknowledge() {
        Replica a = new Replica(new RecordingReplicaChannel());
        Replica b = new Replica(new RecordingReplicaChannel());
        for (Replica r : List.of(a, b)) {
            fullSync(r, false);
        }
        propagator.propagate(0, unit("SET", "a", "1"));
        long offset = replication.offset();
        int[] answer = {-1};
        replication.await(new AckWaiter() {
            @Override
            public long offset() {
                return offset;
            }

            @Override
            public int wanted() {
                return 2;
            }

            @Override
            public boolean waiting() {
                return answer[0] < 0;
            }

            @Override
            public void satisfied(int count) {
                answer[0] = count;
            }
        });
        RecordingReplicaChannel probe = (RecordingReplicaChannel) a.channel;
        int before = probe.sent.size();
        replication.beforeSleep();
        assertThat(probe.text().substring(before)).isEqualTo("*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n");
        replication.ack(a, offset, clock.millis());
        assertThat(answer[0]).isEqualTo(-1);
        replication.ack(b, offset, clock.millis());
        assertThat(answer[0]).isEqualTo(2);
        assertThat(replication.acknowledged(offset)).isEqualTo(2);
    }

    @Test
    void theBacklogIsFreedAfterReplBacklogTtlWithoutReplicas() {
        Replica replica = new Replica(new RecordingReplicaChannel());
        fullSync(replica, false);
        propagator.propagate(0, unit("SET", "a", "1"));
        String history = replication.replid();
        clock.advance(10_000_000);
        assertThat(replication.freeBacklogIfIdle(clock.millis())).isFalse(); // a replica is attached
        replication.detach(replica);
        clock.advance(3_600_000);
        assertThat(replication.freeBacklogIfIdle(clock.millis())).isFalse(); // not more than 3600 s yet
        clock.advance(1_000);
        assertThat(replication.freeBacklogIfIdle(clock.millis())).isTrue();
        assertThat(replication.backlog()).isNull();
        assertThat(replication.replid()).isNotEqualTo(history);
        assertThat(replication.replid2()).isEqualTo(Replication.NO_REPLID);
        assertThat(propagator.active()).isFalse(); // no work per write any more
        assertThat(replication.canContinue(history, 1)).isFalse();

        config.set("repl-backlog-ttl", "0"); // never freed
        fullSync(new Replica(new RecordingReplicaChannel()), false);
        replication.detach(replication.replicas().get(0));
        clock.advance(100_000_000);
        assertThat(replication.freeBacklogIfIdle(clock.millis())).isFalse();
    }

    @Test
    void minReplicasToWriteCountsOnlineReplicasWithinTheLag() {
        assertThat(replication.tooFewGoodReplicas(clock.millis())).isFalse();
        config.set("min-replicas-to-write", "1");
        assertThat(replication.tooFewGoodReplicas(clock.millis())).isTrue();
        Replica r = new Replica(new RecordingReplicaChannel());
        fullSync(r, false);
        replication.ack(r, 0, clock.millis());
        assertThat(replication.tooFewGoodReplicas(clock.millis())).isFalse();
        clock.advance(11_000);
        assertThat(replication.tooFewGoodReplicas(clock.millis())).isTrue();
    }
}

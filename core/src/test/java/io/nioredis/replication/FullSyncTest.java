package io.nioredis.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Full synchronisations from the background snapshot: what each replica is sent (the {@code +FULLRESYNC}
 * line, the snapshot as it was at the cut in its framing, then the stream from the cut on), how replicas
 * that come while a snapshot runs join it or wait for the next, and what BGSAVE says meanwhile.
 */
class FullSyncTest {
    private static final Pattern EOF_FRAMED =
            Pattern.compile("\\+FULLRESYNC ([0-9a-f]{40}) (\\d+)\r\n\\$EOF:([0-9a-f]{40})\r\n", Pattern.DOTALL);
    private static final Pattern LENGTH_FRAMED =
            Pattern.compile("\\+FULLRESYNC ([0-9a-f]{40}) (\\d+)\r\n\\$(\\d+)\r\n", Pattern.DOTALL);

    private final CommandHarness h = new CommandHarness();

    private Replica replica(RecordingReplicaChannel socket, boolean eof) {
        Replica r = new Replica(socket);
        r.capability("psync2");
        if (eof) {
            r.capability("eof");
        }
        h.state.replication.startFullSync(r, false, h.clock.millis());
        h.state.fullSync.requested(r);
        return r;
    }

    private void fill(int keys) {
        for (int i = 0; i < keys; i++) {
            h.run("SET", "key:" + i, "value-" + i);
        }
        h.run("RPUSH", "list", "a", "b", "c");
    }

    /** Loads an RDB image into a server of its own, to see what it holds. */
    private static CommandHarness loaded(byte[] rdb) throws Exception {
        CommandHarness other = new CommandHarness();
        other.state.persistence.loadImage(rdb);
        return other;
    }

    @Test
    void aDisklessReplicaGetsTheSnapshotAtTheCutThenTheStreamFromThereAfterItsAck() throws Exception {
        h.state.config.set("repl-diskless-sync-delay", "0");
        fill(3000);
        RecordingReplicaChannel socket = new RecordingReplicaChannel();
        Replica r = replica(socket, true);
        Matcher head = EOF_FRAMED.matcher(socket.text());
        assertThat(head.lookingAt()).as(socket.text()).isTrue();
        assertThat(head.group(1)).isEqualTo(h.state.replication.replid());
        assertThat(Long.parseLong(head.group(2))).isEqualTo(h.state.replication.offset());
        assertThat(h.run("BGSAVE")).isEqualTo("-ERR Background save already in progress\r\n");
        assertThat(h.run("INFO", "persistence")).contains("rdb_bgsave_in_progress:1");
        assertThat(r.state()).isEqualTo(Replica.State.WAIT_BGSAVE);

        h.state.persistence.snapshotSteps(2);
        h.run("SET", "key:2999", "changed"); // not reached by the walk yet: the snapshot keeps the old value
        h.run("DEL", "key:0");
        h.run("SET", "new", "1");
        h.state.persistence.awaitBackgroundSave();

        String mark = head.group(3);
        String text = socket.text();
        assertThat(text).endsWith(mark);
        byte[] all = socket.sent.toByteArray();
        byte[] rdb = Arrays.copyOfRange(all, head.end(), all.length - mark.length());
        CommandHarness image = loaded(rdb);
        assertThat(image.run("DBSIZE")).isEqualTo(":3001\r\n");
        assertThat(image.run("GET", "key:2999")).isEqualTo(CommandHarness.bulk("value-2999"));
        assertThat(image.run("GET", "key:0")).isEqualTo(CommandHarness.bulk("value-0"));
        assertThat(r.state()).isEqualTo(Replica.State.ONLINE);

        int before = socket.sent.size();
        h.state.replication.ack(r, 0, h.clock.millis()); // the stream starts on the first ACK
        String stream = socket.text().substring(before);
        assertThat(stream).isEqualTo("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
                + "*3\r\n$3\r\nSET\r\n$8\r\nkey:2999\r\n$7\r\nchanged\r\n"
                + "*2\r\n$3\r\nDEL\r\n$5\r\nkey:0\r\n"
                + "*3\r\n$3\r\nSET\r\n$3\r\nnew\r\n$1\r\n1\r\n");
        assertThat(Long.parseLong(head.group(2)) + stream.length()).isEqualTo(h.state.replication.offset());
    }

    @Test
    void aReplicaComingDuringADisklessTransferWaitsForTheNextOne() throws Exception {
        h.state.config.set("repl-diskless-sync-delay", "0");
        fill(2000);
        RecordingReplicaChannel first = new RecordingReplicaChannel();
        replica(first, true);
        h.state.persistence.snapshotSteps(1);
        RecordingReplicaChannel second = new RecordingReplicaChannel();
        Replica late = replica(second, true);
        assertThat(second.text()).isEmpty(); // "Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC"
        assertThat(late.waitingForSnapshot()).isTrue();
        h.run("SET", "key:1", "later");
        h.state.persistence.awaitBackgroundSave(); // the end starts the next snapshot for the one waiting
        Matcher head = EOF_FRAMED.matcher(second.text());
        assertThat(head.lookingAt()).as(second.text()).isTrue();
        assertThat(Long.parseLong(head.group(2))).isEqualTo(h.state.replication.offset());
        h.state.persistence.awaitBackgroundSave();
        byte[] all = second.sent.toByteArray();
        byte[] rdb = Arrays.copyOfRange(all, head.end(), all.length - 40);
        assertThat(loaded(rdb).run("GET", "key:1")).isEqualTo(CommandHarness.bulk("later"));
    }

    @Test
    void theDelayWaitsForMoreReplicasUnlessEnoughCame() {
        h.state.config.set("repl-diskless-sync-delay", "5");
        h.state.config.set("repl-diskless-sync-max-replicas", "2");
        fill(10);
        RecordingReplicaChannel a = new RecordingReplicaChannel();
        replica(a, true);
        h.state.fullSync.cron(h.clock.millis());
        assertThat(h.state.persistence.backgroundSaveInProgress()).isFalse();
        assertThat(a.text()).isEqualTo("\n"); // kept alive while it waits
        RecordingReplicaChannel b = new RecordingReplicaChannel();
        replica(b, true);
        h.state.fullSync.cron(h.clock.millis());
        assertThat(h.state.persistence.replicaStreamInProgress()).isTrue(); // two came: no more waiting
        assertThat(a.text()).startsWith("\n+FULLRESYNC");
        assertThat(b.text()).startsWith("+FULLRESYNC");
        h.state.persistence.awaitBackgroundSave();

        h.state.config.set("repl-diskless-sync-max-replicas", "0");
        RecordingReplicaChannel c = new RecordingReplicaChannel();
        replica(c, true);
        h.clock.advance(4_000);
        h.state.fullSync.cron(h.clock.millis());
        assertThat(h.state.persistence.backgroundSaveInProgress()).isFalse();
        h.clock.advance(1_000);
        h.state.fullSync.cron(h.clock.millis());
        assertThat(h.state.persistence.replicaStreamInProgress()).isTrue(); // repl-diskless-sync-delay passed
    }

    @Test
    void diskBackedReplicasShareOneBgsaveAndGetTheFileWithItsLength() throws Exception {
        h.state.config.set("repl-diskless-sync", "no");
        fill(3000);
        RecordingReplicaChannel first = new RecordingReplicaChannel();
        Replica a = replica(first, true);
        assertThat(h.state.persistence.diskSaveInProgress()).isTrue();
        h.state.persistence.snapshotSteps(1);
        h.run("SET", "key:2999", "changed");
        RecordingReplicaChannel second = new RecordingReplicaChannel();
        Replica b = replica(second, true); // joins: "Waiting for end of BGSAVE for SYNC"
        h.run("SET", "key:2998", "changed too");
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(b.initialOffset).isEqualTo(a.initialOffset);

        h.state.persistence.awaitBackgroundSave();
        while (h.state.fullSync.busy()) {
            h.state.fullSync.turn();
        }
        String stream = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
                + "*3\r\n$3\r\nSET\r\n$8\r\nkey:2999\r\n$7\r\nchanged\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n" // as Redis, a replica joining resets the stream's db
                + "*3\r\n$3\r\nSET\r\n$8\r\nkey:2998\r\n$11\r\nchanged too\r\n";
        for (RecordingReplicaChannel s : new RecordingReplicaChannel[] {first, second}) {
            Matcher head = LENGTH_FRAMED.matcher(s.text());
            assertThat(head.lookingAt()).as(s.text()).isTrue();
            int length = Integer.parseInt(head.group(3));
            byte[] all = s.sent.toByteArray();
            byte[] rdb = Arrays.copyOfRange(all, head.end(), head.end() + length);
            assertThat(loaded(rdb).run("GET", "key:2999")).isEqualTo(CommandHarness.bulk("value-2999"));
            assertThat(s.text().substring(head.end() + length)).isEqualTo(stream); // at once, no ACK needed
        }
        assertThat(a.state()).isEqualTo(Replica.State.ONLINE);
        assertThat(b.state()).isEqualTo(Replica.State.ONLINE);
        assertThat(h.run("INFO", "persistence")).contains("rdb_saves:1"); // a real BGSAVE, LASTSAVE and all
    }

    @Test
    void aReplicaCannotJoinAUserBgsaveAndWaitsForTheNext() {
        h.state.config.set("repl-diskless-sync", "no");
        fill(2000);
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        RecordingReplicaChannel socket = new RecordingReplicaChannel();
        Replica r = replica(socket, true); // no replica is in it: nothing to copy the stream from
        assertThat(socket.text()).isEmpty();
        assertThat(r.waitingForSnapshot()).isTrue();
        h.state.persistence.awaitBackgroundSave();
        assertThat(socket.text()).startsWith("+FULLRESYNC"); // the next one, started as the first ended
        assertThat(h.state.persistence.diskSaveInProgress()).isTrue();
    }

    @Test
    void theLastReplicaGoingAwayAbandonsADisklessSnapshot() {
        h.state.config.set("repl-diskless-sync-delay", "0");
        fill(2000);
        Replica r = replica(new RecordingReplicaChannel(), true);
        h.state.persistence.snapshotSteps(1);
        h.state.replication.detach(r);
        h.state.fullSync.turn();
        assertThat(h.state.persistence.backgroundSaveInProgress()).isFalse();
        assertThat(h.state.fullSync.busy()).isFalse();
        h.run("SET", "key:1", "x"); // the keyspace no longer hooks into the abandoned snapshot
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
    }
}

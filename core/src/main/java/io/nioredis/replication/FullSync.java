package io.nioredis.replication;

import io.nioredis.config.Config;
import io.nioredis.persistence.Persistence;
import io.nioredis.persistence.PersistenceLog;
import io.nioredis.persistence.SnapshotStream;
import io.nioredis.store.Clock;
import io.nioredis.store.RandomSeed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Full synchronisations from the background snapshot, as Redis 7.0's syncCommand, startBgsaveForReplication,
 * replicationStartPendingFullResync and updateSlavesWaitingBgsave do them, with the fork-less snapshot in
 * place of the child. A replica that asks for a full sync waits (WAIT_BGSAVE) for a snapshot:
 * <ul>
 * <li>diskless ({@code repl-diskless-sync yes} and {@code capa eof}): the snapshot streams to the sockets
 *     of every replica waiting when it is cut, framed as {@code $EOF:<40 hex chars>...<same>}; one that
 *     comes while it runs waits for the next, and the start is delayed by {@code repl-diskless-sync-delay}
 *     seconds (or until {@code repl-diskless-sync-max-replicas} wait) so several share one transfer;</li>
 * <li>disk-backed (otherwise): a BGSAVE of the dump file, then the file sent as {@code $<length>} bulk; a
 *     replica may join a disk save already running if another replica is in it (it copies that one's held
 *     stream), else it waits for the next.</li>
 * </ul>
 * The cut and the replication offset are read in one turn of the loop, so the stream a replica is sent
 * after its snapshot starts exactly at the cut; until the snapshot is sent the stream is held for it
 * ({@link Replica#heldStream}). The loop calls {@link #turn} every turn while {@link #busy}: it queues the
 * snapshot's bytes to the sockets, a chunk at a time while each replica's socket keeps up. Loop thread only.
 */
public final class FullSync implements Persistence.BackgroundSaveListener {
    /** The walk (or the file read) waits while a replica has this much queued that its socket has not taken. */
    private static final long UNSENT_LIMIT = 1 << 20;
    /** PROTO_IOBUF_LEN-sized reads of the dump file for a disk-backed transfer. */
    private static final int FILE_CHUNK = 64 << 10;
    private static final int EOF_MARK_SIZE = 40;
    private static final byte[] NEWLINE = {'\n'};

    private final Config config;
    private final Clock clock;
    private final Persistence persistence;
    private final Replication replication;
    private final PersistenceLog log;
    /** repl-stream-db for the snapshot: the database of the stream this server follows as a replica, else 0. */
    private final java.util.function.IntSupplier streamDb;

    /** The diskless transfer running, its end mark and its replicas; null when none runs. */
    private SnapshotStream stream;
    private byte[] mark;
    private final List<Replica> streaming = new ArrayList<>();
    /** Replicas being sent the dump file. */
    private final List<FileTransfer> files = new ArrayList<>();
    /** rdb-only replicas (redis-cli --rdb) closed once their snapshot has left. */
    private final List<Replica> closeWhenSent = new ArrayList<>();
    private long lastKeepAlive;
    /** A disk snapshot was written for replicas since the dump file was last removed (rdb-del-sync-files). */
    private boolean dumpMadeForReplicas;

    public FullSync(Config config, Clock clock, Persistence persistence, Replication replication,
            PersistenceLog log, java.util.function.IntSupplier streamDb) {
        this.streamDb = streamDb;
        this.config = config;
        this.clock = clock;
        this.persistence = persistence;
        this.replication = replication;
        this.log = log;
        persistence.listener(this);
    }

    /** A dump file on its way to one replica. */
    private static final class FileTransfer {
        final Replica replica;
        final FileChannel file;
        final ByteBuffer buffer = ByteBuffer.allocate(FILE_CHUNK);

        FileTransfer(Replica replica, FileChannel file) {
            this.replica = replica;
            this.file = file;
        }
    }

    /**
     * The tail of syncCommand, for a replica {@link Replication#startFullSync} has just attached: joins the
     * running disk save if Redis's rules let it, else starts a snapshot at once or leaves it waiting.
     */
    public void requested(Replica replica) {
        if (persistence.diskSaveInProgress()) {
            Replica other = null;
            for (Replica r : replication.replicas()) {
                if (r != replica && r.snapshotCut() && (!r.rdbOnly || replica.rdbOnly)) {
                    other = r;
                    break;
                }
            }
            if (other != null && (replica.capabilities() & other.capabilities()) == other.capabilities()) {
                if (!replica.rdbOnly) {
                    replication.copyHeldStream(other, replica);
                }
                setup(replica, other.initialOffset);
                log.notice("Waiting for end of BGSAVE for SYNC");
            } else {
                log.notice("Can't attach the replica to the current BGSAVE. Waiting for next BGSAVE for SYNC");
            }
        } else if (persistence.replicaStreamInProgress()) {
            log.notice("Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC");
        } else if (config.getBoolean("repl-diskless-sync") && replica.capaEof
                && config.getLong("repl-diskless-sync-delay") > 0) {
            log.notice("Delay next BGSAVE for diskless SYNC"); // started by cron, so more replicas may join
        } else if (!persistence.snapshotActive()) {
            start(replica.capabilities());
        } else {
            log.notice("No BGSAVE in progress, but another BG operation is active. BGSAVE for replication delayed");
        }
    }

    /**
     * replicationStartPendingFullResync and the keep-alive of replicationCron, on every tick: when no other
     * snapshot runs, starts one for the waiting replicas once the delay has passed (diskless) or at once.
     */
    public void cron(long nowMillis) {
        if (nowMillis - lastKeepAlive >= 1000) {
            lastKeepAlive = nowMillis;
            keepAlive();
            removeDumpMadeForReplicas();
        }
        startPending(nowMillis);
    }

    /**
     * rdb-del-sync-files, as Redis's removeRDBUsedToSyncReplicas (once a second): a server that keeps no data on
     * disk (no save points, no AOF) deletes the dump file it wrote only to feed replicas, once none of them
     * waits for it or reads it.
     */
    private void removeDumpMadeForReplicas() {
        if (!config.getBoolean("rdb-del-sync-files")) {
            dumpMadeForReplicas = false; // so turning it on later does not delete a file replication did not make
            return;
        }
        if (!dumpMadeForReplicas || !SyncFiles.persistenceDisabled(config)) {
            return;
        }
        for (Replica r : replication.replicas()) {
            if (r.state() != Replica.State.ONLINE) {
                return;
            }
        }
        Path dump = Path.of(config.get("dir")).resolve(config.get("dbfilename"));
        if (Files.exists(dump, LinkOption.NOFOLLOW_LINKS)) {
            dumpMadeForReplicas = false;
            log.notice("Removing the RDB file used to feed replicas in a persistence-less instance");
            SyncFiles.delete(dump);
        }
    }

    private void startPending(long nowMillis) {
        if (persistence.snapshotActive()) {
            return;
        }
        int waiting = 0;
        int mincapa = -1;
        long maxIdle = 0;
        for (Replica r : replication.replicas()) {
            if (r.waitingForSnapshot()) {
                waiting++;
                mincapa = mincapa < 0 ? r.capabilities() : mincapa & r.capabilities();
                maxIdle = Math.max(maxIdle, (nowMillis - r.waitingSinceMillis) / 1000);
            }
        }
        long maxReplicas = config.getLong("repl-diskless-sync-max-replicas");
        if (waiting > 0 && (!config.getBoolean("repl-diskless-sync")
                || (maxReplicas > 0 && waiting >= maxReplicas)
                || maxIdle >= config.getLong("repl-diskless-sync-delay"))) {
            start(mincapa);
        }
    }

    /**
     * Redis sends a newline to replicas waiting for their snapshot (before {@code +FULLRESYNC} or before the
     * bulk of a disk save), so they do not time out; a replica reading the snapshot's stream gets none.
     */
    private void keepAlive() {
        for (Replica r : replication.replicas()) {
            if (r.waitingForSnapshot() || (r.snapshotCut() && !streaming.contains(r))) {
                r.channel.send(NEWLINE, 0, 1);
            }
        }
    }

    /** startBgsaveForReplication: a snapshot for every replica waiting, to their sockets or to the disk. */
    private void start(int mincapa) {
        boolean socketTarget = config.getBoolean("repl-diskless-sync") && (mincapa & Replica.CAPA_EOF) != 0;
        log.notice("Starting BGSAVE for SYNC with target: " + (socketTarget ? "replicas sockets" : "disk"));
        if (socketTarget) {
            long offset = replication.offset(); // read in the turn the cut is taken: the snapshot's offset
            SnapshotStream s = persistence.startReplicaStream(streamDb.getAsInt(), replication.replid(), offset);
            if (s == null) {
                return;
            }
            stream = s;
            mark = eofMark();
            byte[] preamble = ("$EOF:" + new String(mark, StandardCharsets.US_ASCII) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (Replica r : replication.replicas()) {
                if (r.waitingForSnapshot() && r.capaEof) {
                    setup(r, offset);
                    r.channel.send(preamble, 0, preamble.length);
                    streaming.add(r);
                }
            }
            stream.replicasBehind(this::replicasBehind);
        } else {
            long offset = replication.offset();
            if (!persistence.backgroundSaveForReplication(streamDb.getAsInt(), replication.replid(), offset)) {
                return;
            }
            dumpMadeForReplicas = true;
            for (Replica r : replication.replicas()) {
                if (r.waitingForSnapshot()) {
                    setup(r, offset);
                }
            }
        }
    }

    /** replicationSetupSlaveForFullResync: the stream is held from here, and a PSYNC replica is told. */
    private void setup(Replica replica, long offset) {
        replication.setupFullResync(replica, offset);
        if (!replica.prePsync) {
            byte[] line = ("+FULLRESYNC " + replication.replid() + " " + offset + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            replica.channel.send(line, 0, line.length);
        }
    }

    private boolean replicasBehind() {
        for (int i = 0; i < streaming.size(); i++) {
            if (streaming.get(i).channel.unsent() >= UNSENT_LIMIT) {
                return true;
            }
        }
        return false;
    }

    /** True while a transfer needs the loop's turns (the loop then looks again within a millisecond). */
    public boolean busy() {
        return stream != null || !files.isEmpty() || !closeWhenSent.isEmpty();
    }

    /** Every turn while {@link #busy}: the snapshot's bytes to the sockets, as far as they keep up. */
    public void turn() {
        if (stream != null) {
            pumpStream();
        }
        for (int i = 0; i < files.size(); i++) {
            if (pumpFile(files.get(i))) {
                files.remove(i--);
            }
        }
        for (int i = 0; i < closeWhenSent.size(); i++) {
            Replica r = closeWhenSent.get(i);
            if (!r.attached || r.channel.unsent() == 0) {
                closeWhenSent.remove(i--);
                replication.detach(r);
                r.channel.close();
            }
        }
    }

    private void pumpStream() {
        streaming.removeIf(r -> !r.attached);
        if (streaming.isEmpty()) {
            stream = null; // rdbPipeWriteHandlerConnRemoved: the last replica is gone, the snapshot with it
            persistence.abortReplicaStream();
            return;
        }
        for (byte[] b; (b = stream.poll()) != null; ) {
            for (int i = 0; i < streaming.size(); i++) {
                streaming.get(i).channel.send(b, 0, b.length);
            }
        }
    }

    /** Sends the next chunk of the file while the replica's socket keeps up; true once it is all sent. */
    private boolean pumpFile(FileTransfer t) {
        Replica r = t.replica;
        try {
            if (!r.attached) {
                t.file.close();
                return true;
            }
            while (r.channel.unsent() < UNSENT_LIMIT) {
                t.buffer.clear();
                int n = t.file.read(t.buffer);
                if (n < 0) {
                    t.file.close();
                    log.notice("Synchronization with replica " + name(r) + " succeeded");
                    finished(r, false);
                    return true;
                }
                r.channel.send(t.buffer.array(), 0, n);
            }
        } catch (IOException e) {
            log.warning("Read error sending DB to replica: " + e.getMessage());
            closeQuietly(t.file);
            drop(r);
            return true;
        }
        return false;
    }

    /** The snapshot is all queued to the replica: online, or closed once sent if it wanted the RDB only. */
    private void finished(Replica r, boolean eofFramed) {
        if (r.rdbOnly) {
            log.notice("RDB transfer completed, rdb only replica (" + name(r) + ") should be disconnected asap");
            r.heldStream = null;
            closeWhenSent.add(r);
            return;
        }
        replication.snapshotSent(r, eofFramed);
    }

    /** updateSlavesWaitingBgsave: the snapshot the waiting replicas wanted is done. */
    @Override
    public void backgroundSaveDone(boolean toReplicas, boolean ok) {
        if (toReplicas) {
            if (stream != null) {
                pumpStream(); // the last bytes, the checksum among them
            }
            for (Replica r : streaming) {
                if (!r.attached) {
                    continue;
                }
                if (!ok) {
                    drop(r);
                    continue;
                }
                r.channel.send(mark, 0, mark.length);
                log.notice("Streamed RDB transfer with replica " + name(r)
                        + " succeeded (socket). Waiting for REPLCONF ACK from replica to enable streaming");
                finished(r, true);
            }
            streaming.clear();
            stream = null;
        } else {
            for (Replica r : new ArrayList<>(replication.replicas())) {
                if (r.snapshotCut()) {
                    sendDumpFile(r, ok);
                }
            }
        }
        startPending(clock.millis()); // replicas that waited for this one to end
    }

    private void sendDumpFile(Replica r, boolean ok) {
        if (!ok) {
            log.warning("SYNC failed. BGSAVE child returned an error");
            drop(r);
            return;
        }
        FileChannel file;
        long size;
        try {
            file = FileChannel.open(Path.of(config.get("dir")).resolve(config.get("dbfilename")),
                    StandardOpenOption.READ);
            size = file.size();
        } catch (IOException e) {
            log.warning("SYNC failed. Can't open/stat DB after BGSAVE: " + e.getMessage());
            drop(r);
            return;
        }
        replication.sendingBulk(r);
        byte[] preamble = ("$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII);
        r.channel.send(preamble, 0, preamble.length);
        files.add(new FileTransfer(r, file));
    }

    private void drop(Replica r) {
        replication.detach(r);
        r.channel.close();
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only: nothing is lost
        }
    }

    private static String name(Replica r) {
        return r.ip() + ":" + r.listeningPort;
    }

    private byte[] eofMark() {
        byte[] m = RandomSeed.bytes(EOF_MARK_SIZE);
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) Character.forDigit(m[i] & 15, 16);
        }
        return m;
    }
}

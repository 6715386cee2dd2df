package io.nioredis.replication;

import io.nioredis.config.Config;
import io.nioredis.propagation.PropagationSink;
import io.nioredis.propagation.Propagator;
import io.nioredis.store.Clock;
import io.nioredis.store.RandomSeed;
import java.util.ArrayList;
import java.util.List;

/**
 * The master side of Redis's replication (replication.c): the replication id and offset, the backlog and the
 * attached replicas. It becomes a propagation sink when the first replica attaches and stays one (the backlog
 * keeps growing for replicas that come back), so a server that never had a replica does no work per write.
 * Each propagated unit is encoded once, with a SELECT wherever the database changes, and the same bytes go to
 * the backlog and to every online replica. Loop thread only.
 */
public final class Replication implements PropagationSink {
    public static final String NO_REPLID = "0000000000000000000000000000000000000000";
    private static final byte[] PING = "*1\r\n$4\r\nping\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GETACK =
            "*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Config config;
    private final Clock clock;
    private final Propagator propagator;
    private String replid = randomId();
    private String replid2 = NO_REPLID;
    private long offset;
    private long secondOffset = -1;
    private ReplicationBacklog backlog;
    private final List<Replica> replicas = new ArrayList<>();
    /** The database the stream last SELECTed, -1 to force a SELECT before the next command. */
    private int streamDb = -1;
    private final StreamEncoder encoder = new StreamEncoder();
    private long lastPingMillis;
    private boolean ackRequested;
    private final List<AckWaiter> waiters = new ArrayList<>();
    private long fullSyncs;
    private long partialSyncsOk;
    private long partialSyncsErr;
    /**
     * True while this server is a replica (Redis's masterhost set): its own commands are not fed to the stream,
     * which carries its master's stream verbatim instead ({@link #feedFromMaster}).
     */
    private boolean following;
    /** Told of every change of role, true on becoming a replica (Redis re-applies oom-score-adj then). */
    private java.util.function.Consumer<Boolean> roleListener = new java.util.function.Consumer<Boolean>() {
        @Override
        public void accept(Boolean following) { // not a lambda: start-up code (see Config)
        }
    };
    /** repl_no_slaves_since: when the last replica left (or the server started), for repl-backlog-ttl. */
    private long noReplicasSinceMillis;
    private boolean sinkAttached;

    /** min-replicas-to-write and min-replicas-max-lag, kept current so a write checks them without parsing. */
    private long minReplicasToWrite;
    private long minReplicasMaxLag;

    public Replication(Config config, Clock clock, Propagator propagator) {
        this.noReplicasSinceMillis = clock.millis();
        this.config = config;
        this.clock = clock;
        this.propagator = propagator;
        readMinReplicas();
        config.addListener(new Config.Listener() { // not a lambda: start-up code (see Config)
            @Override
            public void changed(String name) {
                readMinReplicas();
            }
        });
    }

    private void readMinReplicas() {
        minReplicasToWrite = config.getLong("min-replicas-to-write");
        minReplicasMaxLag = config.getLong("min-replicas-max-lag");
    }

    // ---- the figures INFO and ROLE show

    public String replid() {
        return replid;
    }

    public String replid2() {
        return replid2;
    }

    public long offset() {
        return offset;
    }

    public long secondOffset() {
        return secondOffset;
    }

    public ReplicationBacklog backlog() {
        return backlog;
    }

    /** The attached replicas, in order of attachment. */
    public List<Replica> replicas() {
        return replicas;
    }

    public long fullSyncs() {
        return fullSyncs;
    }

    public long partialSyncsOk() {
        return partialSyncsOk;
    }

    public long partialSyncsErr() {
        return partialSyncsErr;
    }

    // ---- synchronisation

    /**
     * Redis's masterTryPartialResynchronization: true if the replica's history ({@code replid} up to
     * {@code psyncOffset}, the first byte it lacks) is this server's and the backlog still holds what follows.
     */
    public boolean canContinue(String askedReplid, long psyncOffset) {
        boolean ours = askedReplid.equalsIgnoreCase(replid)
                || (askedReplid.equalsIgnoreCase(replid2) && psyncOffset <= secondOffset);
        boolean held = backlog != null && psyncOffset >= backlog.firstByteOffset()
                && psyncOffset <= backlog.firstByteOffset() + backlog.histlen();
        if (!(ours && held)) {
            if (!askedReplid.equals("?")) {
                partialSyncsErr++;
            }
            return false;
        }
        return true;
    }

    /** The stream a continuing replica missed; attaches it online, the stream flowing at once. */
    public byte[] continueSync(Replica replica, long psyncOffset) {
        partialSyncsOk++;
        attach(replica);
        replica.state = Replica.State.ONLINE;
        return backlog.copyFrom(psyncOffset);
    }

    /**
     * A full synchronisation asked for (syncCommand): creates the backlog (with a new replication id) if
     * this is the first replica, and attaches the replica waiting for a snapshot ({@link FullSync} starts
     * or finds one for it and calls {@link #setupFullResync}).
     *
     * @param prePsync it came with SYNC, so no {@code +FULLRESYNC} line goes to it
     */
    public void startFullSync(Replica replica, boolean prePsync, long nowMillis) {
        fullSyncs++;
        if (backlog == null) {
            replid = randomId();
            replid2 = NO_REPLID;
            secondOffset = -1;
            createBacklog();
        }
        attach(replica);
        replica.state = Replica.State.WAIT_BGSAVE;
        replica.initialOffset = -1;
        replica.prePsync = prePsync;
        replica.waitingSinceMillis = nowMillis;
        replica.heldStream = null;
    }

    /**
     * replicationSetupSlaveForFullResync: the replica's snapshot stands for {@code initialOffset}; the stream
     * from there on is held for it until the snapshot is sent.
     */
    void setupFullResync(Replica replica, long initialOffset) {
        replica.initialOffset = initialOffset;
        if (replica.heldStream == null) {
            replica.heldStream = new java.io.ByteArrayOutputStream();
        }
        streamDb = -1; // as Redis: the next command is preceded by a SELECT, which the new replica needs
    }

    /** copyReplicaOutputBuffer: a replica joining a running save gets what is held for one already in it. */
    void copyHeldStream(Replica from, Replica to) {
        to.heldStream = new java.io.ByteArrayOutputStream();
        if (from.heldStream != null) {
            to.heldStream.writeBytes(from.heldStream.toByteArray());
        }
    }

    /** The snapshot is about to be sent from the dump file. */
    void sendingBulk(Replica replica) {
        replica.state = Replica.State.SEND_BULK;
    }

    /**
     * The whole snapshot is queued to the replica: it is online. After a {@code $EOF:} transfer the held
     * stream waits for its first ACK; after a length-framed one it follows at once.
     */
    void snapshotSent(Replica replica, boolean eofFramed) {
        replica.state = Replica.State.ONLINE;
        if (!eofFramed) {
            releaseHeldStream(replica);
        }
    }

    private void releaseHeldStream(Replica replica) {
        java.io.ByteArrayOutputStream held = replica.heldStream;
        if (held != null) {
            replica.heldStream = null;
            byte[] b = held.toByteArray();
            if (b.length > 0) {
                replica.channel.send(b, 0, b.length);
            }
        }
    }

    private void attach(Replica replica) {
        if (!replica.attached) {
            replica.attached = true;
            replicas.add(replica);
        }
        replica.ackMillis = clock.millis();
    }

    /** The replica's connection is gone. */
    public void detach(Replica replica) {
        if (replica.attached) {
            replica.attached = false;
            replicas.remove(replica);
            if (replicas.isEmpty()) {
                noReplicasSinceMillis = clock.millis();
            }
        }
    }

    /**
     * replicationCron's repl-backlog-ttl: a master that has had no replica for longer than that frees its
     * backlog and takes a new replication id (without a backlog its offset no longer moves, so the old id
     * would name a history it cannot serve). True if it did; the caller logs it. A replica keeps its backlog.
     */
    public boolean freeBacklogIfIdle(long nowMillis) {
        long ttl = config.getLong("repl-backlog-ttl");
        if (!replicas.isEmpty() || backlog == null || following || ttl == 0
                || (nowMillis - noReplicasSinceMillis) / 1000 <= ttl) {
            return false;
        }
        replid = randomId();
        replid2 = NO_REPLID;
        secondOffset = -1;
        backlog = null;
        if (sinkAttached) {
            sinkAttached = false;
            propagator.detach(this);
        }
        return true;
    }

    /** REPLCONF ACK: what the replica has processed. */
    public void ack(Replica replica, long ackOffset, long nowMillis) {
        if (ackOffset > replica.ackOffset) {
            replica.ackOffset = ackOffset;
        }
        replica.ackMillis = nowMillis;
        if (replica.state == Replica.State.ONLINE) {
            releaseHeldStream(replica);
        }
        serveWaiters();
    }

    // ---- the replica's side: what its master's stream does to its own history

    private void createBacklog() {
        backlog = new ReplicationBacklog(backlogSize(), offset);
        listen();
    }

    /**
     * Becomes a propagation sink while this server has a backlog and is a master; a replica's stream is its
     * master's, so as a replica it stops listening, and its writes cost nothing to describe (unless the AOF
     * listens).
     */
    private void listen() {
        boolean wanted = backlog != null && !following;
        if (wanted && !sinkAttached) {
            sinkAttached = true;
            propagator.attach(this);
        } else if (!wanted && sinkAttached) {
            sinkAttached = false;
            propagator.detach(this);
        }
    }

    /** Sets who hears of changes of role; one listener, the process-level settings that depend on it. */
    public void roleListener(java.util.function.Consumer<Boolean> listener) {
        this.roleListener = listener;
    }

    /** Whether this server follows a master (Redis's masterhost set). */
    public boolean following() {
        return following;
    }

    /** This server becomes a replica ({@code true}) or a master again. */
    public void following(boolean following) {
        boolean changed = following != this.following;
        this.following = following;
        if (changed) {
            roleListener.accept(following);
        }
        listen();
        streamDb = -1; // as Redis's slaveseldb = -1: a stream this server starts itself opens with a SELECT
    }

    /**
     * A full synchronisation finished: this server's history is now its master's, from {@code masterOffset}
     * on, with a fresh backlog; its own replicas, whose history is gone, are dropped to resynchronise.
     */
    public void adoptMaster(String masterReplid, long masterOffset) {
        disconnectReplicas();
        replid = masterReplid;
        replid2 = NO_REPLID;
        secondOffset = -1;
        offset = masterOffset;
        createBacklog();
    }

    /**
     * A partial resynchronisation was accepted ({@code +CONTINUE}); when the master's history goes on under a
     * new id, the old one is kept as replid2 up to here, and this server's replicas are dropped so they learn
     * the new id (Redis's slaveTryPartialResynchronization).
     */
    public void continueWithMaster(String masterReplid) {
        if (masterReplid != null && !masterReplid.equals(replid)) {
            replid2 = replid;
            secondOffset = offset + 1;
            replid = masterReplid;
            disconnectReplicas();
        }
        if (backlog == null) {
            createBacklog();
        }
    }

    /**
     * Redis's shiftReplicationId, when a replica becomes a master: the history so far stays reachable as
     * replid2 up to the current offset, and a new id starts a history of its own.
     */
    public void shiftReplicationId() {
        replid2 = replid;
        secondOffset = offset + 1;
        replid = randomId();
    }

    /** Drops every replica's connection (they reconnect and ask again). */
    public void disconnectReplicas() {
        for (Replica r : new ArrayList<>(replicas)) {
            r.channel.close();
        }
    }

    /** Bytes of the master's stream this replica has applied: into the backlog and to its replicas as they are. */
    public void feedFromMaster(byte[] b, int off, int len) {
        feed(b, off, len);
    }

    // ---- the stream

    @Override
    public boolean receivesReplicationOnly() {
        return true;
    }

    @Override
    public void propagate(int db, List<byte[][]> commands) {
        if (following) {
            return; // a replica's replicas get its master's stream, not its own commands
        }
        StreamEncoder e = encoder;
        e.reset();
        if (db != streamDb) {
            e.select(db);
            streamDb = db;
        }
        for (int i = 0; i < commands.size(); i++) {
            e.command(commands.get(i));
        }
        feed(e.bytes(), 0, e.size());
    }

    private void feed(byte[] b, int off, int len) {
        if (backlog == null) {
            return;
        }
        backlog.append(b, off, len);
        offset += len;
        for (int i = 0; i < replicas.size(); i++) {
            Replica r = replicas.get(i);
            if (r.heldStream != null) {
                r.heldStream.write(b, off, len); // its snapshot is on its way: the stream since the cut waits
            } else if (r.state != Replica.State.ONLINE) {
                continue; // waiting for a snapshot to be cut for it
            } else {
                r.channel.send(b, off, len);
            }
        }
    }

    /**
     * Redis's replicationCron, once a second: a PING into the stream every repl-ping-replica-period seconds
     * while replicas are attached (so they see the master alive), and replicas silent for longer than
     * repl-timeout are dropped.
     */
    public void cron(long nowMillis, boolean writesPaused) {
        if (replicas.isEmpty()) {
            return;
        }
        long period = config.getLong("repl-ping-replica-period") * 1000;
        if (!following && !writesPaused && nowMillis - lastPingMillis >= period) {
            lastPingMillis = nowMillis;
            feed(PING, 0, PING.length);
        }
        long timeout = config.getLong("repl-timeout") * 1000;
        for (Replica r : new ArrayList<>(replicas)) {
            if (r.state == Replica.State.ONLINE && nowMillis - r.ackMillis > timeout && r.capaPsync2) {
                r.channel.close();
            }
        }
    }

    /** Before the loop sleeps (Redis's beforeSleep): a GETACK into the stream if a WAIT asked for one. */
    public void beforeSleep() {
        if (ackRequested) {
            ackRequested = false;
            if (!replicas.isEmpty()) {
                feed(GETACK, 0, GETACK.length);
            }
        }
    }

    /** CONFIG SET repl-backlog-size. */
    public void backlogSizeChanged() {
        if (backlog != null) {
            backlog.resize(backlogSize());
        }
    }

    private int backlogSize() {
        return (int) Math.min(Integer.MAX_VALUE - 8, config.getLong("repl-backlog-size"));
    }

    // ---- WAIT and min-replicas

    /** Replicas that acknowledged at least {@code offset}: Redis's replicationCountAcksByOffset. */
    public int acknowledged(long atLeast) {
        int n = 0;
        for (Replica r : replicas) {
            if (r.state == Replica.State.ONLINE && r.ackOffset >= atLeast) {
                n++;
            }
        }
        return n;
    }

    /** A WAIT that must block: it is answered by {@link AckWaiter#satisfied} once enough replicas ACK. */
    public void await(AckWaiter waiter) {
        waiters.add(waiter);
        ackRequested = true;
    }

    public void cancel(AckWaiter waiter) {
        waiters.remove(waiter);
    }

    private void serveWaiters() {
        for (int i = 0; i < waiters.size(); i++) {
            AckWaiter w = waiters.get(i);
            if (!w.waiting()) {
                waiters.remove(i--);
                continue;
            }
            int n = acknowledged(w.offset());
            if (n >= w.wanted()) {
                waiters.remove(i--);
                w.satisfied(n);
            }
        }
    }

    /** As {@link #tooFewGoodReplicas(long)} now; the clock is read only when min-replicas is set. */
    public boolean tooFewGoodReplicas() {
        return minReplicasToWrite != 0 && minReplicasMaxLag != 0 && tooFewGoodReplicas(clock.millis());
    }

    /**
     * Redis's checks for min-replicas-to-write: true if writes are refused because fewer replicas than asked
     * are online with a lag of at most min-replicas-max-lag seconds.
     */
    public boolean tooFewGoodReplicas(long nowMillis) {
        long wanted = minReplicasToWrite;
        long maxLag = minReplicasMaxLag;
        if (wanted == 0 || maxLag == 0) {
            return false;
        }
        int good = 0;
        for (Replica r : replicas) {
            if (r.state == Replica.State.ONLINE && (nowMillis - r.ackMillis) / 1000 <= maxLag) {
                good++;
            }
        }
        return good < wanted;
    }

    private static String randomId() {
        byte[] b = RandomSeed.bytes(20);
        StringBuilder s = new StringBuilder(40);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return s.toString();
    }
}

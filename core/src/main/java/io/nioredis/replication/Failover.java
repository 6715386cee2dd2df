package io.nioredis.replication;

import io.nioredis.persistence.PersistenceLog;
import java.util.function.Consumer;

/**
 * FAILOVER's state (Redis 7.0's coordinated failover, replication.c): writes are held while the master
 * waits for a replica (the named one, or the first) to acknowledge its whole stream; then the master
 * follows that replica, sending {@code PSYNC <replid> <offset> FAILOVER}, which makes the replica a master
 * that continues the same history; once it answers +CONTINUE (or +FULLRESYNC) writes resume, here a
 * replica's. A TIMEOUT aborts the wait, or with FORCE fails over anyway; a rejected PSYNC makes this
 * server a master again.
 */
public final class Failover implements FailoverHandshake {
    public enum State {
        NONE("no-failover"), WAITING_FOR_SYNC("waiting-for-sync"), IN_PROGRESS("failover-in-progress");

        /** As INFO's master_failover_state shows it. */
        public final String infoName;

        State(String infoName) {
            this.infoName = infoName;
        }
    }

    private final Replication replication;
    private final ReplicaLink link;
    private final Consumer<Boolean> holdWrites;
    private PersistenceLog log = PersistenceLog.NONE;
    private State state = State.NONE;
    private String targetHost;
    private int targetPort;
    private long endMillis;
    private boolean force;

    public Failover(Replication replication, ReplicaLink link, Consumer<Boolean> holdWrites) {
        this.replication = replication;
        this.link = link;
        this.holdWrites = holdWrites;
    }

    public void log(PersistenceLog log) {
        this.log = log;
    }

    public State state() {
        return state;
    }

    @Override
    public boolean inProgress() {
        return state == State.IN_PROGRESS;
    }

    /** Redis's findReplica: an attached replica by the address INFO shows for it and its listening port. */
    public Replica findReplica(String host, int port) {
        for (Replica r : replication.replicas()) {
            if (r.ip().equalsIgnoreCase(host) && r.listeningPort() == port) {
                return r;
            }
        }
        return null;
    }

    /**
     * Starts waiting for a replica to catch up; {@code host} null for any replica, {@code endMillis} 0 for
     * no deadline. The caller has checked the arguments as FAILOVER does.
     */
    public void begin(String host, int port, long endMillis, boolean force) {
        if (host != null) {
            log.notice("FAILOVER requested to " + host + ":" + port + ".");
        } else {
            log.notice("FAILOVER requested to any replica.");
        }
        this.targetHost = host;
        this.targetPort = port;
        this.endMillis = endMillis;
        this.force = force;
        state = State.WAITING_FOR_SYNC;
        holdWrites.accept(true);
    }

    /**
     * Redis's updateFailoverStatus, run often: the deadline, then whether the target (or, with none named,
     * any replica) has acknowledged everything; if so this server follows it and the handshake asks it to
     * take over.
     */
    public void update(long nowMillis) {
        if (state != State.WAITING_FOR_SYNC) {
            return;
        }
        if (endMillis != 0 && endMillis <= nowMillis) {
            if (force) {
                log.notice("FAILOVER to " + targetHost + ":" + targetPort + " time out exceeded, failing over.");
                takeOver();
            } else {
                abort("Replica never caught up before timeout");
            }
            return;
        }
        Replica replica = null;
        if (targetHost != null) {
            replica = findReplica(targetHost, targetPort);
        } else {
            for (Replica r : replication.replicas()) {
                if (r.ackOffset() == replication.offset()) {
                    replica = r;
                    targetHost = r.ip();
                    targetPort = r.listeningPort();
                    break;
                }
            }
        }
        if (replica != null && replica.ackOffset() == replication.offset()) {
            log.notice("Failover target " + targetHost + ":" + targetPort + " is synced, failing over.");
            takeOver();
        }
    }

    private void takeOver() {
        state = State.IN_PROGRESS;
        link.follow(targetHost, targetPort);
    }

    /** FAILOVER ABORT, a deadline without FORCE, or a target that refused: a master again, writes resume. */
    public void abort(String reason) {
        if (state == State.NONE) {
            return;
        }
        if (targetHost != null) {
            log.notice("FAILOVER to " + targetHost + ":" + targetPort + " aborted: " + reason);
        } else {
            log.notice("FAILOVER to any replica aborted: " + reason);
        }
        if (state == State.IN_PROGRESS) {
            state = State.NONE; // the link must not ask for a failover again while it is dropped
            link.unfollow();
        }
        clear();
    }

    @Override
    public void psyncAccepted() {
        if (state == State.IN_PROGRESS) {
            clear();
        }
    }

    @Override
    public void psyncRejected(String reason) {
        if (state == State.IN_PROGRESS) {
            abort(reason);
        }
    }

    private void clear() {
        state = State.NONE;
        targetHost = null;
        targetPort = 0;
        endMillis = 0;
        force = false;
        holdWrites.accept(false);
    }
}

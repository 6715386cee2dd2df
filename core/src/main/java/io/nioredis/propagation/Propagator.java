package io.nioredis.propagation;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis's propagation machinery (server.c alsoPropagate / propagatePendingCommands): collects the effects of
 * one execution unit - a command, a transaction, a script - and hands them to the sinks that want them when
 * the outermost call ends. With no sink attached (no AOF, no replica) nothing is built at all: callers check
 * {@link #active()} first, so a write costs nothing extra.
 *
 * <p>As Redis 7.0, a unit that produced more than one command is wrapped in MULTI ... EXEC; a unit whose
 * commands span databases (a script that SELECTs, a lazy expiry in COPY's target database) reaches the sinks
 * as several consecutive {@link PropagationSink#propagate} calls, one per run of commands in one database,
 * MULTI in the first and EXEC in the last, which is what Redis writes: a SELECT wherever the database changes.
 */
public final class Propagator {
    static final byte[] MULTI = {'M', 'U', 'L', 'T', 'I'};
    static final byte[] EXEC = {'E', 'X', 'E', 'C'};

    private final List<PropagationSink> sinks = new ArrayList<>();
    /** The pending commands of the unit being run and their databases, in order. */
    private final ArrayList<byte[][]> pending = new ArrayList<>();
    private int[] pendingDbs = new int[8];
    /** Which pending commands go to replicas only (PUBLISH); {@link #replicasOnlyPending} counts them. */
    private boolean[] pendingReplicasOnly = new boolean[8];
    private int replicasOnlyPending;
    /** Calls in progress: above 0 while a command (or a command a script or EXEC runs) executes. */
    private int depth;

    public boolean active() {
        return !sinks.isEmpty();
    }

    public void attach(PropagationSink sink) {
        sinks.add(sink);
    }

    public void detach(PropagationSink sink) {
        sinks.remove(sink);
    }

    /** Hands one unit to every sink; see {@link PropagationSink#propagate}. */
    public void propagate(int db, List<byte[][]> commands) {
        for (int i = 0; i < sinks.size(); i++) {
            sinks.get(i).propagate(db, commands);
        }
    }

    /** Hands one unit to the sinks that do ({@code replicas}) or do not receive replication-only commands. */
    private void propagate(int db, List<byte[][]> commands, boolean replicas) {
        for (int i = 0; i < sinks.size(); i++) {
            PropagationSink sink = sinks.get(i);
            if (sink.receivesReplicationOnly() == replicas) {
                sink.propagate(db, commands);
            }
        }
    }

    /** A call starts; calls nest (EXEC and scripts run commands), and the outermost one makes the unit. */
    public void enterCall() {
        depth++;
    }

    /** A call ends; the outermost one hands what its unit collected to the sinks. */
    public void exitCall() {
        if (--depth == 0) {
            flush();
        }
    }

    /** True while a command runs, so effects join its unit rather than going out alone. */
    public boolean inCall() {
        return depth > 0;
    }

    /**
     * Redis's alsoPropagate: one more command for the unit being run, or a unit of its own when no call is in
     * progress (a lazy expiry while serving a blocked client, a timer's work).
     */
    public void also(int db, byte[][] argv) {
        also(db, argv, false);
    }

    /** As {@link #also}, for a command only replicas receive (PUBLISH, as Redis's PROPAGATE_REPL). */
    public void alsoToReplicas(int db, byte[][] argv) {
        also(db, argv, true);
    }

    private void also(int db, byte[][] argv, boolean replicasOnly) {
        if (depth == 0) {
            List<byte[][]> unit = new ArrayList<>(1);
            unit.add(argv);
            if (replicasOnly) {
                propagate(db, unit, true);
            } else {
                propagate(db, unit);
            }
            return;
        }
        int n = pending.size();
        if (n == pendingDbs.length) {
            pendingDbs = java.util.Arrays.copyOf(pendingDbs, n * 2);
            pendingReplicasOnly = java.util.Arrays.copyOf(pendingReplicasOnly, n * 2);
        }
        pendingDbs[n] = db;
        pendingReplicasOnly[n] = replicasOnly;
        if (replicasOnly) {
            replicasOnlyPending++;
        }
        pending.add(argv);
    }

    /** One command as a unit of its own, at once: active expiry and eviction, as Redis propagates them. */
    public void alone(int db, byte[][] argv) {
        List<byte[][]> unit = new ArrayList<>(1);
        unit.add(argv);
        propagate(db, unit);
    }

    private void flush() {
        int n = pending.size();
        if (n == 0) {
            return;
        }
        try {
            if (replicasOnlyPending == 0) {
                flush(true, false); // every sink gets the same unit
            } else {
                flush(false, true);
                if (replicasOnlyPending < n) {
                    flush(false, false);
                }
            }
        } finally {
            pending.clear();
            replicasOnlyPending = 0;
        }
    }

    /**
     * Hands the pending unit to the sinks: with {@code all} every sink gets every command; otherwise the
     * sinks that receive replication-only commands ({@code replicas}) get them all, the others get the rest.
     * Redis counts the replication-only commands when it decides on MULTI/EXEC, and so does this.
     */
    private void flush(boolean all, boolean replicas) {
        int n = pending.size();
        if (n == 1) {
            List<byte[][]> unit = new ArrayList<>(1);
            unit.add(pending.get(0));
            if (all) {
                propagate(pendingDbs[0], unit);
            } else {
                propagate(pendingDbs[0], unit, replicas);
            }
            return;
        }
        List<byte[][]> run = new ArrayList<>(n + 2);
        run.add(new byte[][] {MULTI.clone()});
        int db = -1;
        for (int i = 0; i < n; i++) {
            if (!all && !replicas && pendingReplicasOnly[i]) {
                continue;
            }
            if (db == -1) {
                db = pendingDbs[i];
            } else if (pendingDbs[i] != db) {
                send(db, run, all, replicas);
                run = new ArrayList<>(n - i + 1);
                db = pendingDbs[i];
            }
            run.add(pending.get(i));
        }
        run.add(new byte[][] {EXEC.clone()});
        send(db, run, all, replicas);
    }

    private void send(int db, List<byte[][]> run, boolean all, boolean replicas) {
        if (all) {
            propagate(db, run);
        } else {
            propagate(db, run, replicas);
        }
    }
}

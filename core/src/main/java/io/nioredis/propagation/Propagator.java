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
    /**
     * Where a command goes, as Redis's PROPAGATE_AOF and PROPAGATE_REPL: the sinks that do not take the
     * replication-only commands (the AOF), the ones that do (the replication stream), or both.
     */
    public static final int TO_AOF = 1;
    public static final int TO_REPLICAS = 2;
    public static final int TO_ALL = TO_AOF | TO_REPLICAS;

    private final List<PropagationSink> sinks = new ArrayList<>();
    /** The pending commands of the unit being run and their databases, in order. */
    private final ArrayList<byte[][]> pending = new ArrayList<>();
    private int[] pendingDbs = new int[8];
    /** Where each pending command goes; {@link #partialPending} counts those that do not go everywhere. */
    private byte[] pendingTargets = new byte[8];
    private int partialPending;
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

    /** Hands one unit to the sinks of one kind: {@link #TO_AOF}, {@link #TO_REPLICAS} or {@link #TO_ALL}. */
    private void propagate(int db, List<byte[][]> commands, int kind) {
        for (int i = 0; i < sinks.size(); i++) {
            PropagationSink sink = sinks.get(i);
            if ((kind & kindOf(sink)) != 0) {
                sink.propagate(db, commands);
            }
        }
    }

    private static int kindOf(PropagationSink sink) {
        return sink.receivesReplicationOnly() ? TO_REPLICAS : TO_AOF;
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
        also(db, argv, TO_ALL);
    }

    /** As {@link #also}, for a command only replicas receive (PUBLISH, as Redis's PROPAGATE_REPL). */
    public void alsoToReplicas(int db, byte[][] argv) {
        also(db, argv, TO_REPLICAS);
    }

    /**
     * As {@link #also}, to the sinks {@code targets} names ({@link #TO_AOF}, {@link #TO_REPLICAS}, both, or
     * neither: then the command goes nowhere), as a script's redis.set_repl limits its commands.
     */
    public void also(int db, byte[][] argv, int targets) {
        if (targets == 0) {
            return;
        }
        if (depth == 0) {
            List<byte[][]> unit = new ArrayList<>(1);
            unit.add(argv);
            propagate(db, unit, targets);
            return;
        }
        int n = pending.size();
        if (n == pendingDbs.length) {
            pendingDbs = java.util.Arrays.copyOf(pendingDbs, n * 2);
            pendingTargets = java.util.Arrays.copyOf(pendingTargets, n * 2);
        }
        pendingDbs[n] = db;
        pendingTargets[n] = (byte) targets;
        if (targets != TO_ALL) {
            partialPending++;
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
            if (partialPending == 0) {
                flush(TO_ALL); // every sink gets the same unit
            } else {
                flush(TO_REPLICAS);
                flush(TO_AOF);
            }
        } finally {
            pending.clear();
            partialPending = 0;
        }
    }

    /**
     * Hands the pending commands that go to sinks of this {@code kind} to those sinks, as Redis's
     * propagatePendingCommands: MULTI (in the first command's database) and EXEC (in the last one's) wrap a
     * unit of more than one command for every sink, counting the commands that go elsewhere too, so a sink
     * none of them goes to gets an empty MULTI ... EXEC; a single command that goes elsewhere sends nothing.
     */
    private void flush(int kind) {
        int n = pending.size();
        boolean wrapped = n > 1;
        List<byte[][]> run = new ArrayList<>(n + 2);
        int db = -1;
        if (wrapped) {
            db = pendingDbs[0];
            run.add(new byte[][] {MULTI.clone()});
        }
        for (int i = 0; i < n; i++) {
            if ((pendingTargets[i] & kind) == 0) {
                continue;
            }
            if (db == -1) {
                db = pendingDbs[i];
            } else if (pendingDbs[i] != db) {
                propagate(db, run, kind);
                run = new ArrayList<>(n - i + 1);
                db = pendingDbs[i];
            }
            run.add(pending.get(i));
        }
        if (db == -1) {
            return;
        }
        if (wrapped) {
            if (pendingDbs[n - 1] != db) {
                propagate(db, run, kind);
                run = new ArrayList<>(1);
                db = pendingDbs[n - 1];
            }
            run.add(new byte[][] {EXEC.clone()});
        }
        propagate(db, run, kind);
    }
}

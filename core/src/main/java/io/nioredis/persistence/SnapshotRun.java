package io.nioredis.persistence;

/**
 * One background snapshot from its cut to its file, a BGSAVE's or an AOF rewrite's base: the walk the loop
 * serializes a slice at a time ({@link Persistence#snapshotSlice}) and the writer thread's outcome. At most
 * one runs at a time, as Redis runs one child: the keyspace holds one cut per database. Owned by the loop.
 */
public final class SnapshotRun {
    private final WriteOutcome written;
    private final SnapshotTarget target;
    /** The serializing side, while it has entries left to write; null after. */
    private BackgroundSnapshot snapshot;
    /** Why the run was abandoned on the loop's side (a value it cannot write), or null. */
    private String abandoned;
    private long cowBytes;
    private long handedOverAhead;

    SnapshotRun(BackgroundSnapshot snapshot, WriteOutcome written, SnapshotTarget target) {
        this.snapshot = snapshot;
        this.written = written;
        this.target = target;
    }

    /** True while entries are left to serialize, even if the walk waits for the disk. */
    boolean serializing() {
        return snapshot != null;
    }

    /** True when a slice would do something now. */
    boolean sliceReady() {
        return snapshot != null && snapshot.sliceReady();
    }

    void slice(long budgetNanos) {
        if (snapshot != null) {
            snapshot.slice(budgetNanos);
            settle();
        }
    }

    void steps(int n) {
        if (snapshot != null) {
            snapshot.steps(n);
            settle();
        }
    }

    /** Lets go of the walk once it has handed everything over, or abandons it if it cannot go on. */
    private void settle() {
        RuntimeException failure = snapshot.failure();
        if (failure != null) {
            abandoned = target.cannotSerialize(failure.getMessage());
            snapshot.abort();
        } else if (!snapshot.ended() && written.isDone()) {
            snapshot.abort(); // the writer failed; its outcome says why
        }
        if (snapshot.ended()) {
            cowBytes = snapshot.cowBytes();
            handedOverAhead = snapshot.handedOverAhead();
            snapshot = null;
        }
    }

    /** True once the file is written, or the run failed, and the keyspace no longer hooks into it. */
    public boolean done() {
        return snapshot == null && written.isDone();
    }

    /** Once {@link #done}: null when the file is in place, else the line to log. */
    public String failure() {
        return abandoned != null ? abandoned : written.failureNow();
    }

    /**
     * Blocks until the run is done: whatever the walk has left is serialized at once (DEBUG RELOAD, SAVE's
     * callers, tests).
     */
    public void finish() {
        if (snapshot != null) {
            snapshot.finishNow();
            settle();
        }
        written.await();
    }

    /**
     * Abandons the run, as Redis kills a child: the writer stops and removes its temporary file, the
     * keyspace forgets the cuts. Blocks until the writer has stopped.
     */
    public void abort() {
        if (snapshot != null) {
            snapshot.abort();
            snapshot = null;
        }
        written.await();
    }

    /** Big values handed to the writer thread ahead of the walk because a command came to them. */
    public long handedOverAhead() {
        return snapshot != null ? snapshot.handedOverAhead() : handedOverAhead;
    }

    /** Bytes of entries written ahead of the walk because a change came to them (the cow size). */
    public long cowBytes() {
        return cowBytes;
    }
}

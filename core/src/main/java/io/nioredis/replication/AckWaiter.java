package io.nioredis.replication;

/** A client in WAIT: how many replicas it wants to have acknowledged which offset, and its answer. */
public interface AckWaiter {
    long offset();

    int wanted();

    /** False once it stopped waiting otherwise (timed out, unblocked, disconnected): it is dropped then. */
    boolean waiting();

    /** Enough replicas acknowledged: {@code count} of them; the waiter has left the list. */
    void satisfied(int count);
}

package io.nioredis.persistence;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A background snapshot on its way to replicas' sockets (Redis's rdbSaveToSlavesSockets, without the child
 * and its pipe): the writer thread puts the finished bytes here, checksum included, and the loop takes them
 * with {@link #poll} and queues them to each replica. The walk waits while a few chunks are here untaken,
 * or while the replicas have not sent what they were given ({@link #replicasBehind}), so a slow replica
 * slows the snapshot instead of filling the heap.
 */
public final class SnapshotStream implements SnapshotOutput {
    /** The walk waits while this many chunks wait for the loop. */
    private static final int MAX_READY = 8;

    private final ConcurrentLinkedQueue<byte[]> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readyCount = new AtomicInteger();
    private volatile boolean complete;
    private volatile boolean discarded;
    private BooleanSupplier replicasBehind = () -> false;

    /** What tells the walk that the replicas' sockets are behind (loop only). */
    public void replicasBehind(BooleanSupplier behind) {
        this.replicasBehind = behind;
    }

    /** The next bytes for the replicas, or null if none is ready yet. Loop only. */
    public byte[] poll() {
        byte[] b = ready.poll();
        if (b != null) {
            readyCount.decrementAndGet();
        }
        return b;
    }

    /** True once the last byte (the checksum) is ready; whatever {@link #poll} has left is the end. */
    public boolean complete() {
        return complete;
    }

    /** True once the snapshot failed or was abandoned: the replicas get no more and must be dropped. */
    public boolean discarded() {
        return discarded;
    }

    @Override
    public void open() {
    }

    @Override
    public void write(byte[] bytes, int length) {
        ready.add(Arrays.copyOf(bytes, length));
        readyCount.incrementAndGet();
    }

    @Override
    public void sync() {
    }

    @Override
    public void commit() {
        complete = true;
    }

    @Override
    public void discard() {
        discarded = true;
    }

    @Override
    public boolean behind() {
        return readyCount.get() >= MAX_READY || replicasBehind.getAsBoolean();
    }
}

package io.nioredis.persistence;

import io.nioredis.rdb.ByteSink;
import io.nioredis.rdb.Crc64;
import io.nioredis.rdb.RdbStreamWriter;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The output half of a background save, on a thread of its own: takes the chunks the loop serializes,
 * finishes them ({@link SnapshotEncoder#writeChunk}: an RDB's strings are LZF-compressed here, not on the
 * loop), keeps the running CRC-64, writes them to its {@link SnapshotOutput} (the temporary file, or the
 * replicas) and, after the last one, appends the checksum and commits the output (for a file: fsync and
 * rename, see {@link RdbFileStore}). The loop never waits for the disk: it hands items over with
 * {@link #offer}, which never blocks, and throttles its own serializing on {@link #queued} instead,
 * so what is in flight stays bounded. The outcome is null on success, else the line to log.
 *
 * <p>A big value is handed over unserialized, as a {@link ValueJob}, and serialized here, in its place in
 * the stream, so that no loop turn spends long on one value; an RDB encoder streams it out in pieces of a
 * few tens of KB ({@link ChunkedEntryWriter}), so no full serialized copy of it is made. The loop must
 * leave such a value alone until {@link ValueJob#awaitWritten} returns (the snapshot's hooks see to it).
 */
final class SnapshotFileWriter {
    private static final byte[] END = new byte[0];
    private static final byte[] ABORT = new byte[0];

    /** {@code length} bytes of the file at the start of {@code bytes}. */
    private record Chunk(byte[] bytes, int length) {}

    /** A value the writer serializes itself; the loop does not touch it until it is done. */
    static final class ValueJob {
        final Object entry;
        final long deadline;
        /** Handed over ahead of the walk because a command came to it: its bytes count as copy-on-write. */
        final boolean ahead;
        /** Its serialized length, once written. */
        volatile long bytes;
        private final CountDownLatch written = new CountDownLatch(1);

        ValueJob(Object entry, long deadline, boolean ahead) {
            this.entry = entry;
            this.deadline = deadline;
            this.ahead = ahead;
        }

        boolean isWritten() {
            return written.getCount() == 0;
        }
    }

    /**
     * What the loop hands over, in order, and how many of them wait. The writer parks when there is nothing
     * and the loop unparks it: JDK 17's blocking queues wait through ForkJoinPool.managedBlock, and the first
     * save of a server loaded ForkJoinPool's classes and ran its static initializer on the server's core.
     */
    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Thread writer;
    /** The chunk buffers, which go back and forth between the loop and this thread and outlive the save. */
    private final ChunkBuffers chunks;
    private final WriteOutcome outcome = new WriteOutcome();
    private final SnapshotOutput output;
    private final boolean checksum;
    /** Serializes the big values handed over; says whether the stream ends with a checksum. */
    private final SnapshotEncoder values;
    private final SnapshotTarget target;
    /** Fsync every this many bytes while writing (rdb-save/aof-rewrite-incremental-fsync), 0 for never. */
    private final long autosyncBytes;
    private volatile boolean aborted;
    /** The running CRC-64 and the bytes written since the last fsync (writer thread only). */
    private long crc;
    private long unsynced;
    // Classes, not a method reference and a lambda: linking those on the loop's thread was part of what the
    // first BGSAVE of a run cost the clients.
    private final ByteSink emit = new ByteSink() {
        @Override
        public void write(byte[] bytes, int length) throws IOException {
            emit(bytes, length);
        }
    };

    /**
     * @param values a {@link SnapshotEncoder#fragment} of the walk's encoder; an RDB stream gets its trailer
     *               (the CRC-64 when {@code checksum}, zeros otherwise), commands nothing
     */
    SnapshotFileWriter(SnapshotOutput output, boolean checksum, SnapshotEncoder values, SnapshotTarget target,
            long autosyncBytes, ChunkBuffers chunks) {
        this.output = output;
        this.chunks = chunks;
        this.checksum = checksum;
        this.values = values;
        this.target = target;
        this.autosyncBytes = autosyncBytes;
    }

    void start() {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                SnapshotFileWriter.this.run();
            }
        }, target.threadName());
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    WriteOutcome outcome() {
        return outcome;
    }

    /** Hands {@code length} bytes at the start of {@code chunk} over; never blocks. */
    void offer(byte[] chunk, int length) {
        if (length > 0) {
            hand(new Chunk(chunk, length));
        } else {
            recycle(chunk);
        }
    }

    /** An empty chunk buffer, a written one if there is one. */
    byte[] emptyChunk() {
        return chunks.take();
    }

    private void recycle(byte[] chunk) {
        chunks.give(chunk);
    }

    /** Hands a value over to be serialized here, after everything offered before it; never blocks. */
    void offer(ValueJob job) {
        hand(job);
    }

    private void hand(Object item) {
        items.add(item);
        waiting.incrementAndGet();
        Thread w = writer;
        if (w != null) {
            LockSupport.unpark(w); // a permit if it is not parked yet, so it cannot miss the item
        }
    }

    /** The next item handed over, waiting for one if there is none yet (writer thread only). */
    private Object take() throws InterruptedException {
        while (true) {
            Object item = items.poll();
            if (item != null) {
                waiting.decrementAndGet();
                return item;
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * Blocks until the job's value has been serialized (or skipped, when the save failed or was
     * abandoned), after which the loop may change it.
     */
    void awaitWritten(ValueJob job) {
        try {
            while (!job.written.await(10, TimeUnit.MILLISECONDS)) {
                if (outcome.isDone()) {
                    return; // the writer is gone; the save is lost anyway
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every chunk has been offered: the file ends here. */
    void end() {
        hand(END);
    }

    /** The save is abandoned: values not started are skipped, the temporary file is removed. */
    void abort() {
        aborted = true;
        hand(ABORT);
    }

    /** Items handed over and not written yet. */
    int queued() {
        return waiting.get();
    }

    /** On the loop: true while this many items wait, or the output's taker is behind; the walk then waits. */
    boolean behind(int maxQueued) {
        return waiting.get() >= maxQueued || output.behind();
    }

    private void run() {
        try {
            outcome.complete(writeAll());
        } catch (InterruptedException e) {
            outcome.complete("Background saving interrupted");
        } catch (RuntimeException | Error e) {
            outcome.complete(target.writeFailed(e.toString()));
        } finally {
            // Nothing will be written any more: free whoever waits on a value.
            for (Object item; (item = items.poll()) != null; ) {
                waiting.decrementAndGet();
                if (item instanceof ValueJob job) {
                    job.written.countDown();
                }
            }
        }
    }

    private String writeAll() throws InterruptedException {
        try {
            return writeItems();
        } finally {
            values.releaseBuffers(); // before the outcome is known, so the next save finds them
        }
    }

    private String writeItems() throws InterruptedException {
        try {
            output.open();
        } catch (RdbFileStore.SaveFailure e) {
            return e.getMessage();
        }
        try {
            while (true) {
                Object item = take();
                if (item == ABORT) {
                    output.discard();
                    return target.aborted();
                }
                if (item == END) {
                    if (values.checksummed()) {
                        byte[] trailer = RdbStreamWriter.trailer(checksum ? crc : 0);
                        output.write(trailer, trailer.length);
                    }
                    break;
                }
                if (item instanceof ValueJob job) {
                    try {
                        if (aborted) {
                            continue;
                        }
                        job.bytes = values.writeBig(job.entry, job.deadline, emit);
                    } catch (RuntimeException e) {
                        output.discard();
                        return target.cannotSerialize(e.getMessage());
                    } finally {
                        job.written.countDown();
                    }
                } else {
                    Chunk c = (Chunk) item;
                    values.writeChunk(c.bytes(), c.length(), emit);
                    recycle(c.bytes());
                }
            }
        } catch (IOException e) {
            output.discard();
            return RdbFileStore.writeError(e, target).getMessage();
        }
        try {
            output.commit();
            return null;
        } catch (RdbFileStore.SaveFailure e) {
            output.discard();
            return e.getMessage();
        }
    }

    /** Bytes of the output, in order: into the checksum and out, with an fsync every autosyncBytes. */
    private void emit(byte[] bytes, int length) throws IOException {
        if (checksum && values.checksummed()) {
            crc = Crc64.update(crc, bytes, 0, length);
        }
        output.write(bytes, length);
        unsynced += length;
        if (autosyncBytes > 0 && unsynced >= autosyncBytes) {
            output.sync();
            unsynced = 0;
        }
    }
}

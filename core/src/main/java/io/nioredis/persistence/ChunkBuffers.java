package io.nioredis.persistence;

import io.nioredis.rdb.Lzf;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The 64 KB buffers background snapshots serialize into, kept from one snapshot to the next. The loop takes
 * one to fill, hands it to the writer thread, and the writer gives it back once written; a save needs about
 * a dozen at a time (the walk's, those queued, the writer's). Made anew for every save, they were ~0.9 MB of
 * young-generation garbage per BGSAVE at 1M keys, enough to bring a young collection, and the copying of
 * whatever else was young then, into the save (bench/bgsave-stall.sh). Kept, they cost up to
 * {@link #KEPT} x 64 KB once the first save has run. The writer's LZF hash table is kept with them.
 *
 * <p>Taking and giving allocate nothing: a fixed row of slots swapped with compare-and-set, so the loop and
 * the writer thread never wait for each other here.
 */
final class ChunkBuffers {
    /** The size of every chunk buffer. */
    static final int CAPACITY = 64 << 10;
    /** The walk's buffer, the writer's queue (BackgroundSnapshot.MAX_QUEUED_CHUNKS) and the writer's own. */
    static final int KEPT = 12;
    /** What an output takes in place of the buffer it hands over when nothing more will be written to it. */
    static final byte[] NONE = new byte[0];

    private final AtomicReferenceArray<byte[]> kept = new AtomicReferenceArray<>(KEPT);
    private final AtomicInteger made = new AtomicInteger();
    /** The writer's LZF hash table (256 KB), kept as the buffers are: one save at a time compresses. */
    private final AtomicReference<Lzf> lzf = new AtomicReference<>();
    private final AtomicInteger lzfMade = new AtomicInteger();

    /** A buffer of {@link #CAPACITY} bytes: a kept one if there is one, else a new one. */
    byte[] take() {
        for (int i = 0; i < KEPT; i++) {
            byte[] b = kept.get(i);
            if (b != null && kept.compareAndSet(i, b, null)) {
                return b;
            }
        }
        made.incrementAndGet();
        return new byte[CAPACITY];
    }

    /** Keeps {@code buffer} for a later {@link #take} if it is a chunk buffer and there is room; else drops it. */
    void give(byte[] buffer) {
        if (buffer.length != CAPACITY) {
            return;
        }
        for (int i = 0; i < KEPT; i++) {
            if (kept.get(i) == null && kept.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }

    /** The kept LZF table, else a new one. */
    Lzf takeLzf() {
        Lzf kept = lzf.getAndSet(null);
        if (kept != null) {
            return kept;
        }
        lzfMade.incrementAndGet();
        return new Lzf();
    }

    /** Keeps {@code table} (null: nothing to keep) for the next save's {@link #takeLzf}. */
    void giveLzf(Lzf table) {
        if (table != null) {
            lzf.set(table);
        }
    }

    /** How many LZF tables {@link #takeLzf} has made so far (tests). */
    int lzfMade() {
        return lzfMade.get();
    }

    /** How many buffers {@link #take} has made so far (tests). */
    int made() {
        return made.get();
    }

    /** How many buffers are kept now (tests). */
    int kept() {
        int n = 0;
        for (int i = 0; i < KEPT; i++) {
            if (kept.get(i) != null) {
                n++;
            }
        }
        return n;
    }
}

package io.nioredis.persistence;

import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.SnapshotCut;
import io.nioredis.store.StringEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * BGSAVE without fork: a point-in-time RDB image (or, for an AOF base in command form, the commands that
 * rebuild the dataset; see {@link SnapshotEncoder}) serialized on the loop a slice at a time while clients
 * keep being served, each finished chunk handed to a {@link SnapshotFileWriter} thread. At the cut every
 * non-empty database gets a {@link SnapshotCut}; a slice walks the cuts in database order, and any change
 * to an entry not written yet writes it first, as it was (the equivalent of a fork's copy-on-write; its
 * bytes are what rdb_last_cow_size reports). Because the RDB loader switches database at every SELECTDB,
 * an entry written early by a change goes out under its own database's SELECTDB wherever the walk is.
 *
 * <p>A big value the walk reaches (a million-element list, say) is not serialized on the loop: it is handed
 * to the writer thread whole, in its place in the stream, and the keyspace's hooks make any command that
 * comes to that key wait until the writer is done with it (as a write to a half-written value would have
 * to finish it first). So no turn spends long on one value, and the common case, nobody touching that key
 * meanwhile, costs the loop nothing. The cuts stay installed until every handed-over value is written.
 *
 * <p>Keys past their deadline but not yet reclaimed at the cut are written with it, as Redis's rdbSaveRio
 * writes them; a loader drops them.
 */
final class BackgroundSnapshot implements SnapshotCut.Writer {
    /** A chunk goes to the writer once this much is buffered (a little under a chunk buffer's capacity). */
    private static final int CHUNK_BYTES = ChunkBuffers.CAPACITY - (8 << 10);
    /**
     * Serializing pauses while this many items wait for the disk (back-pressure: half a megabyte in
     * flight). Kept small because whatever outlives a young collection is promoted, and with a tight old
     * generation a promotion can cost a full collection.
     */
    private static final int MAX_QUEUED_CHUNKS = 8;
    /** Slots walked between two looks at the clock. */
    private static final int SLOTS_PER_STEP = 64;
    /** A value at least this big (by the keyspace's accounting) is serialized by the writer thread. */
    static final long BIG_VALUE_BYTES = 128 << 10;

    private final long bigValueBytes;
    private final Databases databases;
    private final SnapshotEncoder file;
    private final SnapshotFileWriter disk;
    private final List<SnapshotCut> cuts = new ArrayList<>();
    /** The cut taken of each database number, and whether the stream has opened it yet. */
    private final SnapshotCut[] cutOfDb;
    private final boolean[] opened;
    /** Values handed to the writer and maybe not written yet, oldest first. */
    private final ArrayDeque<SnapshotFileWriter.ValueJob> handedOver = new ArrayDeque<>();
    private int current;
    private long cowBytes;
    private boolean inWalk;
    /** Big values handed to the writer ahead of the walk because a command came to them. */
    private long handedOverAhead;
    private RuntimeException failure;
    /** The end of the file has been handed to the writer. */
    private boolean complete;
    /** ... and the keyspace is free of the snapshot's hooks. */
    private boolean ended;

    private BackgroundSnapshot(Databases databases, SnapshotEncoder file, SnapshotFileWriter disk,
            long bigValueBytes) {
        this.databases = databases;
        this.bigValueBytes = bigValueBytes;
        this.file = file;
        this.disk = disk;
        this.cutOfDb = new SnapshotCut[databases.count()];
        this.opened = new boolean[databases.count()];
    }

    /**
     * Takes the cut now (O(databases), plus a bitmap of one bit per slot) and starts the writer thread;
     * {@code file} has its header (an RDB's AUX fields) written already.
     */
    static BackgroundSnapshot start(Databases databases, SnapshotEncoder file, SnapshotFileWriter disk,
            long bigValueBytes) {
        BackgroundSnapshot snapshot = new BackgroundSnapshot(databases, file, disk, bigValueBytes);
        for (int i = 0; i < databases.count(); i++) {
            Keyspace db = databases.get(i);
            if (db.size() > 0) {
                SnapshotCut cut = db.startCut(snapshot);
                snapshot.cuts.add(cut);
                snapshot.cutOfDb[i] = cut;
            }
        }
        disk.start();
        return snapshot;
    }

    /** Bytes of entries written ahead of the walk because a change came to them. */
    long cowBytes() {
        return cowBytes;
    }

    /** Big values handed to the writer thread ahead of the walk because a command came to them. */
    long handedOverAhead() {
        return handedOverAhead;
    }

    /** A written value leaves the in-flight list; one written ahead of the walk counts as copy-on-write. */
    private void retire(SnapshotFileWriter.ValueJob job) {
        if (job.ahead) {
            cowBytes += job.bytes;
        }
    }

    /** A value that cannot be serialized, or null; the save is then abandoned. */
    RuntimeException failure() {
        return failure;
    }

    /** True once the whole image has been handed to the writer and the keyspace no longer hooks into it. */
    boolean ended() {
        return ended;
    }

    /** True when a slice would do something now, false while the disk is behind. */
    boolean sliceReady() {
        return !complete && !disk.behind(MAX_QUEUED_CHUNKS);
    }

    /**
     * One turn's share: walks the cuts until {@code budgetNanos} have passed or the disk is behind; ends
     * the file once every cut is finished. Returns true when the snapshot no longer needs the loop.
     */
    boolean slice(long budgetNanos) {
        long until = System.nanoTime() + budgetNanos;
        while (!complete && failure == null && !disk.behind(MAX_QUEUED_CHUNKS)) {
            step();
            if (System.nanoTime() - until >= 0) {
                break;
            }
        }
        releaseWhenWritten();
        return ended;
    }

    /** Once the file is complete, lets the keyspace go as soon as the writer is done with every value. */
    private void releaseWhenWritten() {
        if (complete && !ended) {
            while (!handedOver.isEmpty() && handedOver.peekFirst().isWritten()) {
                retire(handedOver.pollFirst());
            }
            if (handedOver.isEmpty()) {
                release();
            }
        }
    }

    /** Exactly {@code n} steps of the walk, whatever the clock and the disk say: tests interleave changes. */
    void steps(int n) {
        for (int i = 0; i < n && !complete && failure == null; i++) {
            step();
        }
        releaseWhenWritten();
    }

    /** Serializes everything left, ignoring the budget and the disk (SAVE, DEBUG RELOAD, tests). */
    void finishNow() {
        while (!complete && failure == null) {
            step();
        }
        if (complete) {
            awaitHandedOver();
            release();
        }
    }

    /** Hands what is buffered to the writer, going on in an empty chunk buffer. */
    private void flush() {
        int length = file.pending();
        if (length > 0) {
            disk.offer(file.handOver(disk.emptyChunk()), length);
        }
    }

    /** Hands the last bytes to the writer; nothing more is written, so no buffer is taken to go on in. */
    private void flushLast() {
        int length = file.pending();
        if (length > 0) {
            disk.offer(file.handOver(ChunkBuffers.NONE), length);
        }
    }

    private void step() {
        if (current == cuts.size()) {
            file.endOfFile();
            flushLast();
            disk.end();
            complete = true;
            return;
        }
        SnapshotCut cut = cuts.get(current);
        if (cut.finished()) {
            current++;
            return;
        }
        inWalk = true;
        try {
            cut.walk(SLOTS_PER_STEP);
        } finally {
            inWalk = false;
        }
        if (file.pending() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** Abandons the save: the writer stops and removes its temporary file, the keyspace forgets the cuts. */
    void abort() {
        if (!ended) {
            disk.abort();
            awaitHandedOver();
            release();
        }
    }

    private void awaitHandedOver() {
        for (SnapshotFileWriter.ValueJob job : handedOver) {
            disk.awaitWritten(job);
            retire(job);
        }
        handedOver.clear();
    }

    private void release() {
        for (SnapshotCut cut : cuts) {
            for (int i = 0; i < databases.count(); i++) {
                databases.get(i).endCut(cut);
            }
        }
        ended = true;
    }

    /**
     * Called by a cut's walk and by the keyspace before a change: the entry as it is at the cut. Never
     * throws, since a change is waiting on it; a value that cannot be saved fails the save instead.
     */
    @Override
    public void write(int db, Object entry, int base, long deadline) {
        if (failure != null || !selected(db)) {
            return;
        }
        if (isBig(entry, base)) {
            SnapshotFileWriter.ValueJob job = handOver(entry, deadline, !inWalk);
            if (!inWalk) {
                // A change the dispatcher could not see coming (a script's undeclared key, EXEC, expiry):
                // the writer thread serializes the value while the change waits for it.
                handedOverAhead++;
                disk.awaitWritten(job);
            }
            return;
        }
        int before = file.pending();
        try {
            file.entry(entry, base, deadline);
        } catch (RuntimeException e) {
            failure = e;
            return;
        }
        if (!inWalk) {
            cowBytes += file.pending() - before;
            if (file.pending() >= CHUNK_BYTES) {
                flush();
            }
        }
    }

    private SnapshotFileWriter.ValueJob handOver(Object entry, long deadline, boolean ahead) {
        flush();
        SnapshotFileWriter.ValueJob job = new SnapshotFileWriter.ValueJob(entry, deadline, ahead);
        handedOver.addLast(job);
        disk.offer(job);
        return job;
    }

    @Override
    public boolean handOverAhead(int db, Object entry, int base, long deadline) {
        if (failure != null || !isBig(entry, base) || !selected(db)) {
            return false;
        }
        handOver(entry, deadline, true);
        handedOverAhead++;
        return true;
    }

    @Override
    public boolean inFlight(Object entry) {
        for (SnapshotFileWriter.ValueJob job : handedOver) {
            if (job.entry == entry && !job.isWritten()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value the writer thread serializes from the live value. A string that big has an array of its own
     * (base 0; see {@link Keyspace}), which stays what it is until the thread is done with it.
     */
    private boolean isBig(Object entry, int base) {
        return entry instanceof KeyedValue v ? v.memoryUsage() >= bigValueBytes
                : StringEntry.size((byte[]) entry, base) >= bigValueBytes;
    }

    @Override
    public boolean holdsEntries() {
        return !handedOver.isEmpty();
    }

    @Override
    public void release(Object entry) {
        while (!handedOver.isEmpty() && handedOver.peekFirst().isWritten()) {
            retire(handedOver.pollFirst());
        }
        for (SnapshotFileWriter.ValueJob job : handedOver) {
            if (job.entry == entry) {
                disk.awaitWritten(job);
                return;
            }
        }
    }

    /** Opens the cut's database in the stream: with RESIZEDB the first time, a bare SELECTDB after. */
    private boolean selected(int db) {
        SnapshotCut cut = cutOfDb[db];
        if (cut == null) {
            return false;
        }
        if (!opened[db]) {
            opened[db] = true;
            file.openDb(db, cut.keys(), cut.keysWithExpiry());
        } else {
            file.select(db);
        }
        return true;
    }
}

package io.nioredis.persistence;

import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbStreamWriter;
import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.SnapshotCut;
import io.nioredis.store.StringEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * BGSAVE without fork: a point-in-time RDB image serialized on the loop a slice at a time while clients
 * keep being served, each finished chunk handed to a {@link SnapshotFileWriter} thread. At the cut every
 * non-empty database gets a {@link SnapshotCut}; a slice walks the cuts in database order, and any change
 * to an entry not written yet writes it first, as it was (the equivalent of a fork's copy-on-write; its
 * bytes are what rdb_last_cow_size reports). Because the RDB loader switches database at every SELECTDB,
 * an entry written early by a change goes out under its own database's SELECTDB wherever the walk is.
 *
 * <p>Keys past their deadline but not yet reclaimed at the cut are written with it, as Redis's rdbSaveRio
 * writes them; a loader drops them.
 */
final class BackgroundSnapshot implements SnapshotCut.Writer {
    /** A chunk goes to the writer once this much is buffered. */
    private static final int CHUNK_BYTES = 256 << 10;
    /** Serializing pauses while this many chunks wait for the disk (back-pressure: 4 MB in flight). */
    private static final int MAX_QUEUED_CHUNKS = 16;
    /** Slots walked between two looks at the clock. */
    private static final int SLOTS_PER_STEP = 64;

    private final Databases databases;
    private final RdbStreamWriter file;
    private final SnapshotFileWriter disk;
    private final List<SnapshotCut> cuts = new ArrayList<>();
    /** The cut taken of each database number, and whether the stream has opened it yet. */
    private final SnapshotCut[] cutOfDb;
    private final boolean[] opened;
    private int current;
    private long cowBytes;
    private boolean inWalk;
    private RuntimeException failure;
    private boolean ended;

    private BackgroundSnapshot(Databases databases, RdbStreamWriter file, SnapshotFileWriter disk) {
        this.databases = databases;
        this.file = file;
        this.disk = disk;
        this.cutOfDb = new SnapshotCut[databases.count()];
        this.opened = new boolean[databases.count()];
    }

    /** Takes the cut now (O(databases), plus a bitmap of one bit per slot) and starts the writer thread. */
    static BackgroundSnapshot start(Databases databases, EncodingLimits limits, boolean compression,
            long nowMillis, long usedMemory, String redisVersion, SnapshotFileWriter disk) {
        RdbStreamWriter file = new RdbStreamWriter(limits, compression);
        file.aux("redis-ver", redisVersion)
                .aux("redis-bits", 64)
                .aux("ctime", nowMillis / 1000)
                .aux("used-mem", usedMemory)
                .aux("aof-base", 0);
        BackgroundSnapshot snapshot = new BackgroundSnapshot(databases, file, disk);
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

    /** A value that cannot be serialized, or null; the save is then abandoned. */
    RuntimeException failure() {
        return failure;
    }

    /** True once the whole image has been handed to the writer. */
    boolean ended() {
        return ended;
    }

    /** True when a slice would do something now, false while the disk is behind. */
    boolean sliceReady() {
        return !ended && disk.queued() < MAX_QUEUED_CHUNKS;
    }

    /**
     * One turn's share: walks the cuts until {@code budgetNanos} have passed or the disk is behind; ends
     * the file once every cut is finished. Returns true when the image has been handed over completely.
     */
    boolean slice(long budgetNanos) {
        long until = System.nanoTime() + budgetNanos;
        while (!ended && failure == null && disk.queued() < MAX_QUEUED_CHUNKS) {
            step();
            if (System.nanoTime() - until >= 0) {
                break;
            }
        }
        return ended;
    }

    /** Exactly {@code n} steps of the walk, whatever the clock and the disk say: tests interleave changes. */
    void steps(int n) {
        for (int i = 0; i < n && !ended && failure == null; i++) {
            step();
        }
    }

    /** Serializes everything left, ignoring the budget and the disk (SAVE, SHUTDOWN, DEBUG RELOAD). */
    void finishNow() {
        while (!ended && failure == null) {
            step();
        }
    }

    private void step() {
        if (current == cuts.size()) {
            file.endOfFile();
            disk.offer(file.takeBytes());
            disk.end();
            release();
            ended = true;
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
            disk.offer(file.takeBytes());
        }
    }

    /** Abandons the save: the keyspaces forget the cuts and the writer removes its temporary file. */
    void abort() {
        if (!ended) {
            release();
            ended = true;
            disk.abort();
        }
    }

    private void release() {
        for (SnapshotCut cut : cuts) {
            for (int i = 0; i < databases.count(); i++) {
                databases.get(i).endCut(cut);
            }
        }
    }

    /**
     * Called by a cut's walk and by the keyspace before a change: the entry as it is at the cut. Never
     * throws, since a change is waiting on it; a value that cannot be saved fails the save instead.
     */
    @Override
    public void write(int db, Object entry, long deadline) {
        if (failure != null) {
            return;
        }
        int before = file.pending();
        try {
            if (!selected(db)) {
                return;
            }
            if (entry instanceof byte[] e) {
                file.stringEntry(e, StringEntry.keyOffset(e), StringEntry.keyLength(e), StringEntry.valueOffset(e),
                        StringEntry.valueLength(e), deadline);
            } else {
                file.entry(KeyspaceValues.key(entry), KeyspaceValues.toRdb(entry), deadline);
            }
        } catch (RuntimeException e) {
            failure = e;
            return;
        }
        if (!inWalk) {
            cowBytes += file.pending() - before;
            if (file.pending() >= CHUNK_BYTES) {
                disk.offer(file.takeBytes());
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

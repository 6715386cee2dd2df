package io.nioredis.persistence;

import io.nioredis.store.ProcessId;
import io.nioredis.config.Config;
import io.nioredis.value.PackedLimits;
import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbFileWriter;
import io.nioredis.rdb.RdbFormatException;
import io.nioredis.store.Clock;
import io.nioredis.store.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The RDB side of the server: SAVE, BGSAVE, the save points, loading at start-up and DEBUG RELOAD, and the
 * figures INFO persistence reports. Owned by the event loop; only the file writing of a background save
 * runs elsewhere, on a thread of its own, and its outcome is collected by {@link #cron} on the loop.
 *
 * <p>A background save is a fork-less point-in-time snapshot ({@link BackgroundSnapshot}): the cut costs
 * next to nothing, the loop serializes a slice of at most {@link #SLICE_NANOS} per turn between clients
 * ({@link #snapshotSlice}), and a writer thread checksums and writes the chunks. SAVE still builds its
 * image in one go, as Redis's SAVE blocks too. An AOF rewrite's base is the same kind of snapshot
 * ({@link #startAofBase}), sliced here too; only one of the two runs at a time, as Redis runs one child.
 */
public final class Persistence {
    /**
     * Redis's REDIS_AUTOSYNC_BYTES: with rdb-save-incremental-fsync or aof-rewrite-incremental-fsync, a save or
     * a rewrite syncs what it has written every this many bytes.
     */
    public static final long AUTOSYNC_BYTES = 4L * 1024 * 1024;

    /** CONFIG_BGSAVE_RETRY_DELAY: after a failed background save, save points wait this long to retry. */
    private static final long RETRY_DELAY_SECONDS = 5;
    /** The longest a turn of the loop spends serializing a background save. */
    static final long SLICE_NANOS = 1_000_000;

    private final Config config;
    private final Databases databases;
    private final Clock clock;
    private final LongSupplier usedMemory;
    private final String redisVersion;
    private final long pid = ProcessId.current();
    private PersistenceLog log = PersistenceLog.NONE;

    private long dirtyAtLastSave;
    private long lastSaveSeconds;
    private long lastBgsaveTrySeconds;
    private boolean lastBgsaveOk = true;
    private long rdbSaves;
    private long lastBgsaveTimeSec = -1;
    private long lastLoadKeysLoaded;
    private long lastLoadKeysExpired;

    /** The running BGSAVE (or full synchronisation's stream), until its outcome is collected; null otherwise. */
    private SnapshotRun running;
    /** What {@link #running} writes: the dump file, or the replicas' sockets. */
    private SnapshotTarget runningTarget;
    private BackgroundSaveListener listener = new BackgroundSaveListener() { // not a lambda: see Config
        @Override
        public void backgroundSaveDone(boolean toReplicas, boolean ok) {
        }
    };
    /** The running AOF rewrite's base, until its file is written; its outcome is the AOF's to collect. */
    private SnapshotRun aofBase;
    private long lastCowBytes;
    private long lastHandedOverAhead;
    private long bigValueBytes = BackgroundSnapshot.BIG_VALUE_BYTES;
    /** The background snapshots' chunk buffers, kept from one to the next. */
    private final ChunkBuffers chunks = new ChunkBuffers();
    private long bgsaveStartMillis;
    private long dirtyAtBgsaveStart;

    private int lastLoadStreamDb = -1;
    /** The master's snapshot being loaded, while it is. */
    private LoadingProgress loading;

    public Persistence(Config config, Databases databases, Clock clock, LongSupplier usedMemory, String redisVersion) {
        this.config = config;
        this.databases = databases;
        this.clock = clock;
        this.usedMemory = usedMemory;
        this.redisVersion = redisVersion;
        this.lastSaveSeconds = clock.millis() / 1000;
    }

    public void log(PersistenceLog log) {
        this.log = log;
    }

    /** Told when a background save ends, on the loop: replication sends the file, or finishes the stream. */
    public interface BackgroundSaveListener {
        /** @param toReplicas the snapshot went to replicas' sockets, not to the dump file */
        void backgroundSaveDone(boolean toReplicas, boolean ok);
    }

    public void listener(BackgroundSaveListener listener) {
        this.listener = listener;
    }

    // ---- figures for INFO and LASTSAVE

    public long changesSinceLastSave() {
        return databases.stats().dirty - dirtyAtLastSave;
    }

    public long lastSaveSeconds() {
        return lastSaveSeconds;
    }

    public boolean backgroundSaveInProgress() {
        return running != null;
    }

    public boolean lastBackgroundSaveOk() {
        return lastBgsaveOk;
    }

    public long lastBackgroundSaveSeconds() {
        return lastBgsaveTimeSec;
    }

    public long currentBackgroundSaveSeconds() {
        return running == null ? -1 : (clock.millis() - bgsaveStartMillis) / 1000;
    }

    /** rdb_last_cow_size: bytes of entries the last background save wrote ahead of its walk because of a change. */
    public long lastCowBytes() {
        return lastCowBytes;
    }

    public long saves() {
        return rdbSaves;
    }

    public long lastLoadKeysLoaded() {
        return lastLoadKeysLoaded;
    }

    public long lastLoadKeysExpired() {
        return lastLoadKeysExpired;
    }

    /** Redis's writeCommandsDeniedByDiskError: the last background save failed and save points exist. */
    public boolean writesRefused() {
        return !lastBgsaveOk && config.getBoolean("stop-writes-on-bgsave-error")
                && !SavePoints.parse(config.get("save")).isEmpty();
    }

    /**
     * True while a snapshot of either kind has work left (Redis's hasActiveChildProcess): a new background
     * save waits, since the keyspace can hold one cut at a time.
     */
    public boolean snapshotActive() {
        if (aofBase != null && aofBase.done()) {
            aofBase = null;
        }
        return running != null || aofBase != null;
    }

    /** True when save points are configured, so SHUTDOWN and SIGTERM save first. */
    public boolean hasSavePoints() {
        return !SavePoints.parse(config.get("save")).isEmpty();
    }

    // ---- saving

    /**
     * SAVE (and SHUTDOWN's final save, DEBUG RELOAD): the whole snapshot written on this thread, after any
     * background save has finished, since both write the same temporary file.
     */
    public boolean save() {
        awaitBackgroundSave();
        long dirtyBefore = databases.stats().dirty;
        try {
            RdbFileStore.write(image(), dir(), config.get("dbfilename"), "temp-" + pid + ".rdb", rdbAutosyncBytes());
        } catch (RdbFileStore.SaveFailure e) {
            log.warning(e.getMessage());
            return false;
        } catch (IllegalStateException e) {
            log.warning("Error saving DB: " + e.getMessage());
            return false;
        }
        log.notice("DB saved on disk");
        saved(dirtyBefore);
        return true;
    }

    /** rdb-save-incremental-fsync: how often a save syncs what it has written, 0 for only at the end. */
    private long rdbAutosyncBytes() {
        return config.getBoolean("rdb-save-incremental-fsync") ? AUTOSYNC_BYTES : 0;
    }

    private void saved(long dirtyBefore) {
        dirtyAtLastSave = dirtyBefore;
        lastSaveSeconds = clock.millis() / 1000;
        lastBgsaveOk = true;
        rdbSaves++;
    }

    /** What BGSAVE did. */
    public enum BackgroundStart { STARTED, ALREADY_IN_PROGRESS, FAILED }

    /**
     * BGSAVE [SCHEDULE]. With no other kind of background child (no AOF rewrite), SCHEDULE changes nothing:
     * as in Redis, a save already running is reported as such even with SCHEDULE.
     */
    public BackgroundStart backgroundSave() {
        if (snapshotActive()) {
            return BackgroundStart.ALREADY_IN_PROGRESS;
        }
        return startBackgroundSave() ? BackgroundStart.STARTED : BackgroundStart.FAILED;
    }

    private boolean startBackgroundSave() {
        return startBackgroundSave(null);
    }

    private boolean startBackgroundSave(RdbSnapshot.ReplicationAux replication) {
        lastBgsaveTrySeconds = clock.millis() / 1000;
        dirtyAtBgsaveStart = databases.stats().dirty;
        bgsaveStartMillis = clock.millis();
        running = startRdbSnapshot(new SnapshotFileOutput(dir(), config.get("dbfilename"), "temp-" + pid + ".rdb",
                SnapshotTarget.DUMP_FILE), SnapshotTarget.DUMP_FILE, rdbAutosyncBytes(), replication);
        runningTarget = SnapshotTarget.DUMP_FILE;
        log.notice("Background saving started by pid " + pid);
        return true;
    }

    /**
     * A full synchronisation's BGSAVE with disk target (startBgsaveForReplication): the dump file, as BGSAVE
     * writes it, which replication then sends. False if another background snapshot is running. The file
     * carries the replication AUX fields (the stream's database, replication id and offset at the cut).
     */
    public boolean backgroundSaveForReplication(int streamDb, String replid, long offset) {
        if (snapshotActive()) {
            return false;
        }
        return startBackgroundSave(new RdbSnapshot.ReplicationAux(streamDb, replid, offset));
    }

    /**
     * A diskless full synchronisation's snapshot (rdbSaveToSlavesSockets): the cut is taken now, so the
     * caller's replication offset read in the same turn is the one it stands for; the bytes come out of the
     * returned stream. Null if another background snapshot is running. Occupies the BGSAVE slot, as Redis's
     * RDB child does: BGSAVE meanwhile answers "Background save already in progress".
     */
    public SnapshotStream startReplicaStream(int streamDb, String replid, long offset) {
        if (snapshotActive()) {
            return null;
        }
        lastBgsaveTrySeconds = clock.millis() / 1000;
        dirtyAtBgsaveStart = databases.stats().dirty;
        bgsaveStartMillis = clock.millis();
        SnapshotStream stream = new SnapshotStream();
        running = startRdbSnapshot(stream, SnapshotTarget.REPLICA_STREAM, 0,
                new RdbSnapshot.ReplicationAux(streamDb, replid, offset));
        runningTarget = SnapshotTarget.REPLICA_STREAM;
        log.notice("Background RDB transfer started by pid " + pid);
        return stream;
    }

    /** True while the running background save writes the dump file (a replica may share it). */
    public boolean diskSaveInProgress() {
        return running != null && runningTarget == SnapshotTarget.DUMP_FILE;
    }

    /** True while the running background save streams to replicas (a new replica waits for the next). */
    public boolean replicaStreamInProgress() {
        return running != null && runningTarget == SnapshotTarget.REPLICA_STREAM;
    }

    /** The last replica of a diskless transfer is gone: as Redis kills the child, the snapshot is abandoned. */
    public void abortReplicaStream() {
        if (replicaStreamInProgress()) {
            log.warning("Diskless rdb transfer, last replica dropped, killing fork child.");
            running.abort();
            running = null;
            lastBgsaveTimeSec = (clock.millis() - bgsaveStartMillis) / 1000;
        }
    }

    /** A background snapshot as an RDB image, its AUX fields as rdbSaveInfoAuxFields writes them. */
    private SnapshotRun startRdbSnapshot(SnapshotOutput output, SnapshotTarget target, long autosyncBytes,
            RdbSnapshot.ReplicationAux replication) {
        RdbSnapshotEncoder file = RdbSnapshotEncoder.file(limits(), config.getBoolean("rdbcompression"), chunks);
        file.header().aux("redis-ver", redisVersion)
                .aux("redis-bits", 64)
                .aux("ctime", clock.millis() / 1000)
                .aux("used-mem", usedMemory.getAsLong());
        if (replication != null) { // rdbPopulateSaveInfo's fields, in rdbSaveInfoAuxFields's order
            file.header().aux("repl-stream-db", replication.streamDb())
                    .aux("repl-id", replication.replid())
                    .aux("repl-offset", replication.offset());
        }
        file.header().aux("aof-base", target.aofBase() ? 1 : 0);
        return startSnapshot(output, target, autosyncBytes, file);
    }

    private SnapshotRun startSnapshot(SnapshotOutput output, SnapshotTarget target, long autosyncBytes,
            SnapshotEncoder file) {
        SnapshotFileWriter disk = new SnapshotFileWriter(output, config.getBoolean("rdbchecksum"), file.fragment(),
                target, autosyncBytes, chunks);
        BackgroundSnapshot snapshot = BackgroundSnapshot.start(databases, file, disk, bigValueBytes);
        return new SnapshotRun(snapshot, disk.outcome(), target);
    }

    /**
     * An AOF rewrite's new base, written by the background snapshot as BGSAVE's file is: an RDB whose
     * aof-base AUX field says so, or with {@code commandForm} (aof-use-rdb-preamble no) the commands that
     * rebuild the dataset, into {@code dir}/{@code tempName}, fsynced and renamed to {@code fileName} by the
     * writer thread. The caller checks first that no background save runs, and collects the outcome once the
     * run is {@link SnapshotRun#done}.
     *
     * @param autosyncBytes fsync every this many bytes while writing (aof-rewrite-incremental-fsync), 0 never
     */
    public SnapshotRun startAofBase(Path dir, String fileName, String tempName, long autosyncBytes,
            boolean commandForm) {
        if (snapshotActive()) {
            throw new IllegalStateException("a background snapshot is already running");
        }
        SnapshotFileOutput output = new SnapshotFileOutput(dir, fileName, tempName, SnapshotTarget.AOF_BASE);
        aofBase = commandForm
                ? startSnapshot(output, SnapshotTarget.AOF_BASE, autosyncBytes, new CommandFormEncoder())
                : startRdbSnapshot(output, SnapshotTarget.AOF_BASE, autosyncBytes, null);
        return aofBase;
    }

    /** The run whose walk still has entries to serialize on the loop, or null. */
    private SnapshotRun walking() {
        if (running != null && running.serializing()) {
            return running;
        }
        return aofBase != null && aofBase.serializing() ? aofBase : null;
    }

    /** True while a background snapshot has serializing to do this turn (the loop then does not sleep). */
    public boolean snapshotSliceReady() {
        SnapshotRun run = walking();
        return run != null && run.sliceReady();
    }

    /**
     * True while a background snapshot's cut is installed, so a command about to run may first have to
     * hand a big value to the writer thread and wait ({@code Keyspace.snapshotHolds}).
     */
    public boolean snapshotCutInstalled() {
        return walking() != null;
    }

    /** Big values the running (else the last) BGSAVE handed to its writer thread ahead of its walk. */
    public long bigValuesHandedOverAhead() {
        return running != null ? running.handedOverAhead() : lastHandedOverAhead;
    }

    /** True while a background snapshot is still serializing, even if it waits for the disk. */
    public boolean snapshotSerializing() {
        return walking() != null;
    }

    /**
     * One turn's slice of a running background snapshot (a BGSAVE's or an AOF rewrite's); called by the loop
     * between serving clients.
     */
    public void snapshotSlice() {
        SnapshotRun run = walking();
        if (run != null) {
            run.slice(SLICE_NANOS);
        }
    }

    /** The background snapshots' chunk buffers (tests). */
    ChunkBuffers chunkBuffers() {
        return chunks;
    }

    /** Tests make small values count as big, so they go through the writer thread too. */
    void bigValues(long bytes) {
        bigValueBytes = bytes;
    }

    /** A few steps of a running background snapshot's walk, for tests that interleave changes with it. */
    public void snapshotSteps(int n) {
        SnapshotRun run = walking();
        if (run != null) {
            run.steps(n);
        }
    }

    /**
     * Blocks until a running background save ends and collects it (DEBUG RELOAD and SAVE's callers, tests):
     * whatever the snapshot has left is serialized at once.
     */
    public void awaitBackgroundSave() {
        if (running != null) {
            running.finish();
            collectBackgroundSave();
        }
    }

    /**
     * SHUTDOWN and SIGTERM: as Redis's prepareForShutdown kills a saving child, the running background
     * save is abandoned and its temporary file removed; the shutdown's own save follows if one is due.
     */
    public void abortBackgroundSave() {
        if (running == null) {
            return;
        }
        log.warning("There is a child saving an .rdb. Killing it!");
        running.abort();
        running = null;
    }

    private void collectBackgroundSave() {
        String failure = running.failure();
        lastCowBytes = running.cowBytes();
        lastHandedOverAhead = running.handedOverAhead();
        running = null;
        lastBgsaveTimeSec = (clock.millis() - bgsaveStartMillis) / 1000;
        if (runningTarget == SnapshotTarget.REPLICA_STREAM) {
            // backgroundSaveDoneHandlerSocket: the dump file, LASTSAVE and the dirty count are not concerned
            if (failure == null) {
                log.notice("Background RDB transfer terminated with success");
            } else {
                log.warning(failure);
                log.warning("Background transfer error");
            }
            listener.backgroundSaveDone(true, failure == null);
            return;
        }
        if (failure == null) {
            log.notice("DB saved on disk");
            log.notice("Background saving terminated with success");
            saved(dirtyAtBgsaveStart);
        } else {
            log.warning(failure);
            log.warning("Background saving error");
            lastBgsaveOk = false;
        }
        listener.backgroundSaveDone(false, failure == null);
    }

    /** On every tick: a finished background save, a scheduled one, or a due save point. */
    public void cron(long nowMillis) {
        if (running != null && running.done()) {
            collectBackgroundSave();
        }
        if (snapshotActive()) {
            return;
        }
        SavePoints points = SavePoints.parse(config.get("save"));
        long now = nowMillis / 1000;
        int due = points.due(changesSinceLastSave(), now - lastSaveSeconds);
        if (due >= 0 && (now - lastBgsaveTrySeconds > RETRY_DELAY_SECONDS || lastBgsaveOk)) {
            log.notice(points.changes(due) + " changes in " + points.seconds(due) + " seconds. Saving...");
            startBackgroundSave();
        }
    }

    /** A snapshot of every database as an RDB file image, taken now on this thread (a full resync sends it). */
    public byte[] snapshotBytes() {
        return image().toByteArray();
    }

    /**
     * The image a full synchronisation sends: with the AUX fields that tell the replica which database the
     * stream that follows is in (a replica's replicas get its master's stream, with no SELECT of its own),
     * and the history it continues.
     */
    public byte[] snapshotBytesForReplica(int streamDb, String replid, long offset) {
        return RdbSnapshot.take(databases, limits(), config.getBoolean("rdbcompression"),
                config.getBoolean("rdbchecksum"), clock.millis(), usedMemory.getAsLong(), redisVersion, false,
                new RdbSnapshot.ReplicationAux(streamDb, replid, offset)).toByteArray();
    }

    /** The repl-stream-db AUX field of the last snapshot loaded, -1 if it had none. */
    public int lastLoadStreamDb() {
        return lastLoadStreamDb;
    }

    private RdbFileWriter image() {
        return RdbSnapshot.take(databases, limits(), config.getBoolean("rdbcompression"),
                config.getBoolean("rdbchecksum"), clock.millis(), usedMemory.getAsLong(), redisVersion, false);
    }

    /**
     * A point-in-time image for an AOF's base file built in one go: an RDB whose aof-base AUX field says so
     * (at start-up, before clients are served).
     */
    public RdbFileWriter aofBaseImage() {
        return RdbSnapshot.take(databases, limits(), config.getBoolean("rdbcompression"),
                config.getBoolean("rdbchecksum"), clock.millis(), usedMemory.getAsLong(), redisVersion, true);
    }

    /**
     * An AOF base in command form built in one go (at start-up, before clients are served): what Redis's
     * rewriteAppendOnlyFileRio writes with aof-use-rdb-preamble no.
     */
    public byte[] aofBaseCommands() {
        return CommandFormEncoder.wholeDataset(databases);
    }

    private EncodingLimits limits() {
        return new EncodingLimits((int) config.getLong("list-max-listpack-size"),
                EncodingLimits.DEFAULTS.listPackedThreshold(), (int) config.getLong("set-max-intset-entries"),
                (int) config.getLong("hash-max-listpack-entries"), (int) config.getLong("hash-max-listpack-value"),
                (int) config.getLong("zset-max-listpack-entries"), (int) config.getLong("zset-max-listpack-value"));
    }

    private Path dir() {
        return Path.of(config.get("dir"));
    }

    // ---- loading

    /** Why a file could not be loaded; the message is the line to log. */
    public static final class LoadFailure extends Exception {
        LoadFailure(String message) {
            super(message);
        }
    }

    /**
     * Loads {@code dir}/{@code dbfilename} if it exists, replacing every database only once the whole file
     * was read; false if there is no file. Logs Redis's lines.
     */
    public boolean load() throws LoadFailure {
        long start = System.nanoTime();
        Path file = dir().resolve(config.get("dbfilename"));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new LoadFailure("Fatal error loading the DB: " + e.getMessage() + ". Exiting.");
        }
        loadImage(bytes);
        log.notice(String.format(Locale.ROOT, "DB loaded from disk: %.3f seconds", (System.nanoTime() - start) / 1e9));
        return true;
    }

    /**
     * Replaces every database with an RDB image's contents (the dump file, or an AOF's RDB base), only once
     * the whole image was read; logs Redis's rdbLoad lines. Returns where the image ended in {@code bytes}
     * (an old-style AOF goes on with commands after its RDB preamble).
     */
    public int loadImage(byte[] bytes) throws LoadFailure {
        return loadImage(bytes, false, null);
    }

    /**
     * The snapshot a master sent, saved as the dump file: loaded as {@link #loadImage} does, except that keys
     * past their deadline stay (the master's DELs remove them); false if it could not be read, logged.
     */
    public boolean loadFromMaster(Path file, Runnable events) {
        LoadingProgress progress = new LoadingProgress(events);
        try {
            byte[] bytes = Files.readAllBytes(file);
            progress.start(clock.millis() / 1000, bytes.length);
            loading = progress;
            loadImage(bytes, true, progress);
        } catch (IOException e) {
            log.warning("Failed trying to load the MASTER synchronization DB from disk: " + e.getMessage());
            return false;
        } catch (LoadFailure e) {
            log.warning(e.getMessage());
            return false;
        } finally {
            loading = null;
        }
        return true;
    }

    /** The figures of the load under way that clients can watch (INFO's loading_*), or null. */
    public LoadingProgress loadingProgress() {
        return loading;
    }

    private int loadImage(byte[] bytes, boolean keepExpired, LoadingProgress progress) throws LoadFailure {
        Databases staging = new Databases(databases.count(), clock, io.nioredis.store.SipHash.PROCESS);
        RdbLoader loaded;
        try {
            loaded = RdbLoader.load(bytes, staging, clock.millis(), config.getLong("set-max-intset-entries"),
                    (int) config.getLong("list-max-listpack-size"), keepExpired, progress,
                    new PackedLimits(config.getLong("hash-max-listpack-entries"), config.getLong("hash-max-listpack-value"),
                            config.getLong("zset-max-listpack-entries"), config.getLong("zset-max-listpack-value")));
        } catch (RdbFormatException e) {
            log.warning(e.getMessage());
            throw new LoadFailure("Fatal error loading the DB: Invalid argument. Exiting.");
        }
        for (int i = 0; i < databases.count(); i++) {
            databases.get(i).clear();
            databases.get(i).swapContents(staging.get(i));
        }
        if (!loaded.producedBy.isEmpty()) {
            log.notice("Loading RDB produced by version " + loaded.producedBy);
        }
        if (loaded.ctime >= 0) {
            log.notice("RDB age " + Math.max(0, clock.millis() / 1000 - loaded.ctime) + " seconds");
        }
        if (loaded.usedMemory >= 0) {
            log.notice(String.format(Locale.ROOT, "RDB memory usage when created %.2f Mb",
                    loaded.usedMemory / (1024.0 * 1024)));
        }
        if (loaded.aofBase) {
            log.notice("RDB is base AOF");
        }
        log.notice("Done loading RDB, keys loaded: " + loaded.keysLoaded + ", keys expired: " + loaded.keysExpired + ".");
        lastLoadKeysLoaded = loaded.keysLoaded;
        lastLoadStreamDb = loaded.streamDb;
        lastLoadKeysExpired = loaded.keysExpired;
        dirtyAtLastSave = databases.stats().dirty;
        lastSaveSeconds = clock.millis() / 1000;
        return loaded.length;
    }
}

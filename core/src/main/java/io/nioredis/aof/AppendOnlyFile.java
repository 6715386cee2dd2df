package io.nioredis.aof;

import io.nioredis.store.ProcessId;
import io.nioredis.config.Config;
import io.nioredis.persistence.Persistence;
import io.nioredis.persistence.PersistenceLog;
import io.nioredis.persistence.SnapshotRun;
import io.nioredis.propagation.PropagationSink;
import io.nioredis.propagation.Propagator;
import io.nioredis.store.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The append-only file in Redis 7.0's multi-part form: a directory holding a base file (an RDB image, or
 * commands with aof-use-rdb-preamble no), the incremental files of commands written since, and the
 * manifest that lists them. Receives every write's effects as a {@link PropagationSink}, buffers them for
 * the turn (Redis's aof_buf) and writes them before any reply of the turn goes out ({@link #beforeReplies});
 * with {@code appendfsync always} they are also fsynced there, once for the whole turn, with
 * {@code everysec} a background thread fsyncs at most once a second. Owned by the event loop.
 *
 * <p>A rewrite (BGREWRITEAOF, CONFIG SET appendonly yes, the auto-rewrite) switches the appending to a new
 * incremental file and cuts a point-in-time snapshot for the new base in the same turn, so the new base
 * plus the new incremental file hold exactly the dataset. The base is written by the fork-less background
 * snapshot BGSAVE uses ({@link SnapshotRun}): serialized on the loop a slice per turn, written, fsynced
 * and renamed by a writer thread. When the run is done, {@link #cron} switches the manifest atomically and
 * deletes the old files, on the loop.
 */
public final class AppendOnlyFile implements PropagationSink {
    /** Redis's aof_state. */
    public enum State { OFF, ON, WAIT_REWRITE }

    /** What BGREWRITEAOF did. */
    public enum RewriteStart { STARTED, SCHEDULED, ALREADY_IN_PROGRESS, FAILED }

    private final Config config;
    private final Persistence persistence;
    private final Clock clock;
    private final Propagator propagator;
    private final long pid = ProcessId.current();
    private PersistenceLog log = PersistenceLog.NONE;
    /** Redis exits on an AOF error it cannot recover from (write or fsync errors with appendfsync always). */
    private IntConsumer exit = new IntConsumer() { // the classes below are not lambdas: start-up code (see Config)
        @Override
        public void accept(int status) {
            throw new IllegalStateException("The server had to exit with status " + status);
        }
    };

    private State state = State.OFF;
    private AofManifest manifest = new AofManifest();
    private FileChannel incr;
    private final AofBuffer buffer = new AofBuffer();
    private int selectedDb = -1;
    private long currentSize;
    private long rewriteBaseSize;
    private long syncedSize;
    private long lastFsyncMillis;
    private boolean lastWriteOk = true;
    private String lastWriteError = "";
    private long delayedFsyncs;
    private AofFsyncer fsyncer;
    private FsyncPolicy policy;

    // The rewrite in progress, if any.
    private SnapshotRun rewrite;
    private AofManifest.Entry rewriteFirstIncr;
    private Path rewriteTemp;
    /** The running rewrite writes its base as an RDB image (aof-use-rdb-preamble yes when it started). */
    private boolean rewriteRdbBase;
    private long rewriteStartMillis;
    private boolean rewriteScheduled;
    private boolean lastRewriteOk = true;
    private long rewrites;
    private long consecutiveRewriteFailures;
    private long lastRewriteTimeSec = -1;
    private boolean bgsaveScheduled;
    private long lastRewriteFailureMillis;
    private long lastCowBytes;

    enum FsyncPolicy { ALWAYS, EVERYSEC, NO }


    public AppendOnlyFile(Config config, Persistence persistence, Clock clock, Propagator propagator) {
        this.config = config;
        this.propagator = propagator;
        this.persistence = persistence;
        this.clock = clock;
        this.policy = policy(config);
        config.addListener(new Config.Listener() {
            @Override
            public void changed(String name) {
                if (name.equals("appendfsync")) {
                    policy = policy(config);
                }
            }
        });
        config.setApplier("appendonly", new Config.Applier() {
            @Override
            public String apply() {
                return applyAppendonly();
            }
        });
    }

    public void log(PersistenceLog log) {
        this.log = log;
    }

    /** How to end the process when Redis would exit(1); the default throws, for an embedded server. */
    public void exit(IntConsumer exit) {
        this.exit = exit;
    }

    private static FsyncPolicy policy(Config config) {
        return switch (config.get("appendfsync")) {
            case "always" -> FsyncPolicy.ALWAYS;
            case "no" -> FsyncPolicy.NO;
            default -> FsyncPolicy.EVERYSEC;
        };
    }

    // ---- where the files are

    private Path dir() {
        return Path.of(config.get("dir")).resolve(config.get("appenddirname"));
    }

    private String fileName() {
        return config.get("appendfilename");
    }

    private String manifestName() {
        return fileName() + AofManifest.MANIFEST_SUFFIX;
    }

    private String tempIncrName() {
        return "temp-" + fileName() + AofManifest.INCR_SUFFIX;
    }

    // ---- figures for INFO

    public State state() {
        return state;
    }

    public boolean enabled() {
        return state != State.OFF;
    }

    public boolean rewriteInProgress() {
        return rewrite != null;
    }

    public boolean rewriteScheduled() {
        return rewriteScheduled;
    }

    public long lastRewriteTimeSec() {
        return lastRewriteTimeSec;
    }

    public long currentRewriteTimeSec() {
        return rewrite == null ? -1 : (clock.millis() - rewriteStartMillis) / 1000;
    }

    /** aof_last_cow_size: bytes the last rewrite's base wrote ahead of its walk because a change came to them. */
    public long lastCowBytes() {
        return lastCowBytes;
    }

    public boolean lastRewriteOk() {
        return lastRewriteOk;
    }

    public long rewrites() {
        return rewrites;
    }

    public long consecutiveRewriteFailures() {
        return consecutiveRewriteFailures;
    }

    public boolean lastWriteOk() {
        return lastWriteOk && (fsyncer == null || fsyncer.failure() == null);
    }

    public long currentSize() {
        return currentSize;
    }

    public long baseSize() {
        return rewriteBaseSize;
    }

    public int bufferLength() {
        return buffer.size();
    }

    public boolean fsyncPending() {
        return fsyncer != null && fsyncer.pending();
    }

    public long delayedFsyncs() {
        return delayedFsyncs;
    }

    /**
     * Redis's writeCommandsDeniedByDiskError for the AOF: the reason writes are refused (the errno text of
     * the failed write or background fsync), or null when they are not.
     */
    public String writeRefusal() {
        if (state == State.OFF) {
            return null;
        }
        if (!lastWriteOk) {
            return lastWriteError;
        }
        return fsyncer == null ? null : fsyncer.failure();
    }

    // ---- appending

    @Override
    public void propagate(int db, List<byte[][]> commands) {
        if (state == State.OFF || incr == null) {
            return;
        }
        if (db != selectedDb) {
            buffer.select(db);
            selectedDb = db;
        }
        for (int i = 0; i < commands.size(); i++) {
            buffer.command(commands.get(i));
        }
    }

    /**
     * Before any reply of this turn reaches a socket (Redis's flushAppendOnlyFile in beforeSleep): writes the
     * buffered commands, and with {@code appendfsync always} fsyncs them, so an acknowledged write is on disk.
     */
    public void beforeReplies() {
        if (incr == null || (buffer.size() == 0 && (policy != FsyncPolicy.ALWAYS || syncedSize == currentSize))) {
            return;
        }
        flush();
    }

    private void flush() {
        if (buffer.size() > 0 && !writeBuffer()) {
            return;
        }
        if (syncedSize == currentSize) {
            return;
        }
        if (rewrite != null && config.getBoolean("no-appendfsync-on-rewrite")) {
            return;
        }
        long now = clock.millis();
        switch (policy) {
            case ALWAYS -> {
                try {
                    incr.force(false);
                } catch (IOException e) {
                    log.warning("Can't persist AOF for fsync error when the AOF fsync policy is 'always': "
                            + AofFiles.reason(e) + ". Exiting...");
                    exit.accept(1);
                    return;
                }
                syncedSize = currentSize;
                lastFsyncMillis = now;
            }
            case EVERYSEC -> {
                if (now - lastFsyncMillis >= 1000) {
                    if (fsyncer == null) {
                        fsyncer = new AofFsyncer();
                    }
                    if (fsyncer.request(incr)) {
                        syncedSize = currentSize;
                        lastFsyncMillis = now;
                    } else if (now - lastFsyncMillis >= 2000) {
                        delayedFsyncs++; // Redis's aof_delayed_fsync: the disk is behind by more than 2 s
                        lastFsyncMillis = now;
                        log.notice("Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF"
                                + " buffer without waiting for fsync to complete, this may slow down Redis.");
                    }
                }
            }
            case NO -> { }
        }
    }

    /** Writes the buffer to the incremental file; false (and the buffer kept) if the write failed. */
    private boolean writeBuffer() {
        ByteBuffer bytes = buffer.view();
        int expected = bytes.remaining();
        try {
            while (bytes.hasRemaining()) {
                incr.write(bytes);
            }
        } catch (IOException e) {
            int written = expected - bytes.remaining();
            String reason = AofFiles.reason(e);
            if (written > 0) {
                log.warning("Short write while writing to the AOF file: (nwritten=" + written + ", expected="
                        + expected + ")");
            } else {
                log.warning("Error writing to the AOF file: " + reason);
            }
            try {
                incr.truncate(currentSize); // drop the partial command so a retry writes it whole
            } catch (IOException t) {
                log.warning("Could not remove short write from the append-only file.  Redis may refuse to load"
                        + " the AOF the next time it starts.  ftruncate: " + AofFiles.reason(t));
            }
            if (policy == FsyncPolicy.ALWAYS) {
                log.warning("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
                exit.accept(1);
                return false;
            }
            lastWriteOk = false;
            lastWriteError = reason;
            return false;
        }
        currentSize += expected;
        buffer.clear();
        if (!lastWriteOk) {
            log.warning("AOF write error looks solved, Redis can write again.");
            lastWriteOk = true;
        }
        return true;
    }

    // ---- start-up

    /**
     * With {@code appendonly yes} at start-up: loads the files the manifest names (instead of the RDB file),
     * then opens the AOF for appending, creating a base and an incremental file when there are none, as
     * Redis's loadDataFromDisk and aofOpenIfNeededOnServerStart do.
     *
     * @throws IOException with the reason the server cannot start (already logged)
     */
    public void loadAndOpen(AofReplay replay) throws IOException {
        Path dir = dir();
        try {
            manifest = readManifest(dir);
        } catch (AofManifest.InvalidManifest e) {
            log.warning(e.getMessage());
            throw new IOException(e.getMessage());
        }
        upgradeOldStyleFile(dir);
        AofLoader loader = new AofLoader(dir, persistence, replay, log, config.getBoolean("aof-load-truncated"))
                .oldStyleName(fileName());
        try {
            loader.load(manifest);
        } catch (AofLoader.Failure e) {
            throw new IOException(e.getMessage());
        }
        currentSize = loader.totalSize;
        rewriteBaseSize = loader.baseSize;
        try {
            Files.createDirectories(dir);
            boolean changed = false;
            if (manifest.isEmpty()) {
                AofManifest.Entry base = manifest.newBase(fileName(), config.getBoolean("aof-use-rdb-preamble"));
                writeBaseNow(dir.resolve(base.fileName()));
                log.notice("Creating AOF base file " + base.fileName() + " on server start");
                changed = true;
            }
            if (manifest.incrs().isEmpty()) {
                AofManifest.Entry e = manifest.newIncr(fileName());
                incr = AofFiles.openForAppend(dir.resolve(e.fileName()));
                log.notice("Creating AOF incr file " + e.fileName() + " on server start");
                changed = true;
            } else {
                AofManifest.Entry last = manifest.incrs().get(manifest.incrs().size() - 1);
                incr = AofFiles.openForAppend(dir.resolve(last.fileName()));
                log.notice("Opening AOF incr file " + last.fileName() + " on server start");
            }
            if (changed) {
                AofFiles.writeManifest(dir, manifestName(), manifest.format());
            }
        } catch (IOException e) {
            String reason = AofFiles.reason(e);
            log.warning("Can't open the append-only file " + dir + ": " + reason);
            throw new IOException(reason, e);
        }
        syncedSize = currentSize;
        lastFsyncMillis = clock.millis();
        selectedDb = -1;
        state(State.ON);
    }

    /** Every change of state goes here: the sink is attached exactly while the AOF is not off. */
    private void state(State next) {
        if (state == State.OFF && next != State.OFF) {
            propagator.attach(this);
        } else if (state != State.OFF && next == State.OFF) {
            propagator.detach(this);
        }
        state = next;
    }

    /**
     * Redis 7.0's loadAppendOnlyFiles/aofUpgradePrepare: an {@code appendfilename} in {@code dir} (a single
     * AOF as Redis before 7.0 wrote it) is moved into the AOF directory as the base, RDB preamble or plain
     * commands as it is, when the directory does not exist, has no manifest, or its manifest names only
     * that file as base and the directory does not hold it yet (an upgrade interrupted before the move).
     */
    private void upgradeOldStyleFile(Path dir) throws IOException {
        Path old = Path.of(config.get("dir")).resolve(fileName());
        if (!Files.isRegularFile(old)) {
            return;
        }
        AofManifest.Entry base = manifest.base();
        boolean upgrade = !Files.isDirectory(dir) || manifest.isEmpty()
                || (base != null && manifest.incrs().isEmpty() && base.fileName().equals(fileName())
                    && !Files.exists(dir.resolve(fileName())));
        if (!upgrade) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String line = "Can't open or create append-only dir " + config.get("appenddirname") + ": "
                    + AofFiles.reason(e);
            log.warning(line);
            throw new IOException(line, e);
        }
        manifest.upgradedBase(fileName());
        try {
            AofFiles.writeManifest(dir, manifestName(), manifest.format());
        } catch (IOException e) {
            String line = "Can't persist the AOF manifest file: " + AofFiles.reason(e);
            log.warning(line);
            throw new IOException(line, e);
        }
        try {
            Files.move(old, dir.resolve(fileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            String line = "Error trying to rename the existing AOF to old AOF file " + fileName() + ": "
                    + AofFiles.reason(e);
            log.warning(line);
            throw new IOException(line, e);
        }
        log.notice("Successfully migrated an old-style AOF file (" + fileName() + ") into the AOF directory ("
                + config.get("appenddirname") + ").");
    }

    private AofManifest readManifest(Path dir) throws AofManifest.InvalidManifest, IOException {
        try {
            return AofManifest.parse(Files.readString(dir.resolve(manifestName()), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new AofManifest();
        }
    }

    /** The first base, of what is loaded so far: an RDB image, or commands with aof-use-rdb-preamble no. */
    private void writeBaseNow(Path target) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (config.getBoolean("aof-use-rdb-preamble")) {
                persistence.aofBaseImage().writeTo(Channels.newOutputStream(out));
            } else {
                ByteBuffer commands = ByteBuffer.wrap(persistence.aofBaseCommands());
                while (commands.hasRemaining()) {
                    out.write(commands);
                }
            }
            out.force(true);
        }
    }

    /**
     * A replica loaded its master's snapshot: the AOF no longer describes the dataset, so it is started anew
     * with a rewrite from what was loaded (Redis's stopAppendOnly before the load, restartAOFAfterSYNC after).
     */
    public void restartAfterSync() {
        if (state == State.OFF) {
            return;
        }
        stop();
        if (!startAppendOnly()) {
            log.warning("Failed enabling the AOF after successful master synchronization!");
        }
    }

    // ---- CONFIG SET appendonly

    private String applyAppendonly() {
        boolean wanted = config.getBoolean("appendonly");
        if (!wanted && state != State.OFF) {
            stop();
        } else if (wanted && state == State.OFF) {
            if (!startAppendOnly()) {
                return "Unable to turn on AOF. Check server logs.";
            }
        }
        return null;
    }

    private boolean startAppendOnly() {
        state(State.WAIT_REWRITE);
        if (persistence.backgroundSaveInProgress()) {
            rewriteScheduled = true;
            log.warning("AOF was enabled but there is already another background operation. An AOF background was"
                    + " scheduled to start when possible.");
        } else {
            if (rewrite != null) {
                log.warning("AOF was enabled but there is already an AOF rewriting in background. Stopping"
                        + " background AOF and starting a rewrite now.");
                abandonRewrite();
            }
            if (!startRewrite()) {
                state(State.OFF);
                log.warning("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation."
                        + " Check the above logs for more info about the error.");
                return false;
            }
        }
        lastFsyncMillis = clock.millis();
        return true;
    }

    /** Redis's stopAppendOnly: the buffer written and fsynced, the file closed, any rewrite dropped. */
    public void stop() {
        if (state == State.OFF) {
            return;
        }
        if (incr != null) {
            if (buffer.size() > 0) {
                writeBuffer();
            }
            closeIncr();
        }
        buffer.clear();
        selectedDb = -1;
        state(State.OFF);
        rewriteScheduled = false;
        abandonRewrite();
    }

    private void closeIncr() {
        if (fsyncer != null) {
            fsyncer.drain();
        }
        try {
            incr.force(false);
            syncedSize = currentSize;
        } catch (IOException e) {
            log.warning("Fail to fsync the AOF file: " + AofFiles.reason(e));
        }
        try {
            incr.close();
        } catch (IOException e) {
            // closing after a successful fsync loses nothing
        }
        incr = null;
    }

    /** SHUTDOWN: what is buffered written and fsynced before the process ends. */
    public void flushForShutdown() {
        if (rewrite != null) {
            log.warning("There is a child rewriting the AOF. Killing it!");
        }
        if (incr != null) {
            log.notice("Calling fsync() on the AOF file.");
            if (buffer.size() > 0) {
                writeBuffer();
            }
            closeIncr();
        }
        if (rewrite != null) {
            abandonRewrite();
        }
    }

    // ---- rewriting

    /** BGREWRITEAOF. */
    public RewriteStart backgroundRewrite() {
        if (rewrite != null) {
            return RewriteStart.ALREADY_IN_PROGRESS;
        }
        if (persistence.backgroundSaveInProgress()) {
            rewriteScheduled = true;
            consecutiveRewriteFailures = 0;
            return RewriteStart.SCHEDULED;
        }
        return startRewrite() ? RewriteStart.STARTED : RewriteStart.FAILED;
    }

    /** BGSAVE while a rewrite runs: whether BGSAVE SCHEDULE may queue one for when it ends. */
    public void scheduleBackgroundSave() {
        bgsaveScheduled = true;
    }

    private boolean startRewrite() {
        Path dir = dir();
        rewriteScheduled = false;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            log.warning("Can't open or create append-only dir " + config.get("appenddirname") + ": "
                    + AofFiles.reason(e));
            lastRewriteOk = false;
            consecutiveRewriteFailures++;
            return false;
        }
        // The new incremental file first: every write from now on goes there, after the image below.
        if (state != State.OFF) {
            if (incr != null && buffer.size() > 0 && !writeBuffer()) {
                lastRewriteOk = false;
                consecutiveRewriteFailures++;
                return false;
            }
            AofManifest next = manifest.copy();
            FileChannel opened;
            AofManifest.Entry first;
            try {
                if (state == State.WAIT_REWRITE) {
                    // A temporary incremental file gathers writes until the first base exists (Redis 7.0).
                    first = null;
                    Path temp = dir.resolve(tempIncrName());
                    Files.deleteIfExists(temp);
                    opened = AofFiles.openForAppend(temp);
                } else {
                    first = next.newIncr(fileName());
                    opened = AofFiles.openForAppend(dir.resolve(first.fileName()));
                    AofFiles.writeManifest(dir, manifestName(), next.format());
                    log.notice("Creating AOF incr file " + first.fileName() + " on background rewrite");
                }
            } catch (IOException e) {
                log.warning("Can't open the append-only file: " + AofFiles.reason(e));
                lastRewriteOk = false;
                consecutiveRewriteFailures++;
                return false;
            }
            if (incr != null) {
                closeIncr();
            }
            incr = opened;
            manifest = next;
            rewriteFirstIncr = first;
            selectedDb = -1;
            syncedSize = currentSize;
        }
        rewriteStartMillis = clock.millis();
        // As Redis's child: the base goes to temp-rewriteaof-<pid>.aof in the server's directory, renamed to
        // temp-rewriteaof-bg-<pid>.aof once whole and fsynced; collectRewrite moves it into the AOF directory.
        Path serverDir = Path.of(config.get("dir"));
        rewriteTemp = serverDir.resolve("temp-rewriteaof-bg-" + pid + ".aof");
        rewriteRdbBase = config.getBoolean("aof-use-rdb-preamble");
        rewrite = persistence.startAofBase(serverDir, rewriteTemp.getFileName().toString(),
                "temp-rewriteaof-" + pid + ".aof",
                config.getBoolean("aof-rewrite-incremental-fsync") ? Persistence.AUTOSYNC_BYTES : 0, !rewriteRdbBase);
        log.notice("Background append only file rewriting started by pid " + pid);
        return true;
    }

    /** Blocks until a running rewrite ends and collects it (DEBUG, tests): the base's walk finished at once. */
    public void awaitRewrite() {
        if (rewrite != null) {
            rewrite.finish();
            collectRewrite();
        }
    }

    /** As Redis kills a rewriting child: the base's writer stopped, its temporary files removed. */
    private void abandonRewrite() {
        if (rewrite == null) {
            return;
        }
        rewrite.abort();
        rewrite = null;
        try {
            Files.deleteIfExists(rewriteTemp);
        } catch (IOException ignored) {
            // a leftover temporary file is overwritten by the next rewrite
        }
    }

    private void collectRewrite() {
        String failure = rewrite.failure();
        lastCowBytes = rewrite.cowBytes();
        rewrite = null;
        lastRewriteTimeSec = (clock.millis() - rewriteStartMillis) / 1000;
        if (failure != null) {
            rewriteFailed(failure);
            return;
        }
        log.notice("Background AOF rewrite terminated with success");
        Path dir = dir();
        AofManifest next = manifest.copy();
        // Named by the form it was written in (Redis names it by the setting at the end, which may differ).
        AofManifest.Entry base = next.newBase(fileName(), rewriteRdbBase);
        try {
            AofFiles.rename(rewriteTemp, dir.resolve(base.fileName()));
        } catch (IOException e) {
            rewriteFailed("Error trying to rename the temporary AOF base file " + rewriteTemp.getFileName()
                    + " into " + base.fileName() + ": " + AofFiles.reason(e));
            return;
        }
        log.notice("Successfully renamed the temporary AOF base file " + rewriteTemp.getFileName() + " into "
                + base.fileName());
        AofManifest.Entry renamedIncr = null;
        if (state == State.WAIT_REWRITE) {
            // Every older incremental file is superseded; the temporary one becomes a real one.
            next.retireIncrsBefore(null);
            renamedIncr = next.newIncr(fileName());
        } else if (state == State.ON) {
            next.retireIncrsBefore(rewriteFirstIncr);
        } else {
            next.retireIncrsBefore(null); // BGREWRITEAOF with the AOF off: the base alone
        }
        try {
            if (renamedIncr != null) {
                AofFiles.rename(dir.resolve(tempIncrName()), dir.resolve(renamedIncr.fileName()));
                log.notice("Successfully renamed the temporary AOF incr file " + tempIncrName() + " into "
                        + renamedIncr.fileName());
            }
            AofFiles.writeManifest(dir, manifestName(), next.format());
        } catch (IOException e) {
            rewriteFailed("Can't persist the AOF manifest file: " + AofFiles.reason(e));
            return;
        }
        manifest = next;
        for (AofManifest.Entry old : manifest.history()) {
            log.notice("Removing the history file " + old.fileName() + " in the background");
            try {
                AofFiles.unlinkInBackground(dir.resolve(old.fileName()));
            } catch (IOException e) {
                log.warning("Failed to remove the history file " + old.fileName() + ": " + AofFiles.reason(e));
            }
        }
        manifest.clearHistory();
        try {
            AofFiles.writeManifest(dir, manifestName(), manifest.format());
        } catch (IOException e) {
            log.warning("Can't persist the AOF manifest file: " + AofFiles.reason(e));
        }
        long incrSize = 0;
        if (!manifest.incrs().isEmpty()) {
            incrSize = AofFiles.sizeOrZero(dir.resolve(manifest.incrs().get(manifest.incrs().size() - 1).fileName()))
                    + buffer.size();
        }
        currentSize = AofFiles.sizeOrZero(dir.resolve(base.fileName())) + incrSize;
        rewriteBaseSize = currentSize;
        syncedSize = Math.min(syncedSize, currentSize);
        if (state == State.WAIT_REWRITE) {
            state(State.ON);
        }
        lastRewriteOk = true;
        consecutiveRewriteFailures = 0;
        rewrites++;
        log.notice("Background AOF rewrite finished successfully");
    }

    /**
     * Redis's aofRewriteLimited: after three failed rewrites in a row the automatic one waits, a minute at
     * first and twice as long after each further failure, up to an hour, so a full disk is not hammered.
     */
    private boolean rewriteLimited(long nowMillis) {
        if (consecutiveRewriteFailures < 3) {
            return false;
        }
        long minutes = Math.min(60, 1L << Math.min(6, consecutiveRewriteFailures - 3));
        if (nowMillis < lastRewriteFailureMillis + minutes * 60_000) {
            return true;
        }
        return false;
    }

    private void rewriteFailed(String why) {
        lastRewriteFailureMillis = clock.millis();
        log.warning(why);
        log.warning("Background AOF rewrite terminated with error");
        lastRewriteOk = false;
        consecutiveRewriteFailures++;
        if (state == State.WAIT_REWRITE) {
            rewriteScheduled = true; // the AOF is still waiting for its first base
        }
        try {
            Files.deleteIfExists(rewriteTemp);
        } catch (IOException ignored) {
            // overwritten by the next rewrite
        }
    }

    /**
     * The AOF's share of serverCron: a finished rewrite collected, a scheduled one started, the automatic
     * rewrite by growth, a failed write retried, and the everysec fsync when a second has passed.
     */
    public void cron(long nowMillis) {
        if (rewrite != null && rewrite.done()) {
            collectRewrite();
        }
        if (rewrite == null && bgsaveScheduled) {
            bgsaveScheduled = false; // BGSAVE SCHEDULE given while the rewrite ran: its turn now
            persistence.backgroundSave();
        }
        boolean busy = rewrite != null || persistence.backgroundSaveInProgress();
        if (!busy && rewriteScheduled) {
            startRewrite();
        } else if (!busy && state == State.ON && !rewriteLimited(nowMillis)) {
            long percentage = config.getLong("auto-aof-rewrite-percentage");
            if (percentage > 0 && currentSize > config.getLong("auto-aof-rewrite-min-size")) {
                long base = rewriteBaseSize > 0 ? rewriteBaseSize : 1;
                long growth = currentSize * 100 / base - 100;
                if (growth >= percentage) {
                    log.notice("Starting automatic rewriting of AOF on " + growth + "% growth");
                    startRewrite();
                }
            }
        }
        if (incr != null) {
            flush();
        }
    }
}

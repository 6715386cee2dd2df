package io.nioredis.persistence;

import io.nioredis.value.PackedLimits;
import io.nioredis.value.RdbConversion;

import io.nioredis.rdb.RdbFileReader;
import io.nioredis.rdb.RdbFormatException;
import io.nioredis.rdb.RdbValue;
import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import java.nio.charset.StandardCharsets;

/**
 * Loads an RDB file image into a fresh set of databases, as rdbLoad does; the caller swaps them in only
 * when the whole file was read, so a corrupt or truncated file never leaves a half-loaded dataset. Keys
 * whose deadline has passed are dropped and counted, as a master does.
 */
final class RdbLoader implements RdbFileReader.Visitor {
    private final Databases staging;
    private final long nowMillis;
    private final long maxIntsetEntries;
    /** list-max-listpack-size, which loaded lists take. */
    private final int listFill;
    /** A replica keeps keys past their deadline: its master's DELs remove them (rdbLoad's iAmMaster check). */
    boolean keepExpired;
    long keysLoaded;
    long keysExpired;
    String producedBy = "";
    long ctime = -1;
    long usedMemory = -1;
    boolean aofBase;
    /** Where the RDB image ended in the bytes it was read from. */
    int length;
    /** repl-stream-db: the database the stream after a replication snapshot is in, -1 if not said. */
    int streamDb = -1;
    /** Told every {@link #PROGRESS_EVERY} keys: a replica's loop serves clients (with -LOADING) meanwhile. */
    LoadingProgress progress;
    /** The listpack limits hashes and sorted sets are loaded under (the configuration's, as Redis). */
    PackedLimits packedLimits = PackedLimits.DEFAULTS;
    private static final int PROGRESS_EVERY = 1024;
    private long entries;

    RdbLoader(Databases staging, long nowMillis, long maxIntsetEntries, int listFill) {
        this.staging = staging;
        this.nowMillis = nowMillis;
        this.maxIntsetEntries = maxIntsetEntries;
        this.listFill = listFill;
    }

    /** Loads the file; sets of integers become intsets within set-max-intset-entries, as in Redis. */
    static RdbLoader load(byte[] file, Databases staging, long nowMillis, long maxIntsetEntries, int listFill)
            throws RdbFormatException {
        return load(file, staging, nowMillis, maxIntsetEntries, listFill, false);
    }

    static RdbLoader load(byte[] file, Databases staging, long nowMillis, long maxIntsetEntries, int listFill,
                          boolean keepExpired) throws RdbFormatException {
        return load(file, staging, nowMillis, maxIntsetEntries, listFill, keepExpired, null);
    }

    static RdbLoader load(byte[] file, Databases staging, long nowMillis, long maxIntsetEntries, int listFill,
                          boolean keepExpired, LoadingProgress progress) throws RdbFormatException {
        return load(file, staging, nowMillis, maxIntsetEntries, listFill, keepExpired, progress, PackedLimits.DEFAULTS);
    }

    static RdbLoader load(byte[] file, Databases staging, long nowMillis, long maxIntsetEntries, int listFill,
                          boolean keepExpired, LoadingProgress progress, PackedLimits packedLimits)
            throws RdbFormatException {
        RdbLoader loader = new RdbLoader(staging, nowMillis, maxIntsetEntries, listFill);
        loader.packedLimits = packedLimits;
        loader.keepExpired = keepExpired;
        loader.progress = progress;
        loader.length = RdbFileReader.read(file, loader);
        return loader;
    }

    @Override
    public void aux(byte[] key, byte[] value) {
        String k = new String(key, StandardCharsets.UTF_8);
        String v = new String(value, StandardCharsets.UTF_8);
        try {
            switch (k) {
                case "redis-ver" -> producedBy = v;
                case "ctime" -> ctime = Long.parseLong(v);
                case "used-mem" -> {
                    usedMemory = Long.parseLong(v);
                    if (progress != null) {
                        progress.rdbUsedMemory(usedMemory);
                    }
                }
                case "aof-base" -> aofBase = Long.parseLong(v) != 0;
                case "repl-stream-db" -> streamDb = Integer.parseInt(v);
                default -> { } // other AUX fields carry nothing a standalone server needs
            }
        } catch (NumberFormatException e) {
            // an odd AUX value is harmless: Redis ignores AUX fields it cannot use
        }
    }

    @Override
    public void resizeDb(int db, long keys, long keysWithExpiry) {
        // nioredis's dicts grow as they go; the hint is not needed
    }

    @Override
    public void bytesRead(int offset) {
        if (progress != null && ++entries % PROGRESS_EVERY == 0) {
            progress.advance(offset);
        }
    }

    @Override
    public void entry(int db, byte[] key, RdbValue value, long expireAtMillis) throws RdbFormatException {
        if (db >= staging.count()) {
            throw new RdbFormatException("FATAL: Data file was created with a Redis server configured to handle more"
                    + " than " + staging.count() + " databases. Exiting");
        }
        if (!keepExpired && expireAtMillis >= 0 && expireAtMillis < nowMillis) {
            keysExpired++;
            return;
        }
        Keyspace keyspace = staging.get(db);
        if (keyspace.peek(key, 0, key.length) >= 0) {
            throw new RdbFormatException("RDB has duplicated key '" + new String(key, StandardCharsets.UTF_8)
                    + "' in DB " + db);
        }
        int slot = RdbConversion.addTo(keyspace, key, value, maxIntsetEntries, listFill, packedLimits);
        if (expireAtMillis >= 0) {
            keyspace.setDeadline(slot, expireAtMillis);
        }
        keysLoaded++;
    }
}

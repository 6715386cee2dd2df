package io.nioredis.persistence;

import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbStreamWriter;
import io.nioredis.store.StringEntry;

/** A snapshot as an RDB image (BGSAVE, a full synchronisation, an AOF base with the RDB preamble). */
final class RdbSnapshotEncoder implements SnapshotEncoder {
    private final RdbStreamWriter file;
    private final EncodingLimits limits;
    private final boolean compression;

    private RdbSnapshotEncoder(RdbStreamWriter file, EncodingLimits limits, boolean compression) {
        this.file = file;
        this.limits = limits;
        this.compression = compression;
    }

    /** A whole file: the magic and version now, the AUX fields through {@link #header}. */
    static RdbSnapshotEncoder file(EncodingLimits limits, boolean compression) {
        return new RdbSnapshotEncoder(new RdbStreamWriter(limits, compression), limits, compression);
    }

    /** Where the AUX fields go, before the first database. */
    RdbStreamWriter header() {
        return file;
    }

    @Override
    public void openDb(int db, long keys, long keysWithExpiry) {
        file.openDb(db, keys, keysWithExpiry);
    }

    @Override
    public void select(int db) {
        file.select(db);
    }

    @Override
    public void entry(Object entry, long deadline) {
        if (entry instanceof byte[] e) {
            file.stringEntry(e, StringEntry.keyOffset(e), StringEntry.keyLength(e), StringEntry.valueOffset(e),
                    StringEntry.valueLength(e), deadline);
        } else {
            file.entry(KeyspaceValues.key(entry), KeyspaceValues.toRdb(entry), deadline);
        }
    }

    @Override
    public void endOfFile() {
        file.endOfFile();
    }

    @Override
    public boolean checksummed() {
        return true;
    }

    @Override
    public SnapshotEncoder fragment() {
        return new RdbSnapshotEncoder(RdbStreamWriter.fragment(limits, compression), limits, compression);
    }

    @Override
    public int pending() {
        return file.pending();
    }

    @Override
    public byte[] takeBytes() {
        return file.takeBytes();
    }

    @Override
    public byte[] handOver(byte[] replacement) {
        return file.handOver(replacement);
    }
}

package io.nioredis.persistence;

import io.nioredis.rdb.ByteSink;
import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbOutput;
import io.nioredis.rdb.RdbStreamWriter;
import io.nioredis.store.StringEntry;
import java.io.IOException;

/** A snapshot as an RDB image (BGSAVE, a full synchronisation, an AOF base with the RDB preamble). */
final class RdbSnapshotEncoder implements SnapshotEncoder {
    private final RdbStreamWriter file;
    private final EncodingLimits limits;
    private final boolean compression;
    /** Writer thread only, made on first use: big values streamed, the walk's framed strings compressed. */
    private ChunkedEntryWriter bigValues;
    private RdbOutput compressed;
    /** Where the file's first buffer and the compressed output's come from and go back to. */
    private final ChunkBuffers chunks;

    private RdbSnapshotEncoder(RdbStreamWriter file, EncodingLimits limits, boolean compression,
            ChunkBuffers chunks) {
        this.file = file;
        this.limits = limits;
        this.compression = compression;
        this.chunks = chunks;
    }

    /**
     * A whole file: the magic and version now, the AUX fields through {@link #header}. With compression the
     * loop leaves LZF to the writer thread: its strings are framed (see RdbOutput.deferringCompression) and
     * {@link #writeChunk} compresses them. Written into buffers from {@code chunks}.
     */
    static RdbSnapshotEncoder file(EncodingLimits limits, boolean compression, ChunkBuffers chunks) {
        RdbStreamWriter file = compression ? RdbStreamWriter.deferringCompression(limits, chunks.take())
                : new RdbStreamWriter(limits, false, chunks.take());
        return new RdbSnapshotEncoder(file, limits, compression, chunks);
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
    public void entry(Object entry, int base, long deadline) {
        if (entry instanceof byte[] e) {
            file.stringEntry(e, StringEntry.keyOffset(e, base), StringEntry.keyLength(e, base),
                    StringEntry.valueOffset(e, base), StringEntry.valueLength(e, base), deadline);
        } else {
            file.entry(KeyspaceValues.key(entry, 0), KeyspaceValues.toRdb(entry, 0), deadline);
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
        return new RdbSnapshotEncoder(RdbStreamWriter.fragment(limits, compression), limits, compression, chunks);
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

    /** Streamed from the live value in pieces of a few tens of KB (see {@link ChunkedEntryWriter}). */
    @Override
    public long writeBig(Object entry, long deadline, ByteSink sink) throws IOException {
        if (bigValues == null) {
            bigValues = new ChunkedEntryWriter(limits, compression);
        }
        return bigValues.write(entry, deadline, sink);
    }

    @Override
    public void writeChunk(byte[] chunk, int length, ByteSink sink) throws IOException {
        if (!compression) {
            sink.write(chunk, length);
            return;
        }
        if (compressed == null) {
            compressed = new RdbOutput(true, chunks.take(), chunks.takeLzf());
        }
        compressed.writeCompressing(chunk, length);
        compressed.flushTo(sink);
    }

    @Override
    public void releaseBuffers() {
        if (compressed != null) {
            chunks.giveLzf(compressed.lzf());
            chunks.give(compressed.handOver(ChunkBuffers.NONE));
            compressed = null;
        }
    }
}

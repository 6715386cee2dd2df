package io.nioredis.persistence;

import io.nioredis.rdb.ByteSink;
import java.io.IOException;

/**
 * The form a background snapshot is serialized in: an RDB image ({@link RdbSnapshotEncoder}) or, for an AOF
 * base with aof-use-rdb-preamble no, the commands that rebuild the dataset ({@link CommandFormEncoder}). The
 * walk writes through it on the loop and takes its bytes in chunks; the writer thread serializes big values
 * with a {@link #fragment} of it.
 */
interface SnapshotEncoder {
    /** A database's first entry follows. */
    void openDb(int db, long keys, long keysWithExpiry);

    /** The next entry is of {@code db}; nothing is written when the stream is in it already. */
    void select(int db);

    /**
     * One keyspace entry (a value, or a string's entry at {@code base} in the array {@code entry});
     * {@code deadline} is unix ms, or negative.
     */
    void entry(Object entry, int base, long deadline);

    /** After the last entry. */
    void endOfFile();

    /** True when the stream ends with the CRC-64 of its bytes (an RDB image). */
    boolean checksummed();

    /** An encoder of entries only, whose bytes go into the middle of this stream. */
    SnapshotEncoder fragment();

    /** Bytes written and not yet taken. */
    int pending();

    /** The bytes written since the last take, now the caller's. */
    byte[] takeBytes();

    /** The buffer holding the {@link #pending} bytes, without a copy; writing goes on into {@code replacement}. */
    byte[] handOver(byte[] replacement);

    /**
     * Writer thread, on a {@link #fragment}: a big entry (a value, or a string entry in an array of its own)
     * to {@code sink}, returning its length. By default
     * serialized whole; an encoder that can streams it in bounded pieces instead.
     */
    default long writeBig(Object entry, long deadline, ByteSink sink) throws IOException {
        entry(entry, 0, deadline);
        byte[] bytes = takeBytes();
        sink.write(bytes, bytes.length);
        return bytes.length;
    }

    /**
     * Writer thread, on a {@link #fragment}: {@code length} bytes the walk handed over, to {@code sink} as
     * the output's bytes (an encoder that left work to this thread, such as compressing, does it here).
     */
    default void writeChunk(byte[] chunk, int length, ByteSink sink) throws IOException {
        sink.write(chunk, length);
    }

    /** Writer thread, on a {@link #fragment}, after the last chunk: buffers it kept go back for the next save. */
    default void releaseBuffers() {}
}

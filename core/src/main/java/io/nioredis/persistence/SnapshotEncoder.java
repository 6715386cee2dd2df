package io.nioredis.persistence;

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

    /** One keyspace entry (a packed string entry or a value); {@code deadline} is unix ms, or negative. */
    void entry(Object entry, long deadline);

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
}

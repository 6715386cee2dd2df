package io.nioredis.persistence;

import java.io.IOException;

/**
 * Where the writer thread puts a background snapshot's bytes: a file renamed into place at the end (BGSAVE,
 * an AOF rewrite's base) or the replicas' sockets (a diskless full synchronisation). Every method but
 * {@link #behind} runs on the writer thread.
 */
interface SnapshotOutput {
    /** Before the first byte. */
    void open() throws RdbFileStore.SaveFailure;

    /** The first {@code length} bytes of {@code bytes}, which the caller reuses once this returns. */
    void write(byte[] bytes, int length) throws IOException;

    /** rdb-save/aof-rewrite-incremental-fsync: what was written so far goes to the disk now. */
    void sync() throws IOException;

    /** After the last byte (the checksum): the output is complete. */
    void commit() throws RdbFileStore.SaveFailure;

    /** The snapshot failed or was abandoned: what was written is thrown away. */
    void discard();

    /** On the loop: true while whoever takes the bytes is behind, so the walk waits. */
    default boolean behind() {
        return false;
    }
}

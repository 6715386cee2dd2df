package io.nioredis.persistence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * rdb-save-incremental-fsync for a save written on the loop (SAVE, SHUTDOWN, DEBUG RELOAD), as Redis's rio
 * autosync: the file is synced every {@link Persistence#AUTOSYNC_BYTES} written, so the kernel never holds a whole
 * snapshot of dirty pages and writes it out in one long burst at the final fsync. Background saves do the
 * same in {@link SnapshotFileWriter}.
 */
final class IncrementalSync extends FilterOutputStream {
    /** What syncs the file: the channel's force, for data only (Redis's fdatasync). */
    interface Syncer {
        void sync() throws IOException;
    }

    private final long every;
    private final Syncer syncer;
    private long unsynced;

    /** {@code every} 0 passes the bytes through without syncing. */
    IncrementalSync(OutputStream out, long every, Syncer syncer) {
        super(out);
        this.every = every;
        this.syncer = syncer;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        written(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written(len);
    }

    private void written(int n) throws IOException {
        unsynced += n;
        if (every > 0 && unsynced >= every) {
            out.flush();
            syncer.sync();
            unsynced = 0;
        }
    }
}

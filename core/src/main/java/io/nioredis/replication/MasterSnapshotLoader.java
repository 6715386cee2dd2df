package io.nioredis.replication;

import java.nio.file.Path;

/** Replaces the dataset with the snapshot a master sent (saved in a file), as Redis's disk-load mode does. */
public interface MasterSnapshotLoader {
    /**
     * Loads {@code file}; returns the database the master's stream continues in (the snapshot's repl-stream-db,
     * 0 when it says none), or -1 if the file could not be loaded (the reason is logged).
     */
    int load(Path file);
}

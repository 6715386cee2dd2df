package io.nioredis.replication;

import java.nio.file.Path;

/** Replaces the dataset with the snapshot a master sent (saved in a file), as Redis's disk-load mode does. */
public interface MasterSnapshotLoader {
    /** Loads {@code file}; false if it could not be read (the reason is logged). */
    boolean load(Path file);
}

package io.nioredis.replication;

import io.nioredis.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * rdb-del-sync-files: which servers may delete the dump files a full synchronisation leaves behind, Redis's
 * allPersistenceDisabled (no save points and no AOF), so a server that keeps nothing on disk leaves no
 * snapshot of its data there.
 */
final class SyncFiles {
    private SyncFiles() {}

    static boolean persistenceDisabled(Config config) {
        return config.get("save").isEmpty() && !config.getBoolean("appendonly");
    }

    /** Deletes the file; one that is gone already, or cannot be deleted, is left as it is (Redis's bg_unlink). */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // as bg_unlink, which does not report: the next save or sync replaces the file
        }
    }
}

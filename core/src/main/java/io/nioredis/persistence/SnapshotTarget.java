package io.nioredis.persistence;

import java.nio.file.Path;

/**
 * What a snapshot is written as: the dump file (SAVE, BGSAVE), the base of an AOF rewrite, or the stream a
 * diskless full synchronisation sends to replicas. They differ in the aof-base AUX field and in the lines
 * Redis logs when they fail (rdbSave's, rewriteAppendOnlyFile's, rdbSaveToSlavesSockets's).
 */
public enum SnapshotTarget {
    DUMP_FILE {
        @Override
        String openFailed(Path dir, String tempName, String reason) {
            return "Failed opening the temp RDB file " + tempName + " (in server root dir " + dir + ") for saving: "
                    + reason;
        }

        @Override
        String writeFailed(String reason) {
            return "Write error saving DB on disk: " + reason;
        }

        @Override
        String moveFailed(Path dir, String tempName, String fileName, String reason) {
            return "Error moving temp DB file " + tempName + " on the final destination " + fileName
                    + " (in server root dir " + dir + "): " + reason;
        }

        @Override
        String cannotSerialize(String reason) {
            return "Can't save in background: " + reason;
        }
    },
    AOF_BASE {
        @Override
        String openFailed(Path dir, String tempName, String reason) {
            return "Opening the temp file for AOF rewrite in rewriteAppendOnlyFile(): " + reason;
        }

        @Override
        String writeFailed(String reason) {
            return "Write error writing append only file on disk: " + reason;
        }

        @Override
        String moveFailed(Path dir, String tempName, String fileName, String reason) {
            return "Error moving temp append only file on the final destination: " + reason;
        }

        @Override
        String cannotSerialize(String reason) {
            return "Write error writing append only file on disk: " + reason;
        }
    },
    REPLICA_STREAM {
        @Override
        String openFailed(Path dir, String tempName, String reason) {
            return "Can't save in background: " + reason;
        }

        @Override
        String writeFailed(String reason) {
            return "Write error while sending the RDB to replicas: " + reason;
        }

        @Override
        String moveFailed(Path dir, String tempName, String fileName, String reason) {
            return writeFailed(reason);
        }

        @Override
        String cannotSerialize(String reason) {
            return "Can't save in background: " + reason;
        }

        @Override
        String threadName() {
            return "nioredis-repl-snapshot";
        }
    };

    abstract String openFailed(Path dir, String tempName, String reason);

    abstract String writeFailed(String reason);

    abstract String moveFailed(Path dir, String tempName, String fileName, String reason);

    /** A value that has no RDB form (yet): the snapshot is abandoned with this line. */
    abstract String cannotSerialize(String reason);

    String threadName() {
        return this == AOF_BASE ? "nioredis-aof-rewrite" : "nioredis-rdb-writer";
    }

    /** The outcome of a run abandoned on purpose (SHUTDOWN, the last replica gone). */
    String aborted() {
        return "Background saving aborted";
    }

    boolean aofBase() {
        return this == AOF_BASE;
    }
}

package io.nioredis.persistence;

import io.nioredis.rdb.RdbFileWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Puts a finished RDB image on disk as rdbSave does: into a temporary file in the same directory, fsync,
 * then an atomic rename over the target, so a crash or a failed write leaves the previous file intact.
 */
final class RdbFileStore {
    private RdbFileStore() {}

    /**
     * @param autosyncBytes sync the file every this many bytes while writing (rdb-save-incremental-fsync), 0 never
     * @throws SaveFailure with Redis's log line for what went wrong; the temporary file is removed
     */
    static void write(RdbFileWriter image, Path dir, String fileName, String tempName, long autosyncBytes)
            throws SaveFailure {
        FileChannel channel = openTemp(dir, tempName, SnapshotTarget.DUMP_FILE);
        try {
            image.writeTo(new IncrementalSync(Channels.newOutputStream(channel), autosyncBytes,
                    () -> channel.force(false)));
        } catch (IOException e) {
            discard(channel, dir, tempName);
            throw writeError(e, SnapshotTarget.DUMP_FILE);
        }
        commit(channel, dir, fileName, tempName, SnapshotTarget.DUMP_FILE);
    }

    /** Creates (or truncates) the temporary file a save writes into. */
    static FileChannel openTemp(Path dir, String tempName, SnapshotTarget target) throws SaveFailure {
        try {
            return FileChannel.open(dir.resolve(tempName), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new SaveFailure(target.openFailed(dir, tempName, reason(e)));
        }
    }

    /** The line Redis logs when writing the temporary file failed. */
    static SaveFailure writeError(IOException e, SnapshotTarget target) {
        return new SaveFailure(target.writeFailed(reason(e)));
    }

    /** Closes and removes an unfinished temporary file. */
    static void discard(FileChannel channel, Path dir, String tempName) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // removed below either way
        }
        deleteQuietly(dir.resolve(tempName));
    }

    /** Fsyncs and closes the written temporary file, then renames it over the target. */
    static void commit(FileChannel channel, Path dir, String fileName, String tempName, SnapshotTarget target)
            throws SaveFailure {
        Path temp = dir.resolve(tempName);
        try (channel) {
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw writeError(e, target);
        }
        try {
            try {
                Files.move(temp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new SaveFailure(target.moveFailed(dir, tempName, fileName, reason(e)));
        }
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened for this. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // best effort, as on platforms without directory fsync
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temporary file is overwritten by the next save anyway
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** A save that did not reach the disk, with the line Redis would log. */
    static final class SaveFailure extends Exception {
        SaveFailure(String message) {
            super(message);
        }
    }
}

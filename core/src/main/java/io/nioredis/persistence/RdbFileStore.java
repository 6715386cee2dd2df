package io.nioredis.persistence;

import io.nioredis.rdb.RdbFileWriter;
import java.io.IOException;
import java.io.OutputStream;
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

    /** @throws SaveFailure with Redis's log line for what went wrong; the temporary file is removed */
    static void write(RdbFileWriter image, Path dir, String fileName, String tempName) throws SaveFailure {
        Path temp = dir.resolve(tempName);
        FileChannel channel;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new SaveFailure("Failed opening the temp RDB file " + tempName + " (in server root dir " + dir
                    + ") for saving: " + reason(e));
        }
        try (channel) {
            OutputStream stream = Channels.newOutputStream(channel);
            image.writeTo(stream);
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new SaveFailure("Write error saving DB on disk: " + reason(e));
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
            throw new SaveFailure("Error moving temp DB file " + tempName + " on the final destination " + fileName
                    + " (in server root dir " + dir + "): " + reason(e));
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

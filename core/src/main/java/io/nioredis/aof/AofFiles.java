package io.nioredis.aof;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The file operations of the AOF directory: appending, atomic replacement of the manifest, durable renames. */
final class AofFiles {
    private AofFiles() {}

    /** An incremental file opened for appending, created if missing. */
    static FileChannel openForAppend(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Replaces the manifest as Redis's persistAofManifest does: a temporary file written and fsynced, renamed
     * over the manifest, and the directory fsynced so the rename itself survives a crash.
     */
    static void writeManifest(Path dir, String manifestName, String text) throws IOException {
        Path temp = dir.resolve("temp-" + manifestName);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        rename(temp, dir.resolve(manifestName));
        syncDirectory(dir);
    }

    static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes renames and new files in {@code dir} durable; not every platform lets a directory be opened. */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // best effort, as on platforms without directory fsync
        }
    }

    /**
     * Redis's bg_unlink: the name is removed now, but the file is held open and closed on a thread of its
     * own, so freeing a big file's blocks (the last close does it) does not stall the loop.
     */
    static void unlinkInBackground(Path file) throws IOException {
        FileChannel held;
        try {
            held = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            held.close();
            throw e;
        }
        Thread closer = new Thread(() -> {
            try {
                held.close();
            } catch (IOException ignored) {
                // the name is gone already; the blocks are freed when the process ends at the latest
            }
        }, "nioredis-aof-unlink");
        closer.setDaemon(true);
        closer.start();
    }

    static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The strerror text Redis would print for a failed file operation. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}

package io.nioredis.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code dir} parameter. Redis chdir()s into it; a JVM cannot change its working directory, so the
 * server keeps the directory here instead, and every file it reads or writes by a relative name (the RDB
 * file, the append-only directory) is resolved against this value. Like chdir, a relative path is taken
 * from the current directory, and a missing directory is refused with the errno text Redis replies.
 */
public final class WorkingDirectory {
    private WorkingDirectory() {}

    /** The absolute, symlink-free form of {@code requested} taken from {@code current}. */
    static String resolve(String current, String requested) throws Param.Refused {
        try {
            Path path = Path.of(current).resolve(requested);
            if (!Files.exists(path)) {
                throw new Param.Refused("No such file or directory");
            }
            if (!Files.isDirectory(path)) {
                throw new Param.Refused("Not a directory");
            }
            if (!Files.isExecutable(path)) {
                throw new Param.Refused("Permission denied");
            }
            return path.toRealPath().toString();
        } catch (AccessDeniedException e) {
            throw new Param.Refused("Permission denied");
        } catch (NoSuchFileException | InvalidPathException e) {
            throw new Param.Refused("No such file or directory");
        } catch (IOException e) {
            throw new Param.Refused(e.getMessage());
        }
    }

    /** The process's own directory at start, as Redis reports {@code dir} before any change. */
    static String initial() {
        String dir = System.getProperty("user.dir", "/");
        try {
            return Path.of(dir).toRealPath().toString();
        } catch (IOException | InvalidPathException e) {
            return dir;
        }
    }
}

package io.nioredis.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * pidfile, as Redis 7.0's createPidFile and its removal at shutdown: the process id and a newline, written
 * once the server listens, in a best-effort way: a file that cannot be written is passed over without a
 * word, as Redis 7.0 does.
 */
final class PidFile {
    private final Path path;

    private PidFile(Path path) {
        this.path = path;
    }

    /**
     * Writes the file if {@code name} names one, a relative name taken from {@code dir} as Redis, which has
     * chdir()ed there; null when there is no file to remove later.
     */
    static PidFile create(String dir, String name, long pid) {
        if (name.isEmpty()) {
            return null;
        }
        Path path = Path.of(dir).resolve(name);
        try {
            Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException bestEffort) {
            // Redis 7.0 neither logs nor stops
        }
        return new PidFile(path);
    }

    void remove(Log log) {
        log.notice("Removing the pid file.");
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // as Redis, which does not check what unlink returns
        }
    }
}

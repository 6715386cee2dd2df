package io.nioredis.server.sentinel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a process's log, for a failure message. */
final class LogFiles {
    private LogFiles() {}

    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no " + log.getFileName() + ")\n";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + log + "\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    + "\n";
        } catch (IOException e) {
            return "(unreadable " + log + ": " + e + ")\n";
        }
    }
}

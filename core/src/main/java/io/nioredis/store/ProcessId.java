package io.nioredis.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's id, for the log lines, INFO and temporary file names. Read from the {@code /proc/self} link
 * where there is one: the first {@code ProcessHandle.current()} of a JVM initializes the process-handle
 * machinery (its reaper executor among it), which cost 13-17 ms of a cold start against ~2 ms for the link.
 */
public final class ProcessId {
    private static final long PID = read();

    private ProcessId() {}

    public static long current() {
        return PID;
    }

    private static long read() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException noProcLink) {
            return ProcessHandle.current().pid();
        }
    }
}

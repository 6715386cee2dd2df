package io.nioredis.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh temporary directory for the files a test server may write (RDB snapshots), removed at exit. */
public final class ScratchDirectory {
    private ScratchDirectory() {}

    public static Path create() {
        try {
            Path dir = Files.createTempDirectory("nioredis-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

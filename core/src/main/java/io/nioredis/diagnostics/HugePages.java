package io.nioredis.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's anonymous transparent huge pages, which LATENCY DOCTOR warns about as Redis does
 * (THPGetAnonHugePagesSize). Read from the kernel's per-process memory summary; 0 where there is none.
 */
public final class HugePages {
    private HugePages() {}

    public static long anonymousBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
                if (line.startsWith("AnonHugePages:")) {
                    String kb = line.substring("AnonHugePages:".length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no summary: nothing to warn about
        }
        return 0;
    }
}

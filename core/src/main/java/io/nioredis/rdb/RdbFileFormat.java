package io.nioredis.rdb;

import java.nio.charset.StandardCharsets;

/** The fixed parts of an RDB file's framing: the "REDIS" magic and the 4-digit version after it. */
final class RdbFileFormat {
    static final int MAGIC_LENGTH = 9;

    private RdbFileFormat() {}

    static byte[] magic() {
        // Not String.format: a BGSAVE writes this first, on the loop, and the Formatter's first use loads the
        // locale machinery (tens of milliseconds of class initialization).
        String version = Integer.toString(RdbType.RDB_VERSION);
        return ("REDIS" + "0".repeat(4 - version.length()) + version).getBytes(StandardCharsets.US_ASCII);
    }
}

package io.nioredis.rdb;

import java.nio.charset.StandardCharsets;

/** The fixed parts of an RDB file's framing: the "REDIS" magic and the 4-digit version after it. */
final class RdbFileFormat {
    static final int MAGIC_LENGTH = 9;

    private RdbFileFormat() {}

    static byte[] magic() {
        return String.format("REDIS%04d", RdbType.RDB_VERSION).getBytes(StandardCharsets.US_ASCII);
    }
}

package io.nioredis.rdb;

/**
 * A DUMP payload whose footer is wrong: too short, a newer RDB version, or a checksum that does not
 * match. Its message is Redis's RESTORE error reply text.
 */
public final class DumpPayloadException extends Exception {
    public DumpPayloadException() {
        super(DumpPayload.VERSION_OR_CHECKSUM_WRONG);
    }
}

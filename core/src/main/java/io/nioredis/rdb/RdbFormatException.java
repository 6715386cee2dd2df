package io.nioredis.rdb;

/**
 * RDB bytes that cannot be decoded: truncated, corrupt, or of a type this reader does not support.
 * The message says what was wrong and where; RESTORE turns any of these into "ERR Bad data format".
 */
public final class RdbFormatException extends Exception {
    public RdbFormatException(String message) {
        super(message);
    }
}

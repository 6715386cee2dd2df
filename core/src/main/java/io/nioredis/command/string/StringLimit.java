package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Errors;

import io.nioredis.resp.RespWriter;

/**
 * The size check APPEND and SETRANGE make before growing a string (Redis's checkStringLength): the result
 * may not exceed {@code proto-max-bulk-len}, nor overflow.
 */
final class StringLimit {
    static final byte[] TOO_BIG = Errors.encode("ERR string exceeds maximum allowed size (proto-max-bulk-len)");

    private StringLimit() {}

    /** True if {@code size + append} bytes are allowed; otherwise replies with the error. */
    static boolean checkOrReply(Client client, long size, long append, RespWriter out) {
        long total = size + append;
        long max = Math.min(client.server().config.bulk.maxBulkLength, Integer.MAX_VALUE - 8);
        if (total > max || total < size || total < append) {
            out.raw(TOO_BIG);
            return false;
        }
        return true;
    }
}

package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.StringEntry;
import java.nio.charset.StandardCharsets;

/**
 * GETRANGE key start end (and its old name SUBSTR): inclusive indexes, negative ones counted from the end,
 * clamped to the string as Redis's getrangeCommand does. Out of range gives an empty string, never nil.
 */
final class GetrangeCommand implements Command {
    private static final byte[] EMPTY_BULK = "$0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(2) || !request.isLong(3)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long start = request.longValue(2);
        long end = request.longValue(3);
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(EMPTY_BULK);
            return;
        }
        if (Lookup.stringOrReply(client.keyspace(), slot, out) < 0) {
            return;
        }
        byte[] e = client.keyspace().stringArray(slot);
        int eb = client.keyspace().stringBase(slot);
        int voff = StringEntry.valueOffset(e, eb);
        long length = StringEntry.valueLength(e, eb);
        if (start < 0 && end < 0 && start > end) {
            out.raw(EMPTY_BULK);
            return;
        }
        if (start < 0) {
            start = length + start;
        }
        if (end < 0) {
            end = length + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= length) {
            end = length - 1;
        }
        if (start > end || length == 0) {
            out.raw(EMPTY_BULK);
            return;
        }
        out.bulk(e, voff + (int) start, (int) (end - start + 1));
    }
}

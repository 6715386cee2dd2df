package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.StringEntry;
import io.nioredis.value.bitmap.Bit;
import io.nioredis.value.bitmap.BitOffsetArgument;

/** GETBIT key offset: the offset is checked before the key, as in Redis; a missing key reads as zeros. */
final class GetbitCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        long offset = BitOffsetArgument.parse(b, request.offset(2), request.length(2), 0,
                client.server().config.getLong("proto-max-bulk-len"));
        if (offset < 0) {
            out.raw(Errors.BIT_OFFSET);
            return;
        }
        byte[] e = Lookup.readOrReply(client.keyspace(), request, 1, byte[].class, Missing.ZERO, out);
        if (e == null) {
            return;
        }
        int from = StringEntry.valueOffset(e);
        out.raw(Bit.get(e, from, e.length - from, offset) == 1 ? Replies.ONE : Replies.ZERO);
    }
}

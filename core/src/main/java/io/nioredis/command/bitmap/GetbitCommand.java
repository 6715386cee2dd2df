package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.bitmap.Bit;
import io.nioredis.value.bitmap.BitOffsetArgument;

/** GETBIT key offset: the offset is checked before the key, as in Redis; a missing key reads as zeros. */
final class GetbitCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        long offset = BitOffsetArgument.parse(b, request.offset(2), request.length(2), 0,
                client.server().config.bulk.maxBulkLength);
        if (offset < 0) {
            out.raw(Errors.BIT_OFFSET);
            return;
        }
        Keyspace keyspace = client.keyspace();
        int slot = Lookup.readStringOrReply(keyspace, request, 1, Missing.ZERO, out);
        if (slot < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        int from = StringEntry.valueOffset(e, eb);
        out.raw(Bit.get(e, from, StringEntry.valueLength(e, eb), offset) == 1 ? Replies.ONE : Replies.ZERO);
    }
}

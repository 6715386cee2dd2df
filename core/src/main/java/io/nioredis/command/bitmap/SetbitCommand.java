package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.bitmap.Bit;
import io.nioredis.value.bitmap.BitOffsetArgument;

/**
 * SETBIT key offset value: replies the bit it replaced. As Redis 7.0, a change is signalled (WATCH, the "setbit"
 * event) only when the key was created, the string grew or the bit flipped.
 */
final class SetbitCommand implements Command {
    private final StringForBits string = new StringForBits();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        long offset = BitOffsetArgument.parse(b, request.offset(2), request.length(2), 0,
                client.server().config.bulk.maxBulkLength);
        if (offset < 0) {
            out.raw(Errors.BIT_OFFSET);
            return;
        }
        if (!request.isLong(3)) {
            out.raw(Errors.BIT_VALUE);
            return;
        }
        long on = request.longValue(3);
        if ((on & ~1L) != 0) {
            out.raw(Errors.BIT_VALUE);
            return;
        }
        Keyspace keyspace = client.keyspace();
        int koff = request.offset(1);
        int klen = request.length(1);
        if (!string.lookupOrReply(keyspace, b, koff, klen, Bit.bytesNeeded(offset), out)) {
            return;
        }
        int old = Bit.set(string.entry, string.from, offset, (int) on);
        if (string.dirty || old != on) {
            keyspace.changed(KeyspaceEvents.STRING, "setbit", b, koff, klen);
        }
        string.release();
        out.raw(old == 1 ? Replies.ONE : Replies.ZERO);
    }
}

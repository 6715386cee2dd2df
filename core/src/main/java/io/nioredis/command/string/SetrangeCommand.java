package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;

/**
 * SETRANGE key offset value: overwrites from the offset, padding with zero bytes; replies the new length.
 * An empty value changes nothing and does not create the key, as in Redis.
 */
final class SetrangeCommand implements Command {
    private static final byte[] OFFSET_OUT_OF_RANGE = Errors.encode("ERR offset is out of range");

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long offset = request.longValue(2);
        if (offset < 0) {
            out.raw(OFFSET_OUT_OF_RANGE);
            return;
        }
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int voff = request.offset(3);
        int vlen = request.length(3);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, koff, klen);
        byte[] e = null;
        int eb = 0;
        if (slot < 0) {
            if (vlen == 0) {
                out.raw(Replies.ZERO);
                return;
            }
        } else {
            if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
                return;
            }
            e = keyspace.stringArray(slot);
            eb = keyspace.stringBase(slot);
            if (vlen == 0) {
                out.integer(StringEntry.valueLength(e, eb));
                return;
            }
        }
        if (!StringLimit.checkOrReply(client, offset, vlen, out)) {
            return;
        }
        int end = (int) offset + vlen;
        if (e == null) {
            slot = keyspace.addZeroedString(b, koff, klen, end, StringEntry.RAW);
        } else {
            // changed in place, as Redis's dbUnshareStringValue makes it
            keyspace.growString(slot, end, StringEntry.RAW);
        }
        e = keyspace.stringArray(slot);
        eb = keyspace.stringBase(slot);
        System.arraycopy(b, voff, e, StringEntry.valueOffset(e, eb) + (int) offset, vlen);
        keyspace.changed(KeyspaceEvents.STRING, "setrange", b, koff, klen);
        out.integer(StringEntry.valueLength(e, eb));
    }
}

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
        if (slot < 0) {
            if (vlen == 0) {
                out.raw(Replies.ZERO);
                return;
            }
        } else {
            e = Lookup.typedOrReply(keyspace, slot, byte[].class, out);
            if (e == null) {
                return;
            }
            if (vlen == 0) {
                out.integer(StringEntry.valueLength(e));
                return;
            }
        }
        if (!StringLimit.checkOrReply(client, offset, vlen, out)) {
            return;
        }
        int end = (int) offset + vlen;
        if (e == null) {
            byte[] n = StringEntry.made(StringEntry.create(b, koff, klen, b, voff, 0), StringEntry.RAW);
            n = java.util.Arrays.copyOf(n, n.length + end);
            System.arraycopy(b, voff, n, n.length - end + (int) offset, vlen);
            keyspace.add(n);
            e = n;
        } else {
            StringEntry.made(e, StringEntry.RAW); // changed in place, as Redis's dbUnshareStringValue makes it
            int valueOffset = StringEntry.valueOffset(e);
            if (e.length - valueOffset < end) {
                byte[] n = java.util.Arrays.copyOf(e, valueOffset + end);
                keyspace.replace(slot, n);
                e = n;
            }
            System.arraycopy(b, voff, e, valueOffset + (int) offset, vlen);
        }
        keyspace.changed(KeyspaceEvents.STRING, "setrange", b, koff, klen);
        out.integer(StringEntry.valueLength(e));
    }
}

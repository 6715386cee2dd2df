package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;

/** APPEND key value: creates the key if absent, keeps its TTL otherwise; replies the new length. */
final class AppendCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int voff = request.offset(2);
        int vlen = request.length(2);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, koff, klen);
        long length;
        if (slot < 0) {
            keyspace.addString(b, koff, klen, b, voff, vlen, StringEntry.BY_VALUE);
            length = vlen;
        } else {
            if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
                return;
            }
            byte[] e = keyspace.stringArray(slot);
            int eb = keyspace.stringBase(slot);
            int oldLength = StringEntry.valueLength(e, eb);
            if (!StringLimit.checkOrReply(client, oldLength, vlen, out)) {
                return;
            }
            // Changed in place, so raw to Redis
            keyspace.resizeString(slot, oldLength + vlen, StringEntry.RAW);
            e = keyspace.stringArray(slot);
            eb = keyspace.stringBase(slot);
            System.arraycopy(b, voff, e, StringEntry.valueOffset(e, eb) + oldLength, vlen);
            length = oldLength + vlen;
        }
        keyspace.changed(KeyspaceEvents.STRING, "append", b, koff, klen);
        out.integer(length);
    }
}

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
            keyspace.add(StringEntry.create(b, koff, klen, b, voff, vlen));
            length = vlen;
        } else {
            byte[] e = Lookup.typedOrReply(keyspace, slot, byte[].class, out);
            if (e == null) {
                return;
            }
            int oldLength = StringEntry.valueLength(e);
            if (!StringLimit.checkOrReply(client, oldLength, vlen, out)) {
                return;
            }
            // Changed in place, so raw to Redis
            byte[] n = StringEntry.made(java.util.Arrays.copyOf(e, e.length + vlen), StringEntry.RAW);
            System.arraycopy(b, voff, n, e.length, vlen);
            keyspace.replace(slot, n);
            length = oldLength + vlen;
        }
        keyspace.changed(KeyspaceEvents.STRING, "append", b, koff, klen);
        out.integer(length);
    }
}

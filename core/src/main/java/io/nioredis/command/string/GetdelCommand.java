package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;

/** GETDEL key: the value, then the key is deleted; nil if absent, WRONGTYPE (and no delete) otherwise. */
final class GetdelCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(b, koff, klen);
        if (slot < 0) {
            out.nullValue();
            return;
        }
        if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        out.bulk(e, StringEntry.valueOffset(e, eb), StringEntry.valueLength(e, eb));
        keyspace.delete(slot);
        keyspace.changed(KeyspaceEvents.GENERIC, "del", b, koff, klen);
        if (client.propagating()) {
            client.propagateAs(Propagated.of(Propagated.deletion(client, "lazyfree-lazy-user-del"), request.copy(1)));
        }
    }
}

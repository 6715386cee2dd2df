package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetValue;

/** SREM key member [member ...]: the number removed; the key goes when its set becomes empty. */
final class SremCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        SetValue set = Lookup.writeOrReply(keyspace, request, 1, SetValue.class, Missing.ZERO, out);
        if (set == null) {
            return;
        }
        long before = set.memoryUsage();
        long removed = 0;
        for (int i = 2; i < request.argc() && set.size() > 0; i++) {
            if (set.remove(b, request.offset(i), request.length(i))) {
                removed++;
            }
        }
        keyspace.adjustMemory(set.memoryUsage() - before);
        if (removed > 0) {
            keyspace.changed(KeyspaceEvents.SET, "srem", b, koff, klen);
            keyspace.deleteIfEmpty(set);
        }
        out.integer(removed);
    }
}

package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/** HDEL key field [field ...]: the number of fields removed; the key goes when its last field does. */
final class HdelCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        HashValue hash = Lookup.writeOrReply(keyspace, request, 1, HashValue.class, Missing.ZERO, out);
        if (hash == null) {
            return;
        }
        long before = hash.memoryUsage();
        long deleted = 0;
        for (int i = 2; i < request.argc() && hash.size() > 0; i++) {
            if (hash.remove(b, request.offset(i), request.length(i))) {
                deleted++;
            }
        }
        keyspace.adjustMemory(hash.memoryUsage() - before);
        if (deleted > 0) {
            keyspace.changed(KeyspaceEvents.HASH, "hdel", b, koff, klen);
            keyspace.deleteIfEmpty(hash);
        }
        out.integer(deleted);
    }
}

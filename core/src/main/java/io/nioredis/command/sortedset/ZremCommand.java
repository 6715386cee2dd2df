package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SkipList;
import io.nioredis.value.SortedSetValue;

/** ZREM key member [member ...]: the number removed; the key goes when its sorted set becomes empty. */
final class ZremCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        SortedSetValue zset = Lookup.writeOrReply(keyspace, request, 1, SortedSetValue.class, Missing.ZERO, out);
        if (zset == null) {
            return;
        }
        long before = zset.memoryUsage();
        long removed = 0;
        for (int i = 2; i < request.argc() && zset.size() > 0; i++) {
            SkipList.Node node = zset.find(b, request.offset(i), request.length(i));
            if (node != null) {
                zset.remove(node);
                removed++;
            }
        }
        keyspace.adjustMemory(zset.memoryUsage() - before);
        if (removed > 0) {
            keyspace.changed(KeyspaceEvents.ZSET, "zrem", b, koff, klen);
            keyspace.deleteIfEmpty(zset);
        }
        out.integer(removed);
    }
}

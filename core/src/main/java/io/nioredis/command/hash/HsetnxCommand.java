package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/** HSETNX key field value: 1 if the field was set, 0 if it already existed. */
final class HsetnxCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        HashValue hash = HashCommands.forWriteOrReply(keyspace, slot, request, out);
        if (hash == null) {
            return;
        }
        if (slot >= 0 && hash.find(b, request.offset(2), request.length(2)) >= 0) {
            out.raw(Replies.ZERO);
            return;
        }
        long before = hash.memoryUsage();
        EncodingLimits limits = client.server().config.encoding;
        hash.put(b, request.offset(2), request.length(2), b, request.offset(3), request.length(3),
                limits.hashMaxListpackEntries, limits.hashMaxListpackValue);
        HashCommands.stored(keyspace, slot, hash, before);
        out.raw(Replies.ONE);
        keyspace.changed(KeyspaceEvents.HASH, "hset", b, koff, klen);
    }
}

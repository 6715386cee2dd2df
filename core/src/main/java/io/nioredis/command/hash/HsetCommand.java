package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/**
 * HSET key field value [field value ...]: the number of new fields; and its deprecated alias HMSET, which
 * replies OK. An odd number of field/value arguments is an arity error naming the command used.
 */
final class HsetCommand implements Command {
    private final String name;
    private final boolean replyCreated;

    HsetCommand(String name) {
        this.name = name;
        this.replyCreated = name.equals("hset");
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() % 2 == 1) {
            out.error(Errors.wrongArity(name));
            return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        HashValue hash = HashCommands.forWriteOrReply(keyspace, slot, request, out);
        if (hash == null) {
            return;
        }
        long before = hash.memoryUsage();
        long created = 0;
        EncodingLimits limits = client.server().config.encoding;
        for (int i = 2; i < request.argc(); i += 2) {
            if (hash.put(b, request.offset(i), request.length(i), b, request.offset(i + 1), request.length(i + 1),
                    limits.hashMaxListpackEntries, limits.hashMaxListpackValue)) {
                created++;
            }
        }
        HashCommands.stored(keyspace, slot, hash, before);
        if (replyCreated) {
            out.integer(created);
        } else {
            out.raw(Replies.OK);
        }
        keyspace.changed(KeyspaceEvents.HASH, "hset", b, koff, klen);
    }
}

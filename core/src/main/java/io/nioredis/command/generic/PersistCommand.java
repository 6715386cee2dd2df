package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/** PERSIST key: 1 if a deadline was removed. */
final class PersistCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(request.array(), request.offset(1), request.length(1));
        if (slot >= 0 && keyspace.persist(slot)) {
            keyspace.changed(KeyspaceEvents.GENERIC, "persist", request.array(), request.offset(1), request.length(1));
            out.raw(Replies.ONE);
        } else {
            out.raw(Replies.ZERO);
        }
    }
}

package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/** PERSIST key: 1 if a deadline was removed. */
final class PersistCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(request.array(), request.offset(1), request.length(1));
        out.raw(slot >= 0 && keyspace.persist(slot) ? Replies.ONE : Replies.ZERO);
    }
}

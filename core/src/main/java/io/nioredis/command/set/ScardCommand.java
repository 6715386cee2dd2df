package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetValue;

/** SCARD key: the number of members, 0 for a missing key. */
final class ScardCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
        } else if (keyspace.entry(slot) instanceof SetValue) {
            out.integer(((SetValue) keyspace.entry(slot)).size());
        } else {
            out.raw(Errors.WRONG_TYPE);
        }
    }
}

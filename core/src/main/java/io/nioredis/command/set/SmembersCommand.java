package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetValue;

/** SMEMBERS key: every member, as a set reply (RESP3 {@code ~}); order is the dict's, as in Redis. */
final class SmembersCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.setHeader(0);
            return;
        }
        if (!(keyspace.entry(slot) instanceof SetValue)) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        SetValue set = (SetValue) keyspace.entry(slot);
        out.setHeader(set.size());
        SetCommands.writeMembers(set, out);
    }
}

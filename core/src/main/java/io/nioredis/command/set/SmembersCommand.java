package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;

/** SMEMBERS key: every member, as a set reply (RESP3 {@code ~}); ascending for an intset, the dict's order
 * otherwise, as in Redis. */
final class SmembersCommand implements Command {
    private final SetMember view = new SetMember();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        SetValue set = Lookup.readOrReply(keyspace, request, 1, SetValue.class, Missing.EMPTY_SET, out);
        if (set == null) {
            return;
        }
        out.setHeader(set.size());
        SetCommands.writeMembers(set, view, out);
    }
}

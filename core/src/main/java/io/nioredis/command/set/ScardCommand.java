package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetValue;

/** SCARD key: the number of members, 0 for a missing key. */
final class ScardCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        SetValue set = Lookup.readOrReply(keyspace, request, 1, SetValue.class, Missing.ZERO, out);
        if (set != null) {
            out.integer(set.size());
        }
    }
}

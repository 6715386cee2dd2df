package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/** ZCARD key: the number of members, 0 for a missing key. */
final class ZcardCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        SortedSetValue zset = Lookup.readOrReply(keyspace, request, 1, SortedSetValue.class, Missing.ZERO, out);
        if (zset != null) {
            out.integer(zset.size());
        }
    }
}

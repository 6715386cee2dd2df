package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/** HLEN key: the number of fields, 0 if missing. */
final class HlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.ZERO, out);
        if (hash != null) {
            out.integer(hash.size());
        }
    }
}

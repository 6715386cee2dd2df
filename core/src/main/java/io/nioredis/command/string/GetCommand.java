package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;

/** GET key: the value straight from the packed entry into the reply buffer. */
final class GetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = Lookup.readStringOrReply(keyspace, request, 1, Missing.NULL, out);
        if (slot < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int b = keyspace.stringBase(slot);
        out.bulk(e, StringEntry.valueOffset(e, b), StringEntry.valueLength(e, b));
    }
}

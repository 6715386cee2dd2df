package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;

/** STRLEN key: the value's length in bytes, 0 for a missing key. */
final class StrlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = Lookup.readStringOrReply(keyspace, request, 1, Missing.ZERO, out);
        if (slot < 0) {
            return;
        }
        out.integer(StringEntry.valueLength(keyspace.stringArray(slot), keyspace.stringBase(slot)));
    }
}

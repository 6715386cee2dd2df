package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.StringEntry;

/** GET key: the value straight from the packed entry into the reply buffer. */
final class GetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.nullValue();
            return;
        }
        Object entry = client.keyspace().entry(slot);
        if (!(entry instanceof byte[])) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        byte[] e = (byte[]) entry;
        out.bulk(e, StringEntry.valueOffset(e), StringEntry.valueLength(e));
    }
}

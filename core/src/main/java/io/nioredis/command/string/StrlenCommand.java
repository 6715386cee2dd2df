package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.StringEntry;

/** STRLEN key: the value's length in bytes, 0 for a missing key. */
final class StrlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        Object entry = client.keyspace().entry(slot);
        if (!(entry instanceof byte[])) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        out.integer(StringEntry.valueLength((byte[]) entry));
    }
}

package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyedValue;
import java.nio.charset.StandardCharsets;

/** TYPE key: none, string, or the aggregate's type name. */
final class TypeCommand implements Command {
    private static final byte[] NONE = "+none\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STRING = "+string\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupReadNoTouch(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(NONE);
            return;
        }
        Object entry = client.keyspace().entry(slot);
        if (entry instanceof byte[]) {
            out.raw(STRING);
        } else {
            out.simpleString(((KeyedValue) entry).typeName());
        }
    }
}

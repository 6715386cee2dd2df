package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.ListValue;

/** LINDEX key index: the element or nil. Redis looks the key up before it parses the index. */
final class LindexCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        ListValue list = Lookup.readOrReply(client.keyspace(), request, 1, ListValue.class, Missing.NULL, out);
        if (list == null) {
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        int index = list.position(request.longValue(2));
        if (index < 0) {
            out.nullValue();
        } else {
            list.writeElement(index, out);
        }
    }
}

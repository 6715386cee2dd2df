package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.ListValue;

/** LINDEX key index: the element or nil. Redis looks the key up before it parses the index. */
final class LindexCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.nullValue();
            return;
        }
        ListValue list = ListCommands.listOrReply(client.keyspace(), slot, out);
        if (list == null) {
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long index = request.longValue(2);
        if (index < 0) {
            index += list.size();
        }
        if (index < 0 || index >= list.size()) {
            out.nullValue();
        } else {
            out.bulk(list.get((int) index));
        }
    }
}

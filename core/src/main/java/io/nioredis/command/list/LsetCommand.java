package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;

/** LSET key index element. A missing key is an error here ("no such key"), checked before the index. */
final class LsetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        ListValue list = Lookup.writeOrReply(keyspace, request, 1, ListValue.class, Missing.NO_SUCH_KEY, out);
        if (list == null) {
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        int index = list.position(request.longValue(2));
        if (index < 0) {
            out.raw(Errors.INDEX_OUT_OF_RANGE);
            return;
        }
        long before = list.memoryUsage();
        list.set(index, request.array(), request.offset(3), request.length(3));
        keyspace.adjustMemory(list.memoryUsage() - before);
        out.raw(Replies.OK);
        keyspace.changed(KeyspaceEvents.LIST, "lset", b, koff, klen);
    }
}

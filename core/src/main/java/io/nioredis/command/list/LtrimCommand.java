package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.RangeArguments;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;

/**
 * LTRIM key start stop: keeps the range LRANGE would return. Redis sends the "ltrim" event even when
 * nothing was trimmed, and deletes the key when the range is empty.
 */
final class LtrimCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(2) || !request.isLong(3)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long start = request.longValue(2);
        long end = request.longValue(3);
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        ListValue list = Lookup.writeOrReply(keyspace, request, 1, ListValue.class, Missing.OK, out);
        if (list == null) {
            return;
        }
        int size = list.size();
        start = RangeArguments.rankStart(start, size);
        end = RangeArguments.rankEnd(end, size);
        int fromHead;
        int fromTail;
        if (start > end) {
            fromHead = size;
            fromTail = 0;
        } else {
            fromHead = (int) start;
            fromTail = (int) (size - end - 1);
        }
        long before = list.memoryUsage();
        list.trim(fromHead, fromTail);
        keyspace.adjustMemory(list.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.LIST, "ltrim", b, koff, klen);
        keyspace.deleteIfEmpty(list);
        out.raw(Replies.OK);
    }
}

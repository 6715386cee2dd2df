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
import io.nioredis.value.ListValue;

/** LRANGE key start stop: inclusive, negative indexes count from the end, out-of-range parts are dropped. */
final class LrangeCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(2) || !request.isLong(3)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long start = request.longValue(2);
        long end = request.longValue(3);
        ListValue list = Lookup.readOrReply(client.keyspace(), request, 1, ListValue.class, Missing.EMPTY_ARRAY, out);
        if (list == null) {
            return;
        }
        int size = list.size();
        start = RangeArguments.rankStart(start, size);
        end = RangeArguments.rankEnd(end, size);
        if (start > end) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        out.arrayHeader(end - start + 1);
        list.writeRange((int) start, (int) end, out);
    }
}

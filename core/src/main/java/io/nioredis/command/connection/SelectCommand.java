package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** SELECT index. */
final class SelectCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(1)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long index = request.longValue(1);
        if (index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        if (client.server().cluster != null && index != 0) {
            out.raw(Errors.SELECT_IN_CLUSTER);
            return;
        }
        if (index < 0 || index >= client.server().databases.count()) {
            out.raw(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        client.select((int) index);
        out.raw(Replies.OK);
    }
}

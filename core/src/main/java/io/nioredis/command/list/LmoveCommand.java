package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;

/**
 * LMOVE source destination LEFT|RIGHT LEFT|RIGHT, and RPOPLPUSH source destination (RIGHT, LEFT): nil for
 * a missing source, else the {@link ListMove}.
 */
final class LmoveCommand implements Command {
    private final boolean rpoplpush;

    LmoveCommand(boolean rpoplpush) {
        this.rpoplpush = rpoplpush;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean fromHead;
        boolean toHead;
        if (rpoplpush) {
            fromHead = false;
            toHead = true;
        } else {
            int from = side(request, 3);
            int to = side(request, 4);
            if (from < 0 || to < 0) {
                out.raw(Errors.SYNTAX);
                return;
            }
            fromHead = from == 1;
            toHead = to == 1;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int soff = request.offset(1);
        int slen = request.length(1);
        int doff = request.offset(2);
        int dlen = request.length(2);
        ListValue source = Lookup.writeOrReply(keyspace, request, 1, ListValue.class, Missing.NULL, out);
        if (source == null) {
            return;
        }
        ListMove.moveOrReply(keyspace, source, b, soff, slen, b, doff, dlen, fromHead, toHead,
                client.server().config.encoding.listMaxListpackSize, out);
    }

    /** 1 for LEFT, 0 for RIGHT, -1 for anything else. */
    static int side(Request request, int i) {
        if (request.is(i, ListCommands.LEFT)) {
            return 1;
        }
        return request.is(i, ListCommands.RIGHT) ? 0 : -1;
    }
}

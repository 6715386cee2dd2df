package io.nioredis.command.list;

import io.nioredis.command.Lookup;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.MultiPopArguments;
import io.nioredis.command.TimeoutArgument;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.ListValue;

/**
 * LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] and BLMPOP timeout numkeys ..., as Redis 7.0's
 * lmpopGenericCommand: [key, [elements]] from the first key holding a list, a null array if none does
 * (LMPOP), or the client blocks (BLMPOP). The timeout is parsed after the other arguments, as in Redis.
 */
final class LmpopCommand implements Command {
    private final boolean blocking;
    private final MultiPopArguments args = new MultiPopArguments("left", "right");

    LmpopCommand(boolean blocking) {
        this.blocking = blocking;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.parseOrReply(request, blocking ? 2 : 1, out)) {
            return;
        }
        if (blocking) {
            long deadline = TimeoutArgument.deadlineOrReply(request, 1, client.keyspace().now(), out);
            if (deadline >= 0) {
                BlockingPopCommand.popOrBlock(client, request, args.firstKey, args.keyCount, args.fromFirst,
                        args.count, deadline, out);
            }
            return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        for (int i = args.firstKey; i < args.firstKey + args.keyCount; i++) {
            int slot = keyspace.lookup(b, request.offset(i), request.length(i));
            if (slot < 0) {
                continue;
            }
            ListValue list = Lookup.typedOrReply(keyspace, slot, ListValue.class, out);
            if (list != null) {
                if (client.propagating()) {
                    client.propagateAs(PopPropagation.pop(args.fromFirst, b, request.offset(i), request.length(i),
                            Math.min(args.count, list.size())));
                }
                ListPops.popRange(keyspace, list, b, request.offset(i), request.length(i), args.fromFirst,
                        args.count, out);
            }
            return;
        }
        out.nullArrayValue();
    }
}

package io.nioredis.command.sortedset;

import io.nioredis.command.Lookup;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.MultiPopArguments;
import io.nioredis.command.TimeoutArgument;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/**
 * ZMPOP numkeys key [key ...] MIN|MAX [COUNT count] and BZMPOP timeout numkeys ..., as Redis 7.0's
 * zmpopGenericCommand: [key, [[member, score], ...]] from the first key that exists (WRONGTYPE if it is not
 * a sorted set), a null array if none does (ZMPOP), or the client blocks (BZMPOP). The timeout is parsed
 * after the other arguments, as in Redis.
 */
final class ZmpopCommand implements Command {
    private final boolean blocking;
    private final MultiPopArguments args = new MultiPopArguments("min", "max");

    ZmpopCommand(boolean blocking) {
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
                BzpopCommand.popOrBlock(client, request, args.firstKey, args.keyCount, !args.fromFirst, args.count,
                        deadline, out);
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
            SortedSetValue zset = Lookup.typedOrReply(keyspace, slot, SortedSetValue.class, out);
            if (zset == null) {
            } else {
                if (client.propagating()) {
                    client.propagateAs(ZpopPropagation.pop(!args.fromFirst, b, request.offset(i), request.length(i),
                            Math.min(args.count, zset.size())));
                }
                ZsetPops.pop(keyspace, slot, zset, b, request.offset(i), request.length(i), !args.fromFirst,
                        args.count, out);
            }
            return;
        }
        out.nullArrayValue();
    }
}

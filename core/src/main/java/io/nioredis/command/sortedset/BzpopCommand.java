package io.nioredis.command.sortedset;

import io.nioredis.command.Lookup;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.TimeoutArgument;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/**
 * BZPOPMIN and BZPOPMAX key [key ...] timeout; {@link #popOrBlock} is Redis's blockingGenericZpopCommand,
 * which BZMPOP shares: the keys in order, missing ones skipped, the first of another type answered
 * WRONGTYPE, the first sorted set popped; else the client blocks on all of them, or, where blocking is
 * denied (inside EXEC), gets the null array of a timeout.
 */
final class BzpopCommand implements Command {
    private final boolean max;

    BzpopCommand(boolean max) {
        this.max = max;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int last = request.argc() - 1;
        long deadline = TimeoutArgument.deadlineOrReply(request, last, client.keyspace().now(), out);
        if (deadline >= 0) {
            popOrBlock(client, request, 1, last - 1, max, -1, deadline, out);
        }
    }

    static void popOrBlock(Client client, Request request, int firstKey, int keyCount, boolean max, long count,
                           long deadline, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        for (int i = firstKey; i < firstKey + keyCount; i++) {
            int slot = keyspace.lookup(b, request.offset(i), request.length(i));
            if (slot < 0) {
                continue;
            }
            SortedSetValue zset = Lookup.typedOrReply(keyspace, slot, SortedSetValue.class, out);
            if (zset == null) {
            } else {
                if (client.propagating()) {
                    client.propagateAs(ZpopPropagation.pop(max, b, request.offset(i), request.length(i),
                            count < 0 ? -1 : Math.min(count, zset.size())));
                }
                ZsetPops.pop(keyspace, slot, zset, b, request.offset(i), request.length(i), max, count, out);
            }
            return;
        }
        if (client.blockingDenied()) {
            out.nullArrayValue();
            return;
        }
        new BlockedZsetPop(client, max, count).blockOn(request, firstKey, keyCount, deadline);
    }
}

package io.nioredis.command.list;

import io.nioredis.command.Lookup;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.TimeoutArgument;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.ListValue;

/**
 * BLPOP and BRPOP key [key ...] timeout. The first key that holds a list is popped at once; if none does,
 * the client blocks on all of them (see {@link #popOrBlock}, which BLMPOP shares).
 */
final class BlockingPopCommand implements Command {
    private final boolean atHead;

    BlockingPopCommand(boolean atHead) {
        this.atHead = atHead;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int last = request.argc() - 1;
        long deadline = TimeoutArgument.deadlineOrReply(request, last, client.keyspace().now(), out);
        if (deadline < 0) {
            return;
        }
        popOrBlock(client, request, 1, last - 1, atHead, -1, deadline, out);
    }

    /**
     * Redis's blockingPopGenericCommand: the keys in order, missing ones skipped, the first of another type
     * answered WRONGTYPE, the first list popped ({@code count} -1 for BLPOP's [key, element], else BLMPOP's
     * [key, [elements]]). With nothing to pop the client blocks, or, where blocking is denied (inside
     * EXEC), gets the null array a timeout would give.
     */
    static void popOrBlock(Client client, Request request, int firstKey, int keyCount, boolean atHead, long count,
                           long deadline, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        for (int i = firstKey; i < firstKey + keyCount; i++) {
            int off = request.offset(i);
            int len = request.length(i);
            int slot = keyspace.lookup(b, off, len);
            if (slot < 0) {
                continue;
            }
            ListValue list = Lookup.typedOrReply(keyspace, slot, ListValue.class, out);
            if (list == null) {
                return;
            }
            if (client.propagating()) {
                client.propagateAs(PopPropagation.pop(atHead, b, off, len, count < 0 ? -1 : Math.min(count, list.size())));
            }
            if (count < 0) {
                ListPops.popOne(keyspace, list, b, off, len, atHead, out);
            } else {
                ListPops.popRange(keyspace, list, b, off, len, atHead, count, out);
            }
            return;
        }
        if (client.blockingDenied()) {
            out.nullArrayValue();
            return;
        }
        BlockedListPop.pop(client, atHead, count).blockOn(request, firstKey, keyCount, deadline);
    }
}

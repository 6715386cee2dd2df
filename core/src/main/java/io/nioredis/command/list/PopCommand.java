package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;

/**
 * LPOP and RPOP key [count]. Without a count: the element or nil. With one, Redis 7.0 replies a null array
 * for a missing key (even for count 0) and an empty array for count 0 on an existing list.
 */
final class PopCommand implements Command {
    private final boolean atHead;
    private final String name;

    PopCommand(boolean atHead) {
        this.atHead = atHead;
        this.name = atHead ? "lpop" : "rpop";
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.error(Errors.wrongArity(name));
            return;
        }
        boolean hasCount = request.argc() == 3;
        long count = 1;
        if (hasCount) {
            if (!request.isLong(2) || (count = request.longValue(2)) < 0) {
                out.raw(Errors.OUT_OF_RANGE_POSITIVE);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            if (hasCount) {
                out.nullArrayValue();
            } else {
                out.nullValue();
            }
            return;
        }
        ListValue list = Lookup.typedOrReply(keyspace, slot, ListValue.class, out);
        if (list == null) {
            return;
        }
        if (count == 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        long before = list.memoryUsage();
        if (!hasCount) {
            list.popTo(atHead, out);
        } else {
            int n = (int) Math.min(count, list.size());
            out.arrayHeader(n);
            for (int i = 0; i < n; i++) {
                list.popTo(atHead, out);
            }
        }
        keyspace.adjustMemory(list.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.LIST, name, b, koff, klen);
        keyspace.deleteIfEmpty(list);
    }
}

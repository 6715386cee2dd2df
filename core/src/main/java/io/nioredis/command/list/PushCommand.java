package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;

/**
 * LPUSH, RPUSH, LPUSHX and RPUSHX key element [element ...]: the length after pushing, as Redis's
 * pushGenericCommand. The X forms reply 0 and create nothing when the key is missing.
 */
final class PushCommand implements Command {
    private final boolean atHead;
    private final boolean onlyIfExists;
    private final String event;

    PushCommand(boolean atHead, boolean onlyIfExists) {
        this.atHead = atHead;
        this.onlyIfExists = onlyIfExists;
        this.event = atHead ? "lpush" : "rpush";
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        ListValue list;
        if (slot < 0) {
            if (onlyIfExists) {
                out.raw(Replies.ZERO);
                return;
            }
            list = new ListValue(request.copy(1), client.server().config.encoding.listMaxListpackSize);
            pushAll(list, request);
            keyspace.add(list);
        } else {
            list = Lookup.typedOrReply(keyspace, slot, ListValue.class, out);
            if (list == null) {
                return;
            }
            long before = list.memoryUsage();
            pushAll(list, request);
            keyspace.adjustMemory(list.memoryUsage() - before);
        }
        out.integer(list.size());
        keyspace.changed(KeyspaceEvents.LIST, event, b, koff, klen);
    }

    private void pushAll(ListValue list, Request request) {
        list.pushAll(atHead, request, 2);
    }
}

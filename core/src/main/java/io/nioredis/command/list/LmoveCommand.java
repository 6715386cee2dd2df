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
 * LMOVE source destination LEFT|RIGHT LEFT|RIGHT, and RPOPLPUSH source destination (RIGHT, LEFT), as
 * Redis's lmoveGenericCommand: the destination's type is checked before anything is popped, source and
 * destination may be the same list (a rotation), and the source is deleted only if it ends up empty.
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
        int destSlot = keyspace.lookup(b, doff, dlen);
        ListValue dest = null;
        if (destSlot >= 0) {
            dest = Lookup.typedOrReply(keyspace, destSlot, ListValue.class, out);
            if (dest == null) {
                return;
            }
        }
        long sourceBefore = source.memoryUsage();
        byte[] element = source.pop(fromHead);
        keyspace.adjustMemory(source.memoryUsage() - sourceBefore);
        if (dest == null) {
            dest = new ListValue(request.copy(2));
            dest.push(toHead, element);
            keyspace.add(dest);
        } else {
            long destBefore = dest.memoryUsage();
            dest.push(toHead, element);
            keyspace.adjustMemory(dest.memoryUsage() - destBefore);
        }
        out.bulk(element);
        keyspace.changed(KeyspaceEvents.LIST, toHead ? "lpush" : "rpush", b, doff, dlen);
        keyspace.changed(KeyspaceEvents.LIST, fromHead ? "lpop" : "rpop", b, soff, slen);
        keyspace.deleteIfEmpty(source);
    }

    /** 1 for LEFT, 0 for RIGHT, -1 for anything else. */
    private static int side(Request request, int i) {
        if (request.is(i, ListCommands.LEFT)) {
            return 1;
        }
        return request.is(i, ListCommands.RIGHT) ? 0 : -1;
    }
}

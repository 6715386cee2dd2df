package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetValue;

/**
 * SMOVE source destination member: 1 if the member was moved (or source and destination are the same set
 * holding it), 0 otherwise. Both keys are type-checked before anything changes, as in Redis.
 */
final class SmoveCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int soff = request.offset(1);
        int slen = request.length(1);
        int doff = request.offset(2);
        int dlen = request.length(2);
        int moff = request.offset(3);
        int mlen = request.length(3);
        int srcSlot = keyspace.lookup(b, soff, slen);
        int dstSlot = keyspace.lookup(b, doff, dlen);
        if (srcSlot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        if (Lookup.checkType(keyspace, srcSlot, SetValue.class, out)
                || Lookup.checkType(keyspace, dstSlot, SetValue.class, out)) {
            return;
        }
        SetValue src = (SetValue) keyspace.entry(srcSlot);
        if (srcSlot == dstSlot) {
            out.raw(src.contains(b, moff, mlen) ? Replies.ONE : Replies.ZERO);
            return;
        }
        long before = src.memoryUsage();
        if (!src.remove(b, moff, mlen)) {
            out.raw(Replies.ZERO);
            return;
        }
        keyspace.adjustMemory(src.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.SET, "srem", b, soff, slen);
        keyspace.deleteIfEmpty(src);
        // Slots are stable for live keys, but look the destination up again rather than rely on it.
        dstSlot = keyspace.lookup(b, doff, dlen);
        SetValue dst;
        if (dstSlot < 0) {
            dst = new SetValue(request.copy(2));
            keyspace.add(dst);
        } else {
            dst = (SetValue) keyspace.entry(dstSlot);
        }
        before = dst.memoryUsage();
        if (dst.add(b, moff, mlen, SetCommands.maxIntsetEntries(client))) {
            keyspace.adjustMemory(dst.memoryUsage() - before);
            keyspace.changed(KeyspaceEvents.SET, "sadd", b, doff, dlen);
        }
        out.raw(Replies.ONE);
    }
}

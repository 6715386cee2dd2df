package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetValue;

/** SREM key member [member ...]: the number removed; the key goes when its set becomes empty. */
final class SremCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        if (!(keyspace.entry(slot) instanceof SetValue)) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        SetValue set = (SetValue) keyspace.entry(slot);
        long before = set.memoryUsage();
        long removed = 0;
        for (int i = 2; i < request.argc() && set.size() > 0; i++) {
            if (set.remove(b, request.offset(i), request.length(i))) {
                removed++;
            }
        }
        keyspace.adjustMemory(set.memoryUsage() - before);
        if (removed > 0) {
            SetCommands.changedAndDeleteIfEmpty(keyspace, slot, set, "srem", b, koff, klen);
        }
        out.integer(removed);
    }
}

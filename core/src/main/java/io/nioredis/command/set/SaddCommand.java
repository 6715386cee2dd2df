package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetValue;

/** SADD key member [member ...]: the number of members that were not there yet. */
final class SaddCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        SetValue set;
        if (slot < 0) {
            set = new SetValue(request.copy(1));
            keyspace.add(set);
        } else {
            set = Lookup.typedOrReply(keyspace, slot, SetValue.class, out);
            if (set == null) {
                return;
            }
        }
        long before = set.memoryUsage();
        long added = 0;
        long maxIntsetEntries = SetCommands.maxIntsetEntries(client);
        for (int i = 2; i < request.argc(); i++) {
            if (set.add(b, request.offset(i), request.length(i), maxIntsetEntries)) {
                added++;
            }
        }
        keyspace.adjustMemory(set.memoryUsage() - before);
        if (added > 0) {
            keyspace.changed(KeyspaceEvents.SET, "sadd", b, koff, klen);
        }
        out.integer(added);
    }
}

package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Propagated;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetValue;

/**
 * SPOP key [count]: removes random members. Without a count the reply is one bulk string (nil for a
 * missing key); with one it is a set of up to count members (RESP3 {@code ~}), as Redis 7.0.
 */
final class SpopCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.raw(Errors.SYNTAX);
            return;
        }
        long count = -1;
        if (request.argc() == 3) {
            count = SetCommands.positiveCountOrReply(request, 2, out);
            if (count < 0) {
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            if (count < 0) {
                out.nullValue();
            } else {
                out.setHeader(0);
            }
            return;
        }
        SetValue set = Lookup.typedOrReply(keyspace, slot, SetValue.class, out);
        if (set == null) {
            return;
        }
        if (count == 0) {
            out.setHeader(0);
            return;
        }
        long before = set.memoryUsage();
        long n = count < 0 ? 1 : Math.min(count, set.size());
        if (count >= 0) {
            out.setHeader(n);
        }
        // Redis's propagation: one member as SREM key member, the whole set as DEL key, else one SREM per
        // member popped, in the order of the reply.
        boolean propagating = client.propagating();
        boolean whole = count >= 0 && count >= set.size();
        for (long i = 0; i < n; i++) {
            int member = set.randomSlot();
            byte[] e = set.entry(member);
            SetCommands.writeMember(e, out);
            if (propagating && !whole) {
                propagateRemoval(client, request, e, count < 0);
            }
            set.removeSlot(member);
        }
        if (propagating && whole) {
            client.propagateAs(Propagated.of(Propagated.DEL, request.copy(1)));
        } else if (propagating && count >= 0) {
            client.propagateNothing();
        }
        keyspace.adjustMemory(set.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.SET, "spop", b, koff, klen);
        keyspace.deleteIfEmpty(set);
    }

    private static void propagateRemoval(Client client, Request request, byte[] entry, boolean single) {
        int off = StringEntry.keyOffset(entry);
        byte[][] srem = {Propagated.SREM.clone(), request.copy(1),
            java.util.Arrays.copyOfRange(entry, off, off + StringEntry.keyLength(entry))};
        if (single) {
            client.propagateAs(srem);
        } else {
            client.propagateAlso(srem);
        }
    }
}

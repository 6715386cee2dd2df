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
import io.nioredis.text.Ascii;

/**
 * LREM key count element: removes the first {@code count} matches from the head (count &gt; 0), from the
 * tail (count &lt; 0) or all of them (0); replies how many it removed.
 */
final class LremCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long count = request.longValue(2);
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        ListValue list = Lookup.writeOrReply(keyspace, request, 1, ListValue.class, Missing.ZERO, out);
        if (list == null) {
            return;
        }
        boolean fromTail = count < 0;
        // -Long.MIN_VALUE stays negative, which like 0 means "no limit", as in Redis.
        long limit = fromTail ? -count : count;
        int eoff = request.offset(3);
        int elen = request.length(3);
        int size = list.size();
        boolean[] doomed = null;
        long removed = 0;
        boolean probeIsInteger = ListValue.isInteger(b, eoff, elen);
        long probeValue = probeIsInteger ? Ascii.parseLong(b, eoff, elen) : 0;
        long h = fromTail ? list.last() : list.first();
        for (int n = 0; n < size && (limit <= 0 || removed < limit); n++, h = fromTail ? list.previous(h) : list.next(h)) {
            int i = fromTail ? size - 1 - n : n;
            if (list.matches(h, b, eoff, elen, probeIsInteger, probeValue)) {
                if (doomed == null) {
                    doomed = new boolean[size];
                }
                doomed[i] = true;
                removed++;
            }
        }
        if (removed > 0) {
            long before = list.memoryUsage();
            list.removeMarked(doomed);
            keyspace.adjustMemory(list.memoryUsage() - before);
            keyspace.changed(KeyspaceEvents.LIST, "lrem", b, koff, klen);
            keyspace.deleteIfEmpty(list);
        }
        out.integer(removed);
    }
}

package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;
import io.nioredis.text.Ascii;

/**
 * LINSERT key BEFORE|AFTER pivot element: the new length, -1 if the pivot is not in the list, 0 if the key
 * is missing. The BEFORE/AFTER token is checked before the key, as Redis does.
 */
final class LinsertCommand implements Command {
    private static final byte[] BEFORE = {'b', 'e', 'f', 'o', 'r', 'e'};
    private static final byte[] AFTER = {'a', 'f', 't', 'e', 'r'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean after;
        if (request.is(2, AFTER)) {
            after = true;
        } else if (request.is(2, BEFORE)) {
            after = false;
        } else {
            out.raw(Errors.SYNTAX);
            return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        ListValue list = Lookup.writeOrReply(keyspace, request, 1, ListValue.class, Missing.ZERO, out);
        if (list == null) {
            return;
        }
        int poff = request.offset(3);
        int plen = request.length(3);
        boolean probeIsInteger = ListValue.isInteger(b, poff, plen);
        long probeValue = probeIsInteger ? Ascii.parseLong(b, poff, plen) : 0;
        int i = 0;
        for (long h = list.first(); h != ListValue.NONE; h = list.next(h), i++) {
            if (list.matches(h, b, poff, plen, probeIsInteger, probeValue)) {
                long before = list.memoryUsage();
                list.insert(i, after, b, request.offset(4), request.length(4));
                keyspace.adjustMemory(list.memoryUsage() - before);
                keyspace.changed(KeyspaceEvents.LIST, "linsert", b, koff, klen);
                out.integer(list.size());
                return;
            }
        }
        out.raw(Replies.MINUS_ONE);
    }
}

package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;
import io.nioredis.value.bitmap.BitOperation;

/**
 * BITOP AND|OR|XOR|NOT destkey key [key ...]: replies the result's length. A missing source reads as an empty
 * string; an empty result deletes the destination ("del") instead of storing it, otherwise the destination is
 * replaced, losing its TTL, with Redis's "set" event.
 */
final class BitopCommand implements Command {
    /** Source views, reused by every call: the event loop is single-threaded. */
    private byte[][] sources = new byte[4][];
    private int[] offsets = new int[4];
    private int[] lengths = new int[4];

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        BitOperation op = BitOperation.parse(request.copy(1));
        if (op == null) {
            out.raw(Errors.SYNTAX);
            return;
        }
        int argc = request.argc();
        if (op == BitOperation.NOT && argc != 4) {
            out.raw(Errors.BITOP_NOT_ARITY);
            return;
        }
        int count = argc - 3;
        if (sources.length < count) {
            sources = new byte[count][];
            offsets = new int[count];
            lengths = new int[count];
        }
        byte[] b = request.array();
        Keyspace keyspace = client.keyspace();
        try {
            for (int j = 0; j < count; j++) {
                int slot = keyspace.lookupRead(b, request.offset(3 + j), request.length(3 + j));
                if (slot < 0) {
                    sources[j] = null;
                    offsets[j] = 0;
                    lengths[j] = 0;
                    continue;
                }
                if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
                    return;
                }
                byte[] e = keyspace.stringArray(slot);
                int eb = keyspace.stringBase(slot);
                sources[j] = e;
                offsets[j] = StringEntry.valueOffset(e, eb);
                lengths[j] = StringEntry.valueLength(e, eb);
            }
            int length = BitOperation.resultLength(lengths, count);
            int koff = request.offset(2);
            int klen = request.length(2);
            if (length == 0) {
                if (keyspace.delete(b, koff, klen)) {
                    keyspace.changed(KeyspaceEvents.GENERIC, "del", b, koff, klen);
                }
                out.integer(0);
                return;
            }
            byte[] result = new byte[length];
            op.apply(sources, offsets, lengths, count, result, 0);
            int slot = keyspace.lookup(b, koff, klen);
            if (slot < 0) {
                keyspace.addString(b, koff, klen, result, 0, length, StringEntry.RAW);
            } else {
                keyspace.setString(slot, result, 0, length, StringEntry.RAW);
                keyspace.persist(slot);
            }
            keyspace.changed(KeyspaceEvents.STRING, "set", b, koff, klen);
            out.integer(length);
        } finally {
            java.util.Arrays.fill(sources, 0, count, null);
        }
    }
}

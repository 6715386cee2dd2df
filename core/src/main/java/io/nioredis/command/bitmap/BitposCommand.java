package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.StringEntry;
import io.nioredis.value.bitmap.BitPosition;

/**
 * BITPOS key bit [start [end [BYTE|BIT]]], in Redis 7.0's order: the bit argument, then the key (a missing key is
 * all zeros: 0 for bit 0, -1 for bit 1, whatever follows), then start, the unit, and end.
 */
final class BitposCommand implements Command {
    private static final byte[] BIT = {'b', 'i', 't'};
    private static final byte[] BYTE = {'b', 'y', 't', 'e'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long bitArg = request.longValue(2);
        if (bitArg != 0 && bitArg != 1) {
            out.raw(Errors.BITPOS_BIT);
            return;
        }
        int bit = (int) bitArg;
        byte[] b = request.array();
        int slot = client.keyspace().lookupRead(b, request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(bit == 1 ? Replies.MINUS_ONE : Replies.ZERO);
            return;
        }
        if (Lookup.stringOrReply(client.keyspace(), slot, out) < 0) {
            return;
        }
        byte[] e = client.keyspace().stringArray(slot);
        int eb = client.keyspace().stringBase(slot);
        int from = StringEntry.valueOffset(e, eb);
        int length = StringEntry.valueLength(e, eb);
        int argc = request.argc();
        if (argc == 3) {
            out.integer(BitPosition.find(e, from, length, bit));
            return;
        }
        if (argc > 6) {
            out.raw(Errors.SYNTAX);
            return;
        }
        if (!request.isLong(3)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long start = request.longValue(3);
        boolean bitUnit = false;
        if (argc == 6) {
            if (request.is(5, BIT)) {
                bitUnit = true;
            } else if (!request.is(5, BYTE)) {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (argc == 4) {
            out.integer(BitPosition.find(e, from, length, bit, start));
            return;
        }
        if (!request.isLong(4)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        out.integer(BitPosition.find(e, from, length, bit, start, request.longValue(4), true, bitUnit));
    }
}

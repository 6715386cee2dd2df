package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.bitmap.BitCount;

/**
 * BITCOUNT key [start end [BYTE|BIT]]. Redis 7.0 looks the key up before it reads the range, so a missing key
 * answers 0 whatever the other arguments are, and two negative indexes out of order answer 0 before the unit is
 * looked at.
 */
final class BitcountCommand implements Command {
    private static final byte[] BIT = {'b', 'i', 't'};
    private static final byte[] BYTE = {'b', 'y', 't', 'e'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        Keyspace keyspace = client.keyspace();
        int slot = Lookup.readStringOrReply(keyspace, request, 1, Missing.ZERO, out);
        if (slot < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        int from = StringEntry.valueOffset(e, eb);
        int length = StringEntry.valueLength(e, eb);
        int argc = request.argc();
        if (argc == 2) {
            out.integer(BitCount.count(e, from, length));
            return;
        }
        if (argc != 4 && argc != 5) {
            out.raw(Errors.SYNTAX);
            return;
        }
        if (!request.isLong(2) || !request.isLong(3)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long start = request.longValue(2);
        long end = request.longValue(3);
        if (start < 0 && end < 0 && start > end) {
            out.raw(Replies.ZERO);
            return;
        }
        boolean bitUnit = false;
        if (argc == 5) {
            if (request.is(4, BIT)) {
                bitUnit = true;
            } else if (!request.is(4, BYTE)) {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        out.integer(BitCount.count(e, from, length, start, end, bitUnit));
    }
}

package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.text.Ascii;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/** HINCRBY key field increment: the new value; a missing field counts as 0. */
final class HincrbyCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(3)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long increment = request.longValue(3);
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        HashValue hash = HashCommands.forWriteOrReply(keyspace, slot, request, out);
        if (hash == null) {
            return;
        }
        int foff = request.offset(2);
        int flen = request.length(2);
        long value = 0;
        int h = hash.find(b, foff, flen);
        if (h >= 0) {
            byte[] v = hash.valueArray(h);
            int voff = hash.valueOffset(h);
            int vlen = hash.valueLength(h);
            if (!Ascii.isLong(v, voff, vlen)) {
                out.raw(Errors.HASH_VALUE_NOT_INTEGER);
                return;
            }
            value = Ascii.parseLong(v, voff, vlen);
        }
        long result = value + increment;
        if (((value ^ result) & (increment ^ result)) < 0) {
            out.raw(Errors.INCREMENT_OVERFLOW);
            return;
        }
        byte[] digits = new byte[Ascii.decimalLength(result)];
        Ascii.writeLong(digits, 0, result);
        long before = hash.memoryUsage();
        EncodingLimits limits = client.server().config.encoding;
        hash.put(b, foff, flen, digits, 0, digits.length, limits.hashMaxListpackEntries, limits.hashMaxListpackValue);
        HashCommands.stored(keyspace, slot, hash, before);
        out.integer(result);
        keyspace.changed(KeyspaceEvents.HASH, "hincrby", b, koff, klen);
    }
}

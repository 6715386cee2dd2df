package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;

import io.nioredis.text.Ascii;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;

/**
 * INCR, DECR, INCRBY and DECRBY (Redis's incrDecrCommand). The stored value must be a strict 64-bit
 * integer; the result is stored as its decimal digits.
 *
 * <p>When the new number has as many digits as the old value, the digits are written into the existing
 * entry, so counting on a key allocates nothing until the number grows a digit.
 */
final class IncrCommand implements Command {
    private static final byte[] OVERFLOW = Errors.encode("ERR increment or decrement would overflow");
    private static final byte[] DECREMENT_OVERFLOW = Errors.encode("ERR decrement would overflow");

    /** +1 for INCR/INCRBY, -1 for DECR/DECRBY. */
    private final int sign;
    /** True for INCRBY/DECRBY, which take the amount as their second argument. */
    private final boolean hasAmount;
    /** Scratch for the digits of a number that needs a new entry; a table (and so this) serves one thread. */
    private final byte[] digits = new byte[20];

    IncrCommand(int sign, boolean hasAmount) {
        this.sign = sign;
        this.hasAmount = hasAmount;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        long delta = 1;
        if (hasAmount) {
            if (!request.isLong(2)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            delta = request.longValue(2);
            if (sign < 0) {
                if (delta == Long.MIN_VALUE) {
                    out.raw(DECREMENT_OVERFLOW);
                    return;
                }
                delta = -delta;
            }
        } else {
            delta = sign;
        }
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, koff, klen);
        long old = 0;
        if (slot >= 0) {
            if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
                return;
            }
            byte[] e = keyspace.stringArray(slot);
            int eb = keyspace.stringBase(slot);
            int voff = StringEntry.valueOffset(e, eb);
            int vlen = StringEntry.valueLength(e, eb);
            if (!Ascii.isLong(e, voff, vlen)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            old = Ascii.parseLong(e, voff, vlen);
        }
        long value = old + delta;
        if (((old ^ value) & (delta ^ value)) < 0) {
            out.raw(OVERFLOW);
            return;
        }
        store(keyspace, slot, b, koff, klen, value);
        keyspace.changed(KeyspaceEvents.STRING, "incrby", b, koff, klen);
        out.integer(value);
    }

    /** Stores the digits of {@code value}: an integer object to Redis, whatever the string was. */
    private void store(Keyspace keyspace, int slot, byte[] k, int koff, int klen, long value) {
        int len = Ascii.writeLong(digits, 0, value);
        if (slot >= 0) {
            keyspace.setString(slot, digits, 0, len, StringEntry.BY_VALUE); // in place when the length is the same
        } else {
            keyspace.addStringAfterMiss(k, koff, klen, digits, 0, len, StringEntry.BY_VALUE);
        }
    }
}

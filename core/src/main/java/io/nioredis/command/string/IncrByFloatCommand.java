package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.text.LongDouble;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * INCRBYFLOAT key increment: long double arithmetic and formatting as Redis on x86-64 (see
 * {@link LongDouble}), so {@code 10.5 + 0.1} is stored and replied as {@code 10.6}. Keeps the TTL.
 */
final class IncrByFloatCommand implements Command {
    static final byte[] NOT_FLOAT = Errors.encode("ERR value is not a valid float");
    static final byte[] NAN_OR_INFINITY = Errors.encode("ERR increment would produce NaN or Infinity");

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, koff, klen);
        BigDecimal old = BigDecimal.ZERO;
        if (slot >= 0) {
            if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
                return;
            }
            byte[] e = keyspace.stringArray(slot);
            int eb = keyspace.stringBase(slot);
            old = LongDouble.parse(e, StringEntry.valueOffset(e, eb), StringEntry.valueLength(e, eb));
        }
        BigDecimal increment = LongDouble.parse(b, request.offset(2), request.length(2));
        if (old == null || increment == null) {
            out.raw(NOT_FLOAT);
            return;
        }
        // Any infinite operand gives an infinite or NaN sum, which Redis refuses.
        BigDecimal sum = old == LongDouble.INFINITY || increment == LongDouble.INFINITY
                ? LongDouble.INFINITY : LongDouble.add(old, increment);
        if (sum == LongDouble.INFINITY) {
            out.raw(NAN_OR_INFINITY);
            return;
        }
        byte[] text = LongDouble.format(sum).getBytes(StandardCharsets.US_ASCII);
        // Redis makes the sum a string object without trying an integer: "5000" is embstr, not int.
        if (slot >= 0) {
            keyspace.setString(slot, text, 0, text.length, StringEntry.NOT_INT);
        } else {
            keyspace.addString(b, koff, klen, text, 0, text.length, StringEntry.NOT_INT);
        }
        keyspace.changed(KeyspaceEvents.STRING, "incrbyfloat", b, koff, klen);
        if (client.propagating()) {
            // As Redis: the exact result, so that float rounding cannot differ on a replica or on reload.
            client.propagateAs(Propagated.of(Propagated.SET, request.copy(1), text, Propagated.KEEPTTL));
        }
        out.bulk(text);
    }
}

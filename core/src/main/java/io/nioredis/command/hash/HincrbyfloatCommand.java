package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;
import io.nioredis.command.Errors;
import io.nioredis.text.LongDouble;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * HINCRBYFLOAT key field increment: the new value as text, computed and formatted in long double
 * precision as Redis does (see {@link LongDouble}), so {@code 10.5 + 0.1} gives "10.6".
 */
final class HincrbyfloatCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        BigDecimal increment = LongDouble.parse(b, request.offset(3), request.length(3));
        if (increment == null) {
            out.raw(Errors.NOT_A_VALID_FLOAT);
            return;
        }
        if (increment == LongDouble.INFINITY) {
            out.raw(Errors.INCREMENT_NAN_OR_INFINITY);
            return;
        }
        Keyspace keyspace = client.keyspace();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        HashValue hash = HashCommands.forWriteOrReply(keyspace, slot, request, out);
        if (hash == null) {
            return;
        }
        int foff = request.offset(2);
        int flen = request.length(2);
        BigDecimal value = BigDecimal.ZERO;
        int h = hash.find(b, foff, flen);
        if (h >= 0) {
            value = LongDouble.parse(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
            if (value == null) {
                out.raw(Errors.HASH_VALUE_NOT_FLOAT);
                return;
            }
        }
        BigDecimal result = value == LongDouble.INFINITY ? value : LongDouble.add(value, increment);
        if (result == LongDouble.INFINITY) {
            out.raw(Errors.RESULT_NAN_OR_INFINITY);
            return;
        }
        byte[] text = LongDouble.format(result).getBytes(StandardCharsets.US_ASCII);
        long before = hash.memoryUsage();
        EncodingLimits limits = client.server().config.encoding;
        hash.put(b, foff, flen, text, 0, text.length, limits.hashMaxListpackEntries, limits.hashMaxListpackValue);
        HashCommands.stored(keyspace, slot, hash, before);
        out.bulk(text);
        keyspace.changed(KeyspaceEvents.HASH, "hincrbyfloat", b, koff, klen);
        if (client.propagating()) {
            // As Redis: HSET with the exact result, so that float rounding cannot differ elsewhere.
            client.propagateAs(Propagated.of(Propagated.HSET, request.copy(1), request.copy(2), text));
        }
    }
}

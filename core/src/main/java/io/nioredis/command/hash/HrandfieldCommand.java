package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HRANDFIELD key [count [WITHVALUES]], as Redis's hrandfieldCommand: without a count one field or nil; a
 * positive count gives that many distinct fields (the whole hash if it has no more), a negative one that
 * many independent picks, which may repeat. With WITHVALUES, RESP2 gets a flat field/value array and RESP3
 * an array of [field, value] pairs.
 */
final class HrandfieldCommand implements Command {
    private static final byte[] WITHVALUES = "withvalues".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int argc = request.argc();
        if (argc >= 3) {
            if (!request.isLong(2)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            long count = request.longValue(2);
            if (count == Long.MIN_VALUE) {
                out.error("ERR value is out of range, value must between " + -Long.MAX_VALUE + " and "
                        + Long.MAX_VALUE);
                return;
            }
            boolean withValues = false;
            if (argc > 4 || (argc == 4 && !request.is(3, WITHVALUES))) {
                out.raw(Errors.SYNTAX);
                return;
            } else if (argc == 4) {
                withValues = true;
                if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) {
                    out.raw(Errors.VALUE_OUT_OF_RANGE);
                    return;
                }
            }
            withCount(client, request, count, withValues, out);
            return;
        }
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.NULL, out);
        if (hash != null) {
            int h = hash.randomHandle();
            out.bulk(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h));
        }
    }

    private static void withCount(Client client, Request request, long count, boolean withValues,
                                  RespWriter out) {
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.EMPTY_ARRAY, out);
        if (hash == null) {
            return;
        }
        if (count == 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        boolean pairs = withValues && out.protocol() == 3;
        if (count < 0) {
            long n = -count;
            out.arrayHeader(withValues && !pairs ? n * 2 : n);
            for (long i = 0; i < n; i++) {
                reply(hash, hash.randomHandle(), withValues, pairs, out);
            }
            return;
        }
        int size = hash.size();
        int n = (int) Math.min(count, size);
        out.arrayHeader(withValues && !pairs ? 2L * n : n);
        // Selection sampling (Knuth's algorithm S): each field is taken with probability
        // still-needed / still-unseen, which yields exactly n distinct fields, uniformly.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int needed = n;
        int unseen = size;
        for (int h = 0; h < hash.handleLimit() && needed > 0; h++) {
            if (!hash.has(h)) {
                continue;
            }
            if (random.nextInt(unseen) < needed) {
                reply(hash, h, withValues, pairs, out);
                needed--;
            }
            unseen--;
        }
    }

    private static void reply(HashValue hash, int h, boolean withValues, boolean pairs, RespWriter out) {
        if (pairs) {
            out.arrayHeader(2);
        }
        out.bulk(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h));
        if (withValues) {
            out.bulk(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
        }
    }
}

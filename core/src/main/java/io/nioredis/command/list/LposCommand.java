package io.nioredis.command.list;

import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.ListValue;
import io.nioredis.text.Ascii;
import java.util.Arrays;

/**
 * LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len], as Redis's lposCommand: RANK picks the
 * n-th match (negative: from the tail), COUNT returns up to that many indexes as an array (0: all),
 * MAXLEN limits how many elements are compared. Without COUNT the reply is one index or nil.
 */
final class LposCommand implements Command {
    private static final byte[] RANK = {'r', 'a', 'n', 'k'};
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] MAXLEN = {'m', 'a', 'x', 'l', 'e', 'n'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        long rank = 1;
        long count = -1; // -1: no COUNT option
        long maxlen = 0;
        int argc = request.argc();
        for (int j = 3; j < argc; j++) {
            boolean moreArgs = j < argc - 1;
            if (request.is(j, RANK) && moreArgs) {
                j++;
                if (!request.isLong(j)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                rank = request.longValue(j);
                if (rank == 0) {
                    out.raw(Errors.LPOS_RANK_ZERO);
                    return;
                }
            } else if (request.is(j, COUNT) && moreArgs) {
                j++;
                if (!request.isLong(j) || (count = request.longValue(j)) < 0) {
                    out.raw(Errors.LPOS_COUNT_NEGATIVE);
                    return;
                }
            } else if (request.is(j, MAXLEN) && moreArgs) {
                j++;
                if (!request.isLong(j) || (maxlen = request.longValue(j)) < 0) {
                    out.raw(Errors.LPOS_MAXLEN_NEGATIVE);
                    return;
                }
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        boolean fromTail = false;
        if (rank < 0) {
            rank = -rank; // Long.MIN_VALUE stays negative: then every match qualifies, as in Redis
            fromTail = true;
        }
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            if (count != -1) {
                out.raw(Replies.EMPTY_ARRAY);
            } else {
                out.nullValue();
            }
            return;
        }
        ListValue list = Lookup.typedOrReply(client.keyspace(), slot, ListValue.class, out);
        if (list == null) {
            return;
        }
        byte[] b = request.array();
        int eoff = request.offset(2);
        int elen = request.length(2);
        int size = list.size();
        long limit = maxlen == 0 ? size : Math.min(maxlen, size);
        long matches = 0;
        // With COUNT the indexes are collected first, as the array length is only known at the end.
        int[] found = null;
        int foundCount = 0;
        boolean probeIsInteger = ListValue.isInteger(b, eoff, elen);
        long probeValue = probeIsInteger ? Ascii.parseLong(b, eoff, elen) : 0;
        long h = fromTail ? list.last() : list.first();
        for (int n = 0; n < limit; n++, h = fromTail ? list.previous(h) : list.next(h)) {
            int i = fromTail ? size - 1 - n : n;
            if (!list.matches(h, b, eoff, elen, probeIsInteger, probeValue)) {
                continue;
            }
            matches++;
            if (matches < rank) {
                continue;
            }
            if (count == -1) {
                out.integer(i);
                return;
            }
            if (found == null) {
                found = new int[16];
            } else if (foundCount == found.length) {
                found = Arrays.copyOf(found, foundCount * 2);
            }
            found[foundCount++] = i;
            if (count != 0 && matches - rank + 1 >= count) {
                break;
            }
        }
        if (count == -1) {
            out.nullValue();
            return;
        }
        out.arrayHeader(foundCount);
        for (int k = 0; k < foundCount; k++) {
            out.integer(found[k]);
        }
    }
}

package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/**
 * ZSCORE key member (a double, nil if absent) and ZMSCORE key member [member ...] (an array of them).
 */
final class ZscoreCommand implements Command {
    private final boolean multi;

    ZscoreCommand(boolean multi) {
        this.multi = multi;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (Lookup.checkType(keyspace, slot, SortedSetValue.class, out)) {
            return;
        }
        SortedSetValue zset = slot < 0 ? null : (SortedSetValue) keyspace.entry(slot);
        if (multi) {
            out.arrayHeader(request.argc() - 2);
        }
        for (int i = 2; i < request.argc(); i++) {
            double score = zset == null ? Double.NaN : zset.score(request.array(), request.offset(i), request.length(i));
            if (Double.isNaN(score)) {
                out.nullValue();
            } else {
                out.doubleValue(score);
            }
        }
    }
}

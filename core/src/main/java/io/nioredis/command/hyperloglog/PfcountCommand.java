package io.nioredis.command.hyperloglog;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.hll.HyperLogLog;
import io.nioredis.value.hll.HyperLogLogUnion;

/**
 * PFCOUNT key [key ...]. One key answers from the cached cardinality, or estimates and writes the cache into the
 * value, which Redis counts as a modification (WATCH sees it) though PFCOUNT is a read command. Several keys
 * answer the cardinality of their union, changing nothing; missing keys count as empty.
 */
final class PfcountCommand implements Command {
    private final HyperLogLogUnion union = new HyperLogLogUnion();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        Keyspace keyspace = client.keyspace();
        int argc = request.argc();
        if (argc > 2) {
            union.clear();
            for (int j = 1; j < argc; j++) {
                int slot = keyspace.lookupRead(b, request.offset(j), request.length(j));
                if (slot < 0) {
                    continue;
                }
                if (HllStrings.hllOrReply(keyspace, slot, out) < 0) {
                    return;
                }
                byte[] e = keyspace.stringArray(slot);
                int eb = keyspace.stringBase(slot);
                int from = StringEntry.valueOffset(e, eb);
                if (!union.add(e, from, StringEntry.valueLength(e, eb))) {
                    out.raw(Errors.HLL_CORRUPTED);
                    return;
                }
            }
            out.integer(union.estimate());
            return;
        }
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookupRead(b, koff, klen);
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        if (HllStrings.hllOrReply(keyspace, slot, out) < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        HllStrings.unshared(e, eb); // the cache is part of the value
        int from = StringEntry.valueOffset(e, eb);
        if (HyperLogLog.hasValidCache(e, from)) {
            out.integer(HyperLogLog.cachedCardinality(e, from));
            return;
        }
        long cardinality = HyperLogLog.count(e, from, StringEntry.valueLength(e, eb));
        if (cardinality == HyperLogLog.CORRUPTED) {
            out.raw(Errors.HLL_CORRUPTED);
            return;
        }
        keyspace.modified(b, koff, klen);
        out.integer(cardinality);
    }
}

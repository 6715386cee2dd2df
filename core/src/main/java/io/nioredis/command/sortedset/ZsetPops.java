package io.nioredis.command.sortedset;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/**
 * Popping with the key in the reply, as Redis's genericZpopCommand with emitkey: BZPOPMIN/BZPOPMAX answer
 * the flat [key, member, score], ZMPOP and BZMPOP [key, [[member, score], ...]] in both protocols, whether
 * at once or when served later. Then the zpopmin/zpopmax event, and the key deleted once empty.
 */
final class ZsetPops {
    private ZsetPops() {}

    /**
     * Pops from the non-empty sorted set at {@code slot}: one member as a flat reply if {@code count} is -1,
     * else up to {@code count} as pairs. Returns true if that emptied and deleted the key.
     */
    static boolean pop(Keyspace keyspace, int slot, SortedSetValue zset, byte[] b, int off, int len, boolean max,
                       long count, RespWriter out) {
        boolean flat = count < 0;
        long n = flat ? 1 : Math.min(count, zset.size());
        if (flat) {
            out.arrayHeader(3);
            out.bulk(b, off, len);
        } else {
            out.arrayHeader(2);
            out.bulk(b, off, len);
            out.arrayHeader(n);
        }
        long before = zset.memoryUsage();
        long size = zset.size();
        for (long i = 0; i < n; i++) {
            long rank = max ? size - 1 - i : i;
            if (!flat) {
                out.arrayHeader(2);
            }
            out.bulk(zset.memberArray(rank), zset.memberOffset(rank), zset.memberLength(rank));
            out.doubleValue(zset.score(rank));
        }
        zset.removeRanks(max ? size - n : 0, max ? size - 1 : n - 1);
        keyspace.adjustMemory(zset.memoryUsage() - before);
        boolean empty = zset.size() == 0;
        SortedSetCommands.changedAndDeleteIfEmpty(keyspace, slot, zset, max ? "zpopmax" : "zpopmin", b, off, len);
        return empty;
    }
}

package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.BlockedCall;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/**
 * A BZPOPMIN, BZPOPMAX or BZMPOP waiting for a sorted set, served as Redis 7.0's
 * serveClientsBlockedOnSortedSetKey; only a sorted set serves it.
 */
final class BlockedZsetPop extends BlockedCall {
    private final boolean max;
    /** Members to pop for BZMPOP; -1 for BZPOPMIN/BZPOPMAX's flat reply. */
    private final long count;

    BlockedZsetPop(Client client, boolean max, long count) {
        super(client);
        this.max = max;
        this.count = count;
    }

    @Override
    protected boolean accepts(Object value, int keyIndex) {
        return value instanceof SortedSetValue;
    }

    @Override
    protected boolean serve(Keyspace db, int slot, byte[] key, int keyIndex) {
        RespWriter out = reply();
        SortedSetValue zset = (SortedSetValue) db.entry(slot);
        if (client.propagating()) {
            ZpopPropagation.served(client, db, ZpopPropagation.pop(max, key, 0, key.length,
                    count < 0 ? -1 : Math.min(count, zset.size())));
        }
        boolean deleted = ZsetPops.pop(db, slot, zset, key, 0, key.length, max, count, out);
        send(out);
        return deleted;
    }
}

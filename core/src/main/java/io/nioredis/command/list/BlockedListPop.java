package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.BlockedCall;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.ListValue;

/**
 * A BLPOP, BRPOP, BLMPOP, BLMOVE or BRPOPLPUSH waiting for a list, served as Redis 7.0's
 * serveClientBlockedOnList: the pops answer [key, element] (BLMPOP [key, [elements]]), the moves push
 * the element to their destination and answer it, or answer WRONGTYPE and pop nothing if the destination
 * now holds another type. Only a list serves it; a key of another type leaves it waiting.
 */
final class BlockedListPop extends BlockedCall {
    private final boolean fromHead;
    /** Elements to pop for BLMPOP; -1 for the single-element reply of BLPOP and BRPOP. */
    private final long count;
    /** BLMOVE's destination key, or null. */
    private final byte[] destination;
    private final boolean toHead;
    /** BRPOPLPUSH rather than BLMOVE, for what is propagated. */
    private final boolean rpoplpush;

    private BlockedListPop(Client client, boolean fromHead, long count, byte[] destination, boolean toHead,
                           boolean rpoplpush) {
        super(client);
        this.rpoplpush = rpoplpush;
        this.fromHead = fromHead;
        this.count = count;
        this.destination = destination;
        this.toHead = toHead;
    }

    static BlockedListPop pop(Client client, boolean fromHead, long count) {
        return new BlockedListPop(client, fromHead, count, null, false, false);
    }

    static BlockedListPop move(Client client, boolean fromHead, byte[] destination, boolean toHead,
                               boolean rpoplpush) {
        return new BlockedListPop(client, fromHead, -1, destination, toHead, rpoplpush);
    }

    @Override
    protected boolean accepts(Object value, int keyIndex) {
        return value instanceof ListValue;
    }

    @Override
    protected boolean serve(Keyspace db, int slot, byte[] key, int keyIndex) {
        ListValue list = (ListValue) db.entry(slot);
        RespWriter out = reply();
        boolean deleted;
        byte[][] propagated = null;
        if (destination != null) {
            int result = ListMove.moveOrReply(db, list, key, 0, key.length, destination, 0, destination.length,
                    fromHead, toHead, client.server().config.encoding.listMaxListpackSize, out);
            deleted = result == ListMove.SOURCE_DELETED;
            if (result != ListMove.WRONG_TYPE && client.propagating()) {
                propagated = PopPropagation.move(key, destination, fromHead, toHead, rpoplpush);
            }
        } else {
            if (client.propagating()) {
                propagated = PopPropagation.pop(fromHead, key, 0, key.length, count < 0 ? -1
                        : Math.min(count, list.size()));
            }
            deleted = count < 0 ? ListPops.popOne(db, list, key, 0, key.length, fromHead, out)
                    : ListPops.popRange(db, list, key, 0, key.length, fromHead, count, out);
        }
        if (propagated != null) {
            PopPropagation.served(client, db, propagated);
        }
        send(out);
        return deleted;
    }
}

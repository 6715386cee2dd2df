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

    private BlockedListPop(Client client, boolean fromHead, long count, byte[] destination, boolean toHead) {
        super(client);
        this.fromHead = fromHead;
        this.count = count;
        this.destination = destination;
        this.toHead = toHead;
    }

    static BlockedListPop pop(Client client, boolean fromHead, long count) {
        return new BlockedListPop(client, fromHead, count, null, false);
    }

    static BlockedListPop move(Client client, boolean fromHead, byte[] destination, boolean toHead) {
        return new BlockedListPop(client, fromHead, -1, destination, toHead);
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
        if (destination != null) {
            deleted = ListMove.moveOrReply(db, list, key, 0, key.length, destination, 0, destination.length,
                    fromHead, toHead, out) == ListMove.SOURCE_DELETED;
        } else if (count < 0) {
            deleted = ListPops.popOne(db, list, key, 0, key.length, fromHead, out);
        } else {
            deleted = ListPops.popRange(db, list, key, 0, key.length, fromHead, count, out);
        }
        send(out);
        return deleted;
    }
}

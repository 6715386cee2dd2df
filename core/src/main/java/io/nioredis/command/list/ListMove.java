package io.nioredis.command.list;

import io.nioredis.command.Lookup;

import io.nioredis.command.Errors;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;
import java.util.Arrays;

/**
 * The move of LMOVE, RPOPLPUSH and of BLMOVE/BRPOPLPUSH when served, as Redis's lmoveGenericCommand: the
 * destination's type is checked before anything is popped, source and destination may be one list (a
 * rotation), a missing destination is created (which may serve clients blocked on it), and the source is
 * deleted once empty. Replies with the element moved, or WRONGTYPE.
 */
final class ListMove {
    private ListMove() {}

    static final int WRONG_TYPE = -1;
    static final int MOVED = 0;
    static final int SOURCE_DELETED = 1;

    /**
     * Moves one element from the non-empty {@code source} (key sb[soff..]) to key db[doff..]; a new
     * destination list gets {@code fill} (list-max-listpack-size now).
     */
    static int moveOrReply(Keyspace keyspace, ListValue source, byte[] sb, int soff, int slen,
                           byte[] db, int doff, int dlen, boolean fromHead, boolean toHead, int fill,
                           RespWriter out) {
        int destSlot = keyspace.lookup(db, doff, dlen);
        ListValue dest = null;
        if (destSlot >= 0) {
            dest = Lookup.typedOrReply(keyspace, destSlot, ListValue.class, out);
            if (dest == null) {
                return WRONG_TYPE;
            }
        }
        long sourceBefore = source.memoryUsage();
        if (dest == null) {
            dest = new ListValue(Arrays.copyOfRange(db, doff, doff + dlen), fill);
            ListValue.move(source, fromHead, dest, toHead, out);
            keyspace.adjustMemory(source.memoryUsage() - sourceBefore);
            keyspace.add(dest);
        } else {
            long destBefore = dest == source ? 0 : dest.memoryUsage();
            ListValue.move(source, fromHead, dest, toHead, out);
            keyspace.adjustMemory(source.memoryUsage() - sourceBefore
                    + (dest == source ? 0 : dest.memoryUsage() - destBefore));
        }
        keyspace.changed(KeyspaceEvents.LIST, toHead ? "lpush" : "rpush", db, doff, dlen);
        keyspace.changed(KeyspaceEvents.LIST, fromHead ? "lpop" : "rpop", sb, soff, slen);
        boolean empty = source.isEmpty();
        keyspace.deleteIfEmpty(source);
        return empty ? SOURCE_DELETED : MOVED;
    }
}

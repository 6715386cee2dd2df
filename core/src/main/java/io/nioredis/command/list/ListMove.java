package io.nioredis.command.list;

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

    /** Moves one element from the non-empty {@code source} (key sb[soff..]) to key db[doff..]. */
    static int moveOrReply(Keyspace keyspace, ListValue source, byte[] sb, int soff, int slen,
                           byte[] db, int doff, int dlen, boolean fromHead, boolean toHead, RespWriter out) {
        int destSlot = keyspace.lookup(db, doff, dlen);
        ListValue dest = null;
        if (destSlot >= 0) {
            dest = ListCommands.listOrReply(keyspace, destSlot, out);
            if (dest == null) {
                return WRONG_TYPE;
            }
        }
        long sourceBefore = source.memoryUsage();
        byte[] element = source.pop(fromHead);
        keyspace.adjustMemory(source.memoryUsage() - sourceBefore);
        if (dest == null) {
            dest = new ListValue(Arrays.copyOfRange(db, doff, doff + dlen));
            dest.push(toHead, element);
            keyspace.add(dest);
        } else {
            long destBefore = dest.memoryUsage();
            dest.push(toHead, element);
            keyspace.adjustMemory(dest.memoryUsage() - destBefore);
        }
        out.bulk(element);
        keyspace.changed(KeyspaceEvents.LIST, toHead ? "lpush" : "rpush", db, doff, dlen);
        keyspace.changed(KeyspaceEvents.LIST, fromHead ? "lpop" : "rpop", sb, soff, slen);
        boolean empty = source.isEmpty();
        ListCommands.deleteIfEmpty(keyspace, source, sb, soff, slen);
        return empty ? SOURCE_DELETED : MOVED;
    }
}

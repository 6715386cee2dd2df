package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Propagated;
import io.nioredis.store.Keyspace;
import java.util.Arrays;

/**
 * How sorted set pops reach the AOF and replicas, as Redis 7.0 rewrites them: BZPOPMIN/BZPOPMAX as
 * ZPOPMIN/ZPOPMAX key, ZMPOP and BZMPOP as ZPOPMIN/ZPOPMAX key count (the number actually popped). A blocked
 * client served later makes a unit of its own.
 */
final class ZpopPropagation {
    private ZpopPropagation() {}

    /** ZPOPMIN/ZPOPMAX key, with the count when {@code popped} is not negative. */
    static byte[][] pop(boolean max, byte[] b, int off, int len, long popped) {
        byte[] verb = (max ? Propagated.ZPOPMAX : Propagated.ZPOPMIN).clone();
        byte[] key = Arrays.copyOfRange(b, off, off + len);
        return popped < 0 ? new byte[][] {verb, key} : new byte[][] {verb, key, Propagated.number(popped)};
    }

    /** A served blocked client's pop: propagated on its own, since no command is running. */
    static void served(Client client, Keyspace db, byte[][] argv) {
        client.server().propagation.also(db.index(), argv);
    }
}

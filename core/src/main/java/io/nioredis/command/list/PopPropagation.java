package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Propagated;
import io.nioredis.store.Keyspace;
import java.util.Arrays;

/**
 * How list pops reach the AOF and replicas, as Redis 7.0 rewrites them: BLPOP/BRPOP as LPOP/RPOP key, BLMPOP
 * and LMPOP as LPOP/RPOP key count (the number actually popped), BLMOVE as LMOVE and BRPOPLPUSH as RPOPLPUSH.
 * A blocked client served later makes a unit of its own, after the command that fed the list.
 */
final class PopPropagation {
    private static final byte[] LEFT = {'l', 'e', 'f', 't'};
    private static final byte[] RIGHT = {'r', 'i', 'g', 'h', 't'};

    private PopPropagation() {}

    /** LPOP/RPOP key, with the count when {@code popped} is not negative. */
    static byte[][] pop(boolean atHead, byte[] b, int off, int len, long popped) {
        byte[] verb = (atHead ? Propagated.LPOP : Propagated.RPOP).clone();
        byte[] key = Arrays.copyOfRange(b, off, off + len);
        return popped < 0 ? new byte[][] {verb, key} : new byte[][] {verb, key, Propagated.number(popped)};
    }

    /** What a blocked move does once served: LMOVE with Redis's lower-case sides, or RPOPLPUSH. */
    static byte[][] move(byte[] source, byte[] destination, boolean fromHead, boolean toHead, boolean rpoplpush) {
        if (rpoplpush) {
            return new byte[][] {Propagated.RPOPLPUSH.clone(), source.clone(), destination.clone()};
        }
        return new byte[][] {Propagated.LMOVE.clone(), source.clone(), destination.clone(),
            (fromHead ? LEFT : RIGHT).clone(), (toHead ? LEFT : RIGHT).clone()};
    }

    /** A served blocked client's pop: propagated on its own, since no command is running. */
    static void served(Client client, Keyspace db, byte[][] argv) {
        client.server().propagation.also(db.index(), argv);
    }
}

package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.propagation.Propagator;
import io.nioredis.resp.Request;

/**
 * The propagation half of Redis's call(): a command that changed the dataset (server.dirty grew) reaches the
 * AOF and replicas as itself, or as the form it asked for with {@link Client#propagateAs}; its extra
 * commands ({@link Client#propagateAlso}) and any keys found expired on the way come first. Used only while a
 * sink listens, so a server without AOF or replicas does none of this.
 */
final class CallPropagation {
    private CallPropagation() {}

    /** Before the call: opens (or nests in) the unit; returns the dirty counter to compare with afterwards. */
    static long begin(Client client) {
        client.server().propagation.enterCall();
        client.resetPropagation();
        return client.server().databases.stats().dirty;
    }

    /**
     * After the call. EXEC is never propagated itself, as in Redis: the commands it ran already were, and the
     * unit wraps them in MULTI/EXEC when there is more than one.
     */
    static void end(Client client, CommandSpec spec, Request request, long dirtyBefore) {
        Propagator propagation = client.server().propagation;
        try {
            int mode = client.propagationMode();
            boolean changed = client.server().databases.stats().dirty != dirtyBefore;
            // A script's redis.set_repl limits where its calls go, as Redis's call() masks propagate_flags.
            int targets = client.propagationTargets();
            if (mode == Client.REPLICAS_ONLY) {
                propagation.also(client.db(), copy(request), targets & Propagator.TO_REPLICAS);
            } else if (mode == Client.ALWAYS
                    || (mode == Client.AS_CHANGED && changed && !spec.has(CommandFlags.RUNS_QUEUED))) {
                byte[][] argv = client.propagatedForm();
                propagation.also(client.db(), argv != null ? argv : copy(request), targets);
            }
        } finally {
            client.resetPropagation();
            propagation.exitCall();
        }
    }

    private static byte[][] copy(Request request) {
        byte[][] argv = new byte[request.argc()][];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = request.copy(i);
        }
        return argv;
    }
}

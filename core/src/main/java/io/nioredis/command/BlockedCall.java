package io.nioredis.command;

import io.nioredis.blocking.Waiter;
import io.nioredis.client.Client;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * A blocking command's call, suspended until a key serves it: the client, the command (for its
 * statistics) and, in subclasses, what to take from the key and how to answer. The reply goes to the
 * client's connection when it is served, times out or is unblocked; then the client runs again.
 *
 * <p>Statistics as Redis 7.0: the call was counted when the command ran; an error reply when it ends
 * (WRONGTYPE from BLMOVE's destination, CLIENT UNBLOCK) counts it as failed.
 */
public abstract class BlockedCall extends Waiter {
    protected final Client client;
    private CommandSpec spec;

    protected BlockedCall(Client client) {
        this.client = client;
    }

    /** Blocks the client on {@code keyCount} keys from argument {@code firstKey}, until {@code deadline} (0: never). */
    public final void blockOn(Request request, int firstKey, int keyCount, long deadline) {
        client.server().blocking.block(this, client.keyspace(), request, firstKey, keyCount, deadline);
        client.blockedIn(this);
    }

    /** The dispatcher names the command that blocked, once it returns. */
    static void blockedBy(Client client, CommandSpec spec) {
        ((BlockedCall) client.blockedIn()).spec = spec;
    }

    /** A writer for this client's reply, empty, in its protocol. */
    protected final RespWriter reply() {
        return client.server().blocking.wakeReply(client.protocol());
    }

    /** Sends the reply written to {@link #reply()} and lets the client run its next requests. */
    protected final void send(RespWriter out) {
        if (out.size() > 0 && out.array()[0] == '-') {
            countFailure(out);
        }
        client.link().push(out.array(), 0, out.size());
        client.woken();
    }

    private void countFailure(RespWriter out) {
        if (spec != null) {
            spec.failedCalls++;
        }
        client.server().errors.countReply(out.array(), 1, out.size());
    }

    @Override
    protected void timedOut() {
        RespWriter out = reply();
        out.nullArrayValue();
        send(out);
    }

    /** The blocked client, for checks made from outside the call (cluster redirection). */
    public final Client client() {
        return client;
    }

    /** Whether the blocked command writes (BLMOVE, BLPOP...) rather than only reads (XREAD). */
    public final boolean writes() {
        return spec != null && spec.has(CommandFlags.WRITE);
    }

    /** Ends the wait with an error reply: a cluster redirection once its slot is served elsewhere. */
    public final void unblockWithError(String error) {
        client.server().blocking.unblock(this);
        RespWriter out = reply();
        out.error(error);
        send(out);
    }

    /**
     * CLIENT UNBLOCK: ends the wait with Redis's -UNBLOCKED error or as a timeout would. Redis 7.0 counts
     * the call as failed either way.
     */
    public final void unblockByRequest(boolean error) {
        if (error) {
            unblockWithError(Errors.UNBLOCKED);
            return;
        }
        client.server().blocking.unblock(this);
        if (spec != null) {
            spec.failedCalls++;
        }
        RespWriter out = reply();
        out.nullArrayValue();
        send(out);
    }

    /** Ends the wait with an error reply (CLIENT UNBLOCK ERROR, a master becoming a replica). */
    public final void unblockWithError(byte[] error) {
        client.server().blocking.unblock(this);
        RespWriter out = reply();
        out.raw(error);
        send(out);
    }
}

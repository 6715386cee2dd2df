package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.BlockedCall;
import io.nioredis.replication.AckWaiter;
import io.nioredis.resp.RespWriter;

/** A WAIT that blocked: answered with the count of acknowledging replicas when enough ACK, or at its timeout. */
final class BlockedWait extends BlockedCall implements AckWaiter {
    private final long offset;
    private final int wanted;

    BlockedWait(Client client, long offset, int wanted) {
        super(client);
        this.offset = offset;
        this.wanted = wanted;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public int wanted() {
        return wanted;
    }

    @Override
    public boolean waiting() {
        return isBlocked();
    }

    @Override
    public void satisfied(int count) {
        client.server().blocking.unblock(this);
        answer(count);
    }

    // It waits on no key, so no key ever serves it.
    @Override
    protected boolean accepts(Object value, int keyIndex) {
        return false;
    }

    @Override
    protected boolean serve(io.nioredis.store.Keyspace db, int slot, byte[] key, int keyIndex) {
        return false;
    }

    @Override
    protected void timedOut() {
        client.server().replication.cancel(this);
        answer(client.server().replication.acknowledged(offset));
    }

    private void answer(int count) {
        RespWriter out = reply();
        out.integer(count);
        send(out);
    }
}

package io.nioredis.command.persistence;

import io.nioredis.ServerState;
import io.nioredis.aof.AofReplay;
import io.nioredis.client.Client;
import io.nioredis.command.Dispatcher;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * Replays an AOF's commands through the dispatcher with a client of its own, as Redis's fake AOF client:
 * MULTI ... EXEC blocks are queued and run as in a connection, replies are dropped.
 */
public final class AofReplayClient implements AofReplay {
    private final Dispatcher dispatcher;
    private final ServerState server;
    private final RespWriter discarded = new RespWriter(1024);
    private Client client;

    public AofReplayClient(Dispatcher dispatcher, ServerState server) {
        this.dispatcher = dispatcher;
        this.server = server;
        this.client = Client.forAofLoading(server);
    }

    @Override
    public boolean knows(byte[] name) {
        return dispatcher.table().lookup(name, 0, name.length) != null;
    }

    @Override
    public void run(byte[][] argv) {
        discarded.reset();
        dispatcher.execute(client, Request.of(argv), discarded);
        discarded.reset();
    }

    @Override
    public boolean inTransaction() {
        return client.transaction() != null;
    }

    @Override
    public void reset() {
        client = Client.forAofLoading(server);
    }
}

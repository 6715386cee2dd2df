package io.nioredis.command;

import io.nioredis.ServerState;
import io.nioredis.store.Keyspace;

/**
 * The state one connection carries between commands: its id, the selected database, and whether the
 * connection is to be closed once the replies written so far have been sent.
 */
public final class Client {
    private final long id;
    private final ServerState server;
    private int db;
    private Keyspace keyspace;
    private boolean closeAfterReply;

    public Client(long id, ServerState server) {
        this.id = id;
        this.server = server;
        this.keyspace = server.databases.get(0);
    }

    public long id() {
        return id;
    }

    public ServerState server() {
        return server;
    }

    public int db() {
        return db;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public void select(int index) {
        db = index;
        keyspace = server.databases.get(index);
    }

    public boolean closeAfterReply() {
        return closeAfterReply;
    }

    public void closeAfterReply(boolean close) {
        closeAfterReply = close;
    }
}

package io.nioredis.command;

import io.nioredis.ServerState;
import io.nioredis.resp.Request;
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
    /** As Redis, a client that connects while no password is set counts as authenticated for good. */
    private boolean authenticated;

    public Client(long id, ServerState server) {
        this.id = id;
        this.server = server;
        this.keyspace = server.databases.get(0);
        this.authenticated = !server.authenticator.passwordRequired();
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

    /** True while this client may run only commands flagged {@code no_auth}; Redis's authRequired. */
    public boolean authRequired() {
        return !authenticated && server.authenticator.passwordRequired();
    }

    /**
     * Authenticates as {@code user} with {@code password}, both arguments of the request; a negative
     * {@code userArg} means the default user (AUTH's one-argument form). A failure leaves the client as it
     * was. AUTH uses this, and so can HELLO's {@code AUTH username password} option.
     */
    public boolean authenticate(Request request, int userArg, int passwordArg) {
        io.nioredis.Authenticator auth = server.authenticator;
        byte[] b = request.array();
        boolean ok = userArg < 0
                ? auth.checkPassword(b, request.offset(passwordArg), request.length(passwordArg))
                : auth.check(b, request.offset(userArg), request.length(userArg),
                        request.offset(passwordArg), request.length(passwordArg));
        if (ok) {
            authenticated = true;
        }
        return ok;
    }

    public boolean closeAfterReply() {
        return closeAfterReply;
    }

    public void closeAfterReply(boolean close) {
        closeAfterReply = close;
    }
}

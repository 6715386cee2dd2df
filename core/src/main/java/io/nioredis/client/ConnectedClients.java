package io.nioredis.client;

/**
 * The clients connected to this server, in order of connection, as the server module tracks them; CLIENT
 * LIST and CLIENT KILL walk it. Core has no sockets, so a bare {@link io.nioredis.ServerState} has none.
 */
public interface ConnectedClients {
    Iterable<Client> all();

    /** None. An anonymous class, not a method reference: start-up code (see io.nioredis.config.Config). */
    ConnectedClients NONE = new ConnectedClients() {
        @Override
        public Iterable<Client> all() {
            return java.util.List.of();
        }
    };
}

package io.nioredis.command;

import java.util.List;

/**
 * HELLO, CLIENT and RESET (what clients send when they connect and when they return a connection to a
 * pool), and the transaction, pub/sub and MOVE/SWAPDB families that come with them.
 */
final class ConnectionCommands {
    private ConnectionCommands() {}

    static void register(List<CommandSpec> rows) {
        rows.add(BuiltinCommands.row("hello", -1, "noscript loading stale fast no_auth allow_busy", 0, 0, 0,
                "connection", "6.0.0", "Handshake with Redis", new HelloCommand()));
        rows.add(BuiltinCommands.row("client", -2, "", 0, 0, 0, "connection", "2.4.0",
                "A container for client connection commands", ClientCommand.create()));
        rows.add(BuiltinCommands.row("reset", 1, "noscript loading stale fast no_auth allow_busy", 0, 0, 0,
                "connection", "6.2.0", "Reset the connection", new ResetCommand()));
        TransactionCommands.register(rows);
        PubSubCommands.register(rows);
        DatabaseCommands.register(rows);
    }
}

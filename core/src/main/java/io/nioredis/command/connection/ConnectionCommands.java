package io.nioredis.command.connection;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;

import io.nioredis.command.CommandSpec;

import java.util.List;

/**
 * HELLO, CLIENT and RESET (what clients send when they connect and when they return a connection to a
 * pool), and the transaction, pub/sub and MOVE/SWAPDB families that come with them.
 */
public final class ConnectionCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "client ping echo select auth quit hello reset";

    /** Not a method reference: declared with PING, on the way to the first reply (see Config on lambdas). */
    private static final CommandFactory IMPLEMENTATIONS = new CommandFactory() {
        @Override
        public Command make(String fullName) {
            return implementation(fullName);
        }
    };

    private ConnectionCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(ClientCommand.create());
        rows.add(Group.CONNECTION.command("ping", -1, FAST | SUBSCRIBED_CONTEXT | REFUSED_ON_SAVE_ERROR)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Answer PONG, or echo the given message, to check the connection")
                .args("[message]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CONNECTION.command("echo", 2, LOADING | STALE | FAST)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with the given message")
                .args("message")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CONNECTION.command("select", 2, LOADING | STALE | FAST)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Switch this connection to another numbered database")
                .args("index")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CONNECTION.command("auth", -2, NOSCRIPT | LOADING | STALE | FAST | NO_AUTH | ALLOW_BUSY)
                .since("1.0.0")
                .history("6.0.0", "Added ACL style (username and password).")
                .complexity("O(N) where N is the number of passwords defined for the user")
                .summary("Log this connection in with a password (and user name)")
                .args("[username]@6.0.0 password")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CONNECTION.command("quit", -1, NOSCRIPT | LOADING | STALE | FAST | NO_AUTH | ALLOW_BUSY | TRANSACTION_CONTROL | SUBSCRIBED_CONTEXT)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Close the connection once pending replies are sent")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CONNECTION.command("hello", -1, NOSCRIPT | LOADING | STALE | FAST | NO_AUTH | ALLOW_BUSY)
                .since("6.0.0")
                .history(
                        "6.2.0", "`protover` made optional; when called without arguments the command reports the current connection's context.")
                .complexity("O(1)")
                .summary("Pick the protocol version (RESP2 or RESP3), and optionally log in and name the connection")
                .args("arguments=[protover#integer username_password=AUTH:[username password] [SETNAME:clientname]]")
                .run(IMPLEMENTATIONS));
        
        rows.add(Group.CONNECTION.command("reset", 1, NOSCRIPT | LOADING | STALE | FAST | NO_AUTH | ALLOW_BUSY | TRANSACTION_CONTROL | SUBSCRIBED_CONTEXT)
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Return the connection to its freshly connected state")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "ping" -> new PingCommand();
            case "echo" -> new EchoCommand();
            case "select" -> new SelectCommand();
            case "auth" -> new AuthCommand();
            case "quit" -> new QuitCommand();
            case "hello" -> new HelloCommand();
            case "reset" -> new ResetCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}

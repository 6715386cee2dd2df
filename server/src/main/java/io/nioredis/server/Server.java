package io.nioredis.server;

import io.nioredis.Clock;
import io.nioredis.Config;
import io.nioredis.ServerState;
import io.nioredis.command.BuiltinCommands;
import io.nioredis.command.Dispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires a configuration to a running server: binds the listening sockets, builds the command table and
 * the state, and runs the event loop, on the calling thread ({@link #run}) or on its own
 * ({@link #start}, for tests and embedding).
 */
public final class Server implements AutoCloseable {
    private final ServerState state;
    private final EventLoop loop;
    private final Log log;
    private final List<ServerSocketChannel> listeners;
    private Thread thread;

    public Server(Config config, Clock clock, Log log) throws IOException {
        this.log = log;
        this.state = new ServerState(config, clock);
        checkOutputBufferLimits(config);
        this.listeners = bind(config, log);
        this.state.boundPort = ((InetSocketAddress) listeners.get(0).getLocalAddress()).getPort();
        this.loop = new EventLoop(Selector.open(), listeners, state, new Dispatcher(BuiltinCommands.table()), log);
    }

    /** Validates client-output-buffer-limit as Redis does and keeps it in canonical form. */
    private static void checkOutputBufferLimits(Config config) {
        String name = "client-output-buffer-limit";
        String[] stored = {new Config().get(name)};
        java.util.function.Function<String, String> check = value -> {
            try {
                stored[0] = OutputBufferLimit.merge(stored[0], value);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            config.store(name, stored[0]);
            return null;
        };
        config.checker(name, check);
        String problem = check.apply(config.get(name));
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
    }

    /** The port the server listens on (the real one when configured with port 0). */
    public int port() {
        return state.boundPort;
    }

    public ServerState state() {
        return state;
    }

    /** Runs the event loop on this thread until shutdown. */
    public void run() throws IOException {
        loop.run();
    }

    /** Runs the event loop on a new thread and returns at once. */
    public Server start() {
        thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException e) {
                log.warning("Event loop failed: " + e);
            }
        }, "nioredis-event-loop");
        thread.start();
        return this;
    }

    /** Stops the loop and waits for it to close every socket. */
    @Override
    public void close() {
        loop.stop();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One listening socket per address in {@code bind}; an address written with a leading '-' is
     * optional, as in Redis ({@code -::1} is skipped on hosts without IPv6).
     */
    private static List<ServerSocketChannel> bind(Config config, Log log) throws IOException {
        int port = (int) config.getLong("port");
        int backlog = (int) config.getLong("tcp-backlog");
        List<ServerSocketChannel> bound = new ArrayList<>();
        IOException firstFailure = null;
        for (String address : config.get("bind").trim().split("\\s+")) {
            boolean optional = address.startsWith("-");
            String host = optional ? address.substring(1) : address;
            // With port 0 every address must share the one port the first bind was given.
            int thisPort = bound.isEmpty() ? port : ((InetSocketAddress) bound.get(0).getLocalAddress()).getPort();
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(host, thisPort), backlog);
                bound.add(channel);
            } catch (IOException e) {
                channel.close();
                if (!optional) {
                    for (ServerSocketChannel c : bound) {
                        c.close();
                    }
                    throw new IOException("Could not create server TCP listening socket " + host + ":" + thisPort
                            + ": " + e.getMessage(), e);
                }
                log.verbose("Skipping optional bind address " + host + ": " + e.getMessage());
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (bound.isEmpty()) {
            throw firstFailure != null ? firstFailure : new IOException("No address to bind");
        }
        return bound;
    }
}

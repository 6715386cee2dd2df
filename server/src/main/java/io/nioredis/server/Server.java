package io.nioredis.server;

import io.nioredis.store.Clock;
import io.nioredis.config.Config;
import io.nioredis.config.OomScoreAdjValues;
import io.nioredis.ServerState;
import io.nioredis.command.builtin.BuiltinCommands;
import io.nioredis.command.Dispatcher;
import io.nioredis.command.persistence.AofReplayClient;
import io.nioredis.text.Words;
import java.io.IOException;
import java.nio.file.Path;
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
        try {
            this.state = new ServerState(config, clock);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e); // a nodes file that cannot be loaded stops the start
        }
        this.state.log = log;
        // The hooks below are classes, not lambdas: start-up code (see io.nioredis.config.Config).
        // CONFIG SET loglevel takes effect at once, as in Redis.
        config.addListener(new Config.Listener() {
            @Override
            public void changed(String name) {
                if (name.equals("loglevel")) {
                    log.level(Log.parseLevel(config.get("loglevel")));
                }
            }
        });
        adjustOomScore(config, log);
        // As Redis on an AOF error it cannot recover from (a failed write or fsync with appendfsync always):
        // the process ends at once, so no reply can claim a write that is not on disk.
        state.aof.exit(new java.util.function.IntConsumer() {
            @Override
            public void accept(int status) {
                Runtime.getRuntime().halt(status);
            }
        });
        Dispatcher dispatcher = new Dispatcher(BuiltinCommands.table());
        // Loaded before the listeners are bound, so no client ever sees a half-loaded dataset (or -LOADING).
        // With appendonly yes the AOF is the dataset and the RDB file is not read, as in Redis.
        try {
            if (config.getBoolean("appendonly")) {
                state.aof.loadAndOpen(new AofReplayClient(dispatcher, state));
            } else {
                state.persistence.load();
            }
        } catch (io.nioredis.persistence.Persistence.LoadFailure e) {
            throw new IOException(e.getMessage(), e);
        }
        this.listeners = bind(config, log);
        this.state.boundPort = ((InetSocketAddress) listeners.get(0).getLocalAddress()).getPort();
        this.loop = new EventLoop(Selector.open(), listeners, state, dispatcher, log,
                new ClientLimits(config, fileDescriptorLimit(log, config)));
        // replicaof in the config file or on the command line: follow that master from the start.
        String masterHost = io.nioredis.config.ReplicaOfSetting.host(config.get("replicaof"));
        if (masterHost != null) {
            state.replicaLink.follow(masterHost, io.nioredis.config.ReplicaOfSetting.port(config.get("replicaof")));
        } else if (state.cluster != null && !state.cluster.myself().master) {
            // A cluster node flagged a replica in the nodes file replicates its master, as Redis's clusterSetMaster.
            io.nioredis.cluster.ClusterNode master = state.cluster.masterOf(state.cluster.myself());
            state.replicaLink.follow(master.ip, master.port);
        } else {
            config.set("replicaof", "");
        }
    }

    /** Channels the event loop has registered: listeners plus open clients, as of its last tick. */
    public int registeredChannels() {
        return loop.registeredChannels();
    }

    /**
     * The process's open-file limit, warning as Redis does when it cannot hold {@code maxclients} clients
     * (the limit then caps the clients served).
     */
    private static long fileDescriptorLimit(Log log, Config config) {
        long limit = openFileLimit();
        if (limit == Long.MAX_VALUE) {
            return limit;
        }
        long wanted = config.getLong("maxclients") + ClientLimits.RESERVED_FDS;
        long most = Math.max(1, limit - ClientLimits.RESERVED_FDS);
        if (limit < wanted) {
            // As Redis at start-up: lower maxclients to what the descriptors allow, and say so.
            log.warning("You requested maxclients of " + config.getLong("maxclients") + " requiring at least "
                    + wanted + " max file descriptors. Server can't set maximum open files to " + wanted
                    + " because of OS error: Operation not permitted. Current maximum open files is " + limit
                    + ". maxclients has been reduced to " + most + " to compensate for low ulimit. If you need "
                    + "higher maxclients increase 'ulimit -n'.");
            config.set("maxclients", Long.toString(most));
        }
        // As Redis's CONFIG SET: refuse more clients than the descriptors allow.
        config.addValidator("maxclients", new Config.Validator() {
            @Override
            public String check(String value) {
                return Long.parseLong(value) > most
                        ? "The operating system is not able to handle the specified number of clients, try with "
                                + most
                        : null;
            }
        });
        return limit;
    }

    /**
     * The soft open-file limit, read from /proc/self/limits on Linux; elsewhere from the management bean,
     * whose start-up (the JMX platform) costs tens of milliseconds of start time. Long.MAX_VALUE if unknown.
     */
    static long openFileLimit() {
        try {
            // Read whole and split by hand: a reader's buffers (24 KB) and a regex are start-up costs.
            String limits = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/limits"));
            String name = "\nMax open files";
            int at = limits.indexOf(name);
            if (at >= 0) {
                int end = limits.indexOf('\n', at + 1);
                String line = limits.substring(at + name.length(), end < 0 ? limits.length() : end);
                String soft = Words.split(line, " \t")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: ask the JVM instead
        }
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean
                ? ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount()
                : Long.MAX_VALUE;
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
     * oom-score-adj: applied at start-up (a failure there is only logged, as in Redis), on CONFIG SET, and
     * again whenever the server turns replica or master.
     */
    private void adjustOomScore(Config config, Log log) {
        OomScoreAdjustment oom = new OomScoreAdjustment(Path.of("/proc/self/oom_score_adj"), log);
        config.setApplier("oom-score-adj", new Config.Applier() {
            @Override
            public String apply() {
                return oom.apply(config, state.replication.following());
            }
        });
        config.setApplier("oom-score-adj-values", new Config.Applier() {
            @Override
            public String apply() {
                if (!OomScoreAdjValues.ascending(OomScoreAdjValues.parse(config.get("oom-score-adj-values")))) {
                    log.warning("The oom-score-adj-values configuration may not work for non-privileged "
                            + "processes! Please consult the documentation.");
                }
                return oom.apply(config, state.replication.following());
            }
        });
        state.replication.roleListener(new java.util.function.Consumer<Boolean>() {
            @Override
            public void accept(Boolean replica) {
                oom.apply(config, replica);
            }
        });
        oom.apply(config, state.replication.following());
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
        String addresses = config.get("bind").trim();
        // As split("\\s+") splits it, without compiling a regex at start-up (an empty value is one address).
        for (String address : addresses.isEmpty() ? new String[] {""} : Words.split(addresses)) {
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

package io.nioredis;

import io.nioredis.config.Config;
import io.nioredis.store.Clock;

import io.nioredis.pubsub.KeyspaceNotifier;
import io.nioredis.pubsub.NotifyFlags;
import io.nioredis.pubsub.PubSub;
import io.nioredis.tx.Watches;
import io.nioredis.store.Databases;
import io.nioredis.evict.Evictor;

/**
 * What every command may see of the server as a whole: the databases, the configuration, the clock and
 * the counters INFO reports. The event loop owns it and is its only writer, so nothing here is locked;
 * the only cross-thread field is {@link #shutdownRequested}.
 */
public final class ServerState {
    public static final String VERSION = "0.1.0";
    /** The Redis version whose behaviour nioredis follows; clients read it from INFO and HELLO. */
    public static final String REDIS_VERSION = "7.0.15";

    public final Config config;
    public final Clock clock;
    public final Databases databases;
    public final Authenticator authenticator;
    public final Evictor evictor;
    public final long startMillis;
    public final long pid = ProcessHandle.current().pid();

    public int connectedClients;
    public long totalConnectionsReceived;
    public long rejectedConnections;
    public long totalCommandsProcessed;
    public final ErrorStats errors = new ErrorStats();
    public long totalNetInputBytes;
    public long totalNetOutputBytes;
    /** The port actually bound, which differs from the configured one when that was 0. */
    public int boundPort;

    public volatile boolean shutdownRequested;

    // Connection features: pub/sub, WATCH, keyspace notifications and the list of clients.
    public final PubSub pubsub = new PubSub();
    public final Watches watches = new Watches();
    public final KeyspaceNotifier notifier;
    /** EVAL and FCALL: the Lua engine (loaded by the first script), the libraries, the running script. */
    public final ScriptingState scripting = new ScriptingState();

    public ServerState(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.databases = Databases.of((int) config.getLong("databases"), clock);
        this.startMillis = clock.millis();
        this.authenticator = new Authenticator(config);
        this.evictor = new Evictor(config, databases);
        this.notifier = new KeyspaceNotifier(watches, pubsub);
        for (int i = 0; i < databases.count(); i++) {
            databases.get(i).events(notifier);
        }
        notifier.flags(NotifyFlags.parse(config.get("notify-keyspace-events")));
        config.addListener(name -> {
            if (name.equals("notify-keyspace-events")) {
                notifier.flags(NotifyFlags.parse(config.get(name)));
            }
        });
    }
}

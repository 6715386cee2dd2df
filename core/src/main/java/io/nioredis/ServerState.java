package io.nioredis;

import io.nioredis.blocking.BlockedKeys;
import io.nioredis.config.Config;
import io.nioredis.store.Clock;
import io.nioredis.store.ProcessId;
import io.nioredis.store.RandomSeed;

import io.nioredis.pubsub.KeyspaceNotifier;
import io.nioredis.pubsub.NotifyFlags;
import io.nioredis.pubsub.PubSub;
import io.nioredis.tx.Watches;
import io.nioredis.store.Databases;
import io.nioredis.evict.Evictor;
import io.nioredis.stats.InstantaneousMetric;
import io.nioredis.persistence.Persistence;
import io.nioredis.persistence.PersistenceLog;
import io.nioredis.propagation.Propagator;
import io.nioredis.aof.AppendOnlyFile;
import java.util.SplittableRandom;

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
    public final long pid = ProcessId.current();
    /** Redis's run_id: 40 random hex digits that tell one run of the server from the next. */
    public final String runId = randomHex(20);

    public int connectedClients;
    /** The timer's frequency now: hz, or more with dynamic-hz and many clients (INFO's hz); the loop sets it. */
    public long hz;
    public long totalConnectionsReceived;
    public long rejectedConnections;
    public long totalCommandsProcessed;
    /** What commands are timed with: one clock read per call in a pipelined batch. */
    public final io.nioredis.stats.CallClock callClock = new io.nioredis.stats.CallClock();
    public final ErrorStats errors = new ErrorStats();
    /** ACL LOG: failed authentications. */
    public final AclLog aclLog = new AclLog();
    /** CLIENT PAUSE: commands held until it ends. */
    public final io.nioredis.ClientPause pause = new io.nioredis.ClientPause();
    /** SLOWLOG, LATENCY, MONITOR and INFO latencystats. */
    public final io.nioredis.diagnostics.Diagnostics diagnostics;
    public long totalNetInputBytes;
    public long totalNetOutputBytes;
    /** The port actually bound, which differs from the configured one when that was 0. */
    public int boundPort;

    public volatile boolean shutdownRequested;
    /** The server's log, for the lines Redis writes from commands; silent until the server plugs its own in. */
    public ServerLog log = ServerLog.NONE;
    /** DEBUG SET-ACTIVE-EXPIRE: whether keys are expired in the background, not only when accessed. */
    public boolean activeExpireEnabled = true;
    /** A replica is loading its master's snapshot: commands not flagged loading answer -LOADING. */
    public boolean loading;
    /**
     * Accepts and serves clients while a replica loads (the event loop plugs it in), as Redis's
     * processEventsWhileBlocked.
     */
    public Runnable eventsWhileLoading = new Runnable() { // not a lambda: start-up code (see Config)
        @Override
        public void run() {
        }
    };

    // Sampled on the periodic tick (see cron): instantaneous_* rates and the memory peak.
    public final InstantaneousMetric opsPerSecond;
    public final InstantaneousMetric inputBytesPerSecond;
    public final InstantaneousMetric outputBytesPerSecond;
    private long lastMetricSample;
    private long peakMemory;
    /** used_memory when the server started, for MEMORY STATS startup.allocated. */
    public final long startupMemory;
    private final SplittableRandom ttlSampling = new SplittableRandom();

    // Connection features: pub/sub, WATCH, keyspace notifications and the list of clients.
    public final PubSub pubsub = new PubSub();
    public final Watches watches = new Watches();
    public final KeyspaceNotifier notifier;
    /** EVAL and FCALL: the Lua engine (loaded by the first script), the libraries, the running script. */
    public final ScriptingState scripting = new ScriptingState();
    /** RDB snapshots: SAVE, BGSAVE, save points, loading. */
    public final Persistence persistence;
    /** The append-only file: a propagation sink while {@code appendonly} is on. */
    public final AppendOnlyFile aof;
    /** Clients blocked on keys (BLPOP, BZPOPMIN...), their deadlines and the keys ready to serve them. */
    public final BlockedKeys blocking = new BlockedKeys();
    /** Where write commands' effects go in propagated form: the AOF and replicas. */
    public final Propagator propagation = new Propagator();
    /** The master side of replication: replication id and offset, backlog, attached replicas. */
    public final io.nioredis.replication.Replication replication;
    /** Full synchronisations: the background snapshot streamed or saved and sent to replicas. */
    public final io.nioredis.replication.FullSync fullSync;
    /** The replica side: the master this server follows, the handshake, the sync and the stream. */
    public final io.nioredis.replication.ReplicaLink replicaLink;
    /** FAILOVER: a coordinated hand-over of the master role to a replica. */
    public final io.nioredis.replication.Failover failover;
    private long lastReplicationCron;
    /** Cluster mode's view of the static cluster, or null when cluster-enabled is no. */
    public final io.nioredis.cluster.ClusterState cluster;
    /** Where the cluster state is kept between runs, or null outside cluster mode. */
    public final io.nioredis.cluster.ClusterFile clusterFile;

    /**
     * CONFIG RESETSTAT: zeroes every counter INFO reports that Redis's resetServerStats zeroes (the
     * per-command counters live in the command table and are reset by the command itself).
     */
    /** Persistence's log lines, written through the field, so the log the server plugs in later is the one used. */
    private PersistenceLog forwardingLog() {
        return new PersistenceLog() {
            @Override
            public void notice(String message) {
                log.notice(message);
            }

            @Override
            public void warning(String message) {
                log.warning(message);
            }
        };
    }

    public void resetStats() {
        databases.stats().reset();
        errors.reset();
        totalCommandsProcessed = 0;
        totalConnectionsReceived = 0;
        rejectedConnections = 0;
        totalNetInputBytes = 0;
        totalNetOutputBytes = 0;
    }

    public ServerState(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.hz = config.getLong("hz");
        this.databases = Databases.of((int) config.getLong("databases"), clock);
        this.startMillis = clock.millis();
        this.authenticator = new Authenticator(config);
        this.evictor = new Evictor(config, databases);
        this.notifier = new KeyspaceNotifier(watches, pubsub);
        // The hooks below are anonymous classes, not lambdas: start-up code (see Config).
        this.persistence = new Persistence(config, databases, clock, new java.util.function.LongSupplier() {
            @Override
            public long getAsLong() {
                return databases.memoryUsage();
            }
        }, REDIS_VERSION);
        this.persistence.log(forwardingLog());
        this.aof = new AppendOnlyFile(config, persistence, clock, propagation);
        this.aof.log(forwardingLog());
        this.diagnostics = new io.nioredis.diagnostics.Diagnostics(config);
        this.replication = new io.nioredis.replication.Replication(config, clock, propagation);
        this.replicaLink = new io.nioredis.replication.ReplicaLink(config, clock, replication,
                new io.nioredis.replication.MasterSnapshotLoader() {
                    @Override
                    public int load(java.nio.file.Path file) {
                        return loadFromMaster(file);
                    }
                }, new java.util.function.IntSupplier() {
                    @Override
                    public int getAsInt() {
                        return boundPort;
                    }
                }, databases.expiry());
        this.replicaLink.log(forwardingLog());
        this.fullSync = new io.nioredis.replication.FullSync(config, clock, persistence, replication, forwardingLog(),
                new java.util.function.IntSupplier() {
                    @Override
                    public int getAsInt() {
                        return replicaLink.following() ? replicaLink.streamDb() : 0;
                    }
                });
        this.failover = new io.nioredis.replication.Failover(replication, replicaLink,
                new java.util.function.Consumer<Boolean>() {
                    @Override
                    public void accept(Boolean hold) {
                        pause.failoverHoldsWrites(hold);
                    }
                });
        this.failover.log(forwardingLog());
        this.replicaLink.failover(failover);
        evictor.observeCycles(new java.util.function.LongConsumer() {
            @Override
            public void accept(long nanos) {
                diagnostics.sample("eviction-cycle", nanos, clock);
            }
        });
        io.nioredis.propagation.RemovalPropagation removalPropagation =
                new io.nioredis.propagation.RemovalPropagation(propagation, config);
        for (int i = 0; i < databases.count(); i++) {
            databases.get(i).events(notifier);
            databases.get(i).arrivals(blocking);
            databases.get(i).removals(removalPropagation);
        }
        if (config.getBoolean("cluster-enabled")) {
            clusterFile = new io.nioredis.cluster.ClusterFile(
                    java.nio.file.Path.of(config.get("dir")).resolve(config.get("cluster-config-file")));
            cluster = loadCluster(config, clusterFile);
            databases.get(0).indexBySlot(); // only database 0 exists for a cluster node's clients
        } else {
            clusterFile = null;
            cluster = null;
        }
        this.lastMetricSample = startMillis;
        this.opsPerSecond = new InstantaneousMetric(startMillis);
        this.inputBytesPerSecond = new InstantaneousMetric(startMillis);
        this.outputBytesPerSecond = new InstantaneousMetric(startMillis);
        this.startupMemory = databases.memoryUsage();
        this.peakMemory = startupMemory;
        notifier.flags(NotifyFlags.parse(config.get("notify-keyspace-events")));
        config.addListener(new Config.Listener() {
            @Override
            public void changed(String name) {
                if (name.equals("notify-keyspace-events")) {
                    notifier.flags(NotifyFlags.parse(config.get(name)));
                } else if (name.equals("repl-backlog-size")) {
                    replication.backlogSizeChanged();
                } else if (name.equals("cluster-require-full-coverage") && cluster != null) {
                    cluster.requireFullCoverage(config.getBoolean(name));
                }
            }
        });
    }

    /**
     * The server's share of Redis's serverCron, run on every tick (hz times a second): the instantaneous
     * rates every 100 ms (Redis's run_with_period(100)), the memory peak, and a round of avg_ttl sampling.
     */
    public void cron(long nowMillis) {
        if (nowMillis - lastMetricSample >= 100) {
            lastMetricSample = nowMillis;
            opsPerSecond.sample(nowMillis, totalCommandsProcessed);
            inputBytesPerSecond.sample(nowMillis, totalNetInputBytes);
            outputBytesPerSecond.sample(nowMillis, totalNetOutputBytes);
        }
        updatePeakMemory();
        failover.update(nowMillis); // Redis checks in beforeSleep; a tick is soon enough for an ACK a second
        persistence.cron(nowMillis);
        fullSync.cron(nowMillis);
        aof.cron(nowMillis);
        if (nowMillis - lastReplicationCron >= 1000) { // Redis runs replicationCron once a second
            lastReplicationCron = nowMillis;
            replication.cron(nowMillis, pause.set());
            if (replication.freeBacklogIfIdle(nowMillis)) {
                log.notice("Replication backlog freed after " + config.getLong("repl-backlog-ttl")
                        + " seconds without connected replicas.");
            }
            replicaLink.cron(nowMillis);
        }
        if (activeExpireEnabled) {
            databases.sampleTtls(nowMillis, ttlSampling); // part of Redis's active expire cycle
        }
    }

    /** A replica's full synchronisation: the master's snapshot becomes the dataset, and the AOF starts anew. */
    private int loadFromMaster(java.nio.file.Path file) {
        loading = true;
        boolean loaded;
        try {
            loaded = persistence.loadFromMaster(file, eventsWhileLoading);
        } finally {
            loading = false;
        }
        if (!loaded) {
            return -1;
        }
        aof.restartAfterSync();
        return Math.max(0, persistence.lastLoadStreamDb());
    }

    /** Whether keys are expired in the background: not on a replica, whose master's DELs do it. */
    public boolean activeExpiryRuns() {
        return activeExpireEnabled && !replication.following();
    }

    /**
     * The nodes file's state, or this node alone with a new id when there is no file yet; a file Redis would
     * refuse stops the start, as Redis's "Unrecoverable error: corrupted cluster config file".
     */
    private static io.nioredis.cluster.ClusterState loadCluster(Config config, io.nioredis.cluster.ClusterFile file) {
        try {
            return file.load(config.getBoolean("cluster-require-full-coverage"), (int) config.getLong("port"),
                    randomHex(20));
        } catch (io.nioredis.cluster.NodesFile.Invalid e) {
            throw new IllegalStateException("Unrecoverable error: corrupted cluster config file \""
                    + file.path() + "\": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unrecoverable error: cluster config file \"" + file.path()
                    + "\" can't be read or written: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the cluster state to the nodes file after a CLUSTER command changed it (Redis's
     * clusterSaveConfig); a failure is logged, the state in memory stays as changed.
     */
    public void saveCluster() {
        try {
            clusterFile.save(cluster);
        } catch (java.io.IOException e) {
            log.warning("Could not save the cluster config file " + clusterFile.path() + ": " + e.getMessage());
        }
    }

    /** used_memory now, raising the recorded peak if it is higher (INFO does this too, as Redis). */
    public long updatePeakMemory() {
        long used = databases.memoryUsage();
        if (used > peakMemory) {
            peakMemory = used;
        }
        return used;
    }

    /** used_memory_peak: the highest used_memory seen by the tick, INFO or MEMORY STATS. */
    public long peakMemory() {
        return peakMemory;
    }

    private static String randomHex(int bytes) {
        byte[] b = RandomSeed.bytes(bytes);
        StringBuilder s = new StringBuilder(bytes * 2);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return s.toString();
    }
}

package io.nioredis.server;

import io.nioredis.config.Config;
import io.nioredis.config.OutputBufferLimits;

/**
 * The per-client limits the event loop enforces, parsed from the configuration once and again whenever
 * CONFIG SET changes it, so that the request path reads plain fields.
 *
 * <p>Besides Redis's configurable limits there is one that cannot be switched off: the unsent replies of a
 * single client may not exceed an eighth of the JVM heap. Redis leaves normal clients unlimited by default
 * and relies on the operating system; a JVM has a fixed heap, and one client that pipelines requests but
 * never reads must not be able to fill it and take everyone else down.
 */
final class ClientLimits implements Config.Listener {
    /** Descriptors Redis keeps for itself beyond one per client (CONFIG_MIN_RESERVED_FDS). */
    static final int RESERVED_FDS = 32;
    static final long OUTPUT_CAP = Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 8);

    private final Config config;
    private final long fileDescriptorLimit;

    int maxClients;
    long queryBufferLimit;
    long maxBulkLength;
    long idleTimeoutMillis;
    boolean protectedMode;
    /** The normal class, with the built-in cap as its hard limit when the configured one is off or above it. */
    OutputBufferLimit normalOutput;
    /** Clients subscribed to channels or patterns, as Redis's pubsub class. */
    OutputBufferLimit pubsubOutput;
    /** Replicas, as Redis's replica (slave) class: what a replica lets pile up of the stream and snapshot. */
    OutputBufferLimit replicaOutput;

    ClientLimits(Config config, long fileDescriptorLimit) {
        this.config = config;
        this.fileDescriptorLimit = fileDescriptorLimit;
        config.addListener(this);
        changed("");
    }

    @Override
    public void changed(String name) {
        // As Redis, no more clients than the process can open descriptors for.
        long configured = config.getLong("maxclients");
        maxClients = (int) Math.max(1, Math.min(configured, fileDescriptorLimit - RESERVED_FDS));
        queryBufferLimit = config.getLong("client-query-buffer-limit");
        maxBulkLength = config.getLong("proto-max-bulk-len");
        idleTimeoutMillis = config.getLong("timeout") * 1000;
        protectedMode = config.get("protected-mode").equals("yes");
        String setting = config.get("client-output-buffer-limit");
        OutputBufferLimits normal = OutputBufferLimits.normal(setting);
        normalOutput = new OutputBufferLimit(normal.hardBytes > 0 ? Math.min(normal.hardBytes, OUTPUT_CAP) : OUTPUT_CAP,
                normal.softBytes, normal.softSeconds);
        pubsubOutput = OutputBufferLimit.of(OutputBufferLimits.pubsub(setting));
        replicaOutput = OutputBufferLimit.of(OutputBufferLimits.replica(setting));
    }

    /**
     * Whether a client holding {@code pending} unsent bytes is over the output limit of its class now,
     * updating its soft-limit timer: as Redis, a client over the soft limit is closed only once it has
     * stayed over it for longer than the configured seconds.
     */
    boolean outputExceeded(Connection conn, long pending, long now) {
        OutputBufferLimit limit = conn.client.isReplica() ? replicaOutput
                : conn.client.subscriptions().total() > 0 ? pubsubOutput : normalOutput;
        return limit.exceeded(conn, pending, now);
    }
}

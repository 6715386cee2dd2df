package io.nioredis.config;

import static io.nioredis.config.Param.EMPTY_IS_UNSET;
import static io.nioredis.config.Param.HZ_CAPPED;
import static io.nioredis.config.Param.IMMUTABLE;
import static io.nioredis.config.Param.MULTI_ARG;
import static io.nioredis.config.Param.PROTECTED;

import io.nioredis.config.Param.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Every parameter the server has, with Redis 7.0's names, aliases, bounds, defaults and mutability (from
 * its config.c table). A parameter is here only if it is live or refuses the values the server cannot
 * honour ({@link UnsupportedSettings}); nioredis.conf documents each one.
 */
final class Parameters {
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final long LONG_MAX = Long.MAX_VALUE;
    private static final String[] PROTECTED_ACTION = {"no", "yes", "local"};

    private final List<Param> all = new ArrayList<>();

    private Parameters() {}

    static List<Param> all() {
        Parameters p = new Parameters();
        p.declare();
        return p.all;
    }

    private void declare() {
        // Network and clients.
        integer("port", IMMUTABLE, 6379, 0, 65535);
        add(new Param("bind", null, Kind.WORDS, IMMUTABLE | MULTI_ARG, "127.0.0.1 -::1", 0, 0));
        integer("tcp-backlog", IMMUTABLE, 511, 0, INT_MAX);
        integer("timeout", 0, 0, 0, INT_MAX);
        integer("tcp-keepalive", 0, 300, 0, INT_MAX);
        // The kernel's OOM killer: the server's /proc/self/oom_score_adj by its role (see OomScoreAdjustment).
        add(new Param("oom-score-adj", null, Kind.ENUM, 0, "no", 0, 0, "no", "yes", "relative", "absolute"));
        add(new Param("oom-score-adj-values", null, Kind.OOM_SCORE_ADJ_VALUES, MULTI_ARG, "0 200 800", 0, 0));
        bool("protected-mode", 0, true);
        integer("maxclients", 0, 10000, 1, UINT_MAX);
        memory("client-query-buffer-limit", 0, 1024L * 1024 * 1024, 1024 * 1024, LONG_MAX);
        add(new Param("client-output-buffer-limit", null, Kind.OUTPUT_LIMITS, MULTI_ARG, OutputBufferLimits.DEFAULT,
                0, 0));
        memory("proto-max-bulk-len", 0, 512L * 1024 * 1024, 1024 * 1024, LONG_MAX);
        add(new Param("requirepass", null, Kind.STRING, EMPTY_IS_UNSET, "", 0, 0));
        integer("acllog-max-len", 0, 128, 0, LONG_MAX);
        add(new Param("enable-protected-configs", null, Kind.ENUM, IMMUTABLE, "no", 0, 0, PROTECTED_ACTION));
        add(new Param("enable-debug-command", null, Kind.ENUM, IMMUTABLE, "no", 0, 0, PROTECTED_ACTION));
        add(new Param("enable-module-command", null, Kind.ENUM, IMMUTABLE, "no", 0, 0, PROTECTED_ACTION));

        // General.
        add(new Param("loglevel", null, Kind.ENUM, 0, "notice", 0, 0, "debug", "verbose", "notice", "warning"));
        string("logfile", IMMUTABLE, "");
        bool("always-show-logo", IMMUTABLE, false);
        string("pidfile", IMMUTABLE, "");
        bool("daemonize", IMMUTABLE, false);
        integer("databases", IMMUTABLE, 16, 1, INT_MAX);
        add(new Param("hz", null, Kind.INTEGER, HZ_CAPPED, "10", 0, INT_MAX));
        bool("dynamic-hz", 0, true);
        bool("activerehashing", 0, true);
        add(new Param("notify-keyspace-events", null, Kind.NOTIFY_FLAGS, 0, "", 0, 0));
        add(new Param("busy-reply-threshold", "lua-time-limit", Kind.INTEGER, 0, "5000", 0, LONG_MAX));

        // Replication (master side).
        memory("repl-backlog-size", 0, 1024L * 1024, 1, LONG_MAX);
        add(new Param("repl-ping-replica-period", "repl-ping-slave-period", Kind.INTEGER, 0, "10", 1, INT_MAX));
        integer("repl-timeout", 0, 60, 1, INT_MAX);
        bool("repl-diskless-sync", 0, true);
        integer("repl-diskless-sync-delay", 0, 5, 0, INT_MAX);
        integer("repl-diskless-sync-max-replicas", 0, 0, 0, INT_MAX);
        integer("repl-backlog-ttl", 0, 3600, 0, LONG_MAX);
        bool("repl-disable-tcp-nodelay", 0, false);
        add(new Param("min-replicas-to-write", "min-slaves-to-write", Kind.INTEGER, 0, "0", 0, INT_MAX));
        add(new Param("min-replicas-max-lag", "min-slaves-max-lag", Kind.INTEGER, 0, "10", 0, INT_MAX));

        // Replication (replica side). replicaof is set by REPLICAOF too, so CONFIG REWRITE keeps the master.
        add(new Param("replicaof", "slaveof", Kind.WORDS, IMMUTABLE | MULTI_ARG, "", 0, 0));
        add(new Param("masterauth", null, Kind.STRING, EMPTY_IS_UNSET, "", 0, 0));
        add(new Param("masteruser", null, Kind.STRING, EMPTY_IS_UNSET, "", 0, 0));
        add(new Param("replica-read-only", "slave-read-only", Kind.BOOLEAN, 0, "yes", 0, 0));
        add(new Param("replica-serve-stale-data", "slave-serve-stale-data", Kind.BOOLEAN, 0, "yes", 0, 0));
        add(new Param("replica-priority", "slave-priority", Kind.INTEGER, 0, "100", 0, INT_MAX));
        bool("replica-announced", 0, true);
        add(new Param("replica-announce-ip", "slave-announce-ip", Kind.STRING, EMPTY_IS_UNSET, "", 0, 0));
        add(new Param("replica-announce-port", "slave-announce-port", Kind.INTEGER, 0, "0", 0, 65535));
        // Checked by UnsupportedSettings: the one behaviour nioredis has is the default.
        add(new Param("repl-diskless-load", null, Kind.ENUM, 0, "disabled", 0, 0, "disabled", "on-empty-db",
                "swapdb"));
        add(new Param("replica-ignore-maxmemory", "slave-ignore-maxmemory", Kind.BOOLEAN, 0, "yes", 0, 0));
        add(new Param("replica-lazy-flush", "slave-lazy-flush", Kind.BOOLEAN, 0, "no", 0, 0));
        // Cluster (a static cluster: the topology comes from the nodes file, there is no cluster bus).
        bool("cluster-enabled", IMMUTABLE, false);
        string("cluster-config-file", IMMUTABLE, "nodes.conf");
        bool("cluster-require-full-coverage", 0, true);
        bool("cluster-allow-reads-when-down", 0, false);

        // Memory and eviction.
        add(new Param("maxmemory", null, Kind.MEMORY, 0, "0", 0, LONG_MAX));
        add(new Param("maxmemory-policy", null, Kind.ENUM, 0, "noeviction", 0, 0, "volatile-lru", "volatile-lfu",
                "volatile-random", "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction"));
        integer("maxmemory-samples", 0, 5, 1, INT_MAX);
        integer("lfu-log-factor", 0, 10, 0, INT_MAX);
        integer("lfu-decay-time", 0, 1, 0, INT_MAX);
        add(new Param("maxmemory-clients", null, Kind.MEMORY_OR_PERCENT, 0, "0", -100, LONG_MAX));
        bool("lazyfree-lazy-eviction", 0, false);
        bool("lazyfree-lazy-expire", 0, false);
        bool("lazyfree-lazy-server-del", 0, false);
        bool("lazyfree-lazy-user-del", 0, false);
        bool("lazyfree-lazy-user-flush", 0, false);

        // Encodings of small values.
        add(new Param("hash-max-listpack-entries", "hash-max-ziplist-entries", Kind.INTEGER, 0, "512", 0, LONG_MAX));
        add(new Param("hash-max-listpack-value", "hash-max-ziplist-value", Kind.MEMORY, 0, "64", 0, LONG_MAX));
        integer("set-max-intset-entries", 0, 512, 0, LONG_MAX);
        add(new Param("zset-max-listpack-entries", "zset-max-ziplist-entries", Kind.INTEGER, 0, "128", 0, LONG_MAX));
        add(new Param("zset-max-listpack-value", "zset-max-ziplist-value", Kind.MEMORY, 0, "64", 0, LONG_MAX));
        add(new Param("list-max-listpack-size", "list-max-ziplist-size", Kind.INTEGER, 0, "-2", INT_MIN, INT_MAX));
        integer("list-compress-depth", 0, 0, 0, INT_MAX);
        memory("stream-node-max-bytes", 0, 4096, 0, LONG_MAX);
        integer("stream-node-max-entries", 0, 100, 0, LONG_MAX);
        memory("hll-sparse-max-bytes", 0, 3000, 0, LONG_MAX);

        // Slow log and latency monitor.
        integer("slowlog-log-slower-than", 0, 10000, -1, LONG_MAX);
        integer("slowlog-max-len", 0, 128, 0, LONG_MAX);
        integer("latency-monitor-threshold", 0, 0, 0, LONG_MAX);
        bool("latency-tracking", 0, true);
        // Checked and read by the diagnostics, which own the percentile list.
        add(new Param("latency-tracking-info-percentiles", null, Kind.WORDS, MULTI_ARG, "50 99 99.9", 0, 0));

        // Persistence: the values an in-memory server truly has; UnsupportedSettings refuses the others.
        add(new Param("dir", null, Kind.DIR, PROTECTED, WorkingDirectory.initial(), 0, 0));
        add(new Param("dbfilename", null, Kind.STRING, PROTECTED, "dump.rdb", 0, 0));
        add(new Param("save", null, Kind.SAVE, MULTI_ARG, "3600 1 300 100 60 10000", 0, 0));
        bool("rdbcompression", 0, true);
        bool("rdbchecksum", IMMUTABLE, true);
        bool("stop-writes-on-bgsave-error", 0, true);
        bool("rdb-save-incremental-fsync", 0, true);
        bool("rdb-del-sync-files", 0, false);
        bool("appendonly", 0, false);
        add(new Param("appendfsync", null, Kind.ENUM, 0, "everysec", 0, 0, "everysec", "always", "no"));
        string("appendfilename", IMMUTABLE, "appendonly.aof");
        string("appenddirname", IMMUTABLE, "appendonlydir");
        bool("aof-use-rdb-preamble", 0, true);
        bool("aof-load-truncated", 0, true);
        bool("aof-rewrite-incremental-fsync", 0, true);
        bool("aof-timestamp-enabled", 0, false);
        bool("no-appendfsync-on-rewrite", 0, false);
        integer("auto-aof-rewrite-percentage", 0, 100, 0, INT_MAX);
        memory("auto-aof-rewrite-min-size", 0, 64L * 1024 * 1024, 0, LONG_MAX);
    }

    private void add(Param p) {
        all.add(p);
    }

    private void integer(String name, int flags, long value, long min, long max) {
        add(new Param(name, null, Kind.INTEGER, flags, Long.toString(value), min, max));
    }

    private void memory(String name, int flags, long value, long min, long max) {
        add(new Param(name, null, Kind.MEMORY, flags, Long.toString(value), min, max));
    }

    private void string(String name, int flags, String value) {
        add(new Param(name, null, Kind.STRING, flags, value, 0, 0));
    }

    private void bool(String name, int flags, boolean value) {
        add(new Param(name, null, Kind.BOOLEAN, flags, value ? "yes" : "no", 0, 0));
    }
}

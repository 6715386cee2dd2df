package io.nioredis.command.server;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.resp.Verbatim;
import io.nioredis.stats.ProcessCpu;
import io.nioredis.text.DoubleFormat;
import io.nioredis.store.Keyspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.nioredis.persistence.LoadingProgress;
import io.nioredis.persistence.Persistence;
import io.nioredis.aof.AppendOnlyFile;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * INFO [section ...]: Redis's text format ({@code # Section} headers, {@code field:value} lines, CRLF). Sections
 * are chosen as Redis 7.0's genInfoSectionDict chooses them and printed in its order; every figure is
 * measured, and a field this server cannot truly compute is left out rather than given a made-up value.
 */
final class InfoCommand implements Command {
    private final Supplier<CommandTable> table;

    InfoCommand(Supplier<CommandTable> table) {
        this.table = table;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        InfoSections wanted = InfoSections.parse(request);
        ServerState s = client.server();
        StringBuilder b = new StringBuilder(2048);
        for (String section : InfoSections.ORDER) {
            if (!wanted.includes(section)) {
                continue;
            }
            if (b.length() > 0) {
                b.append("\r\n");
            }
            switch (section) {
                case "server" -> server(s, b);
                case "clients" -> clients(client, s, b);
                case "memory" -> memory(s, b);
                case "persistence" -> persistence(s, b);
                case "stats" -> stats(s, b);
                case "replication" -> replication(s, b);
                case "cpu" -> cpu(b);
                case "modules" -> b.append("# Modules\r\n"); // no modules can be loaded
                case "commandstats" -> commandStats(table.get(), b);
                case "errorstats" -> errorStats(s, b);
                case "latencystats" -> latencyStats(s, b);
                case "cluster" -> b.append("# Cluster\r\ncluster_enabled:").append(s.cluster != null ? 1 : 0).append("\r\n");
                case "keyspace" -> keyspace(s, b);
                default -> throw new IllegalStateException(section);
            }
        }
        Verbatim.text(out, b.toString()); // RESP3: a verbatim string, as Redis
    }

    private static void server(ServerState s, StringBuilder b) {
        long nowMicros = s.clock.micros();
        long uptime = (nowMicros / 1000 - s.startMillis) / 1000;
        b.append("# Server\r\n");
        field(b, "redis_version", ServerState.REDIS_VERSION);
        field(b, "nioredis_version", ServerState.VERSION);
        field(b, "redis_git_sha1", "00000000");
        field(b, "redis_git_dirty", "0");
        field(b, "redis_mode", s.cluster != null ? "cluster" : "standalone");
        field(b, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        field(b, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
        field(b, "multiplexing_api", "java.nio");
        field(b, "java_version", System.getProperty("java.version"));
        field(b, "process_id", s.pid);
        field(b, "run_id", s.runId);
        field(b, "tcp_port", s.boundPort);
        field(b, "server_time_usec", nowMicros);
        field(b, "uptime_in_seconds", uptime);
        field(b, "uptime_in_days", uptime / 86_400);
        field(b, "hz", s.hz);
        field(b, "configured_hz", s.config.get("hz"));
        field(b, "lru_clock", (nowMicros / 1_000_000) & 0xFFFFFF); // Redis's LRU_CLOCK: seconds, 24 bits
        String executable = executable();
        if (executable != null) {
            field(b, "executable", executable);
        }
        field(b, "config_file", "");
        field(b, "io_threads_active", 0);
    }

    private static void clients(Client client, ServerState s, StringBuilder b) {
        b.append("# Clients\r\n");
        // As Redis, replicas are not counted among the clients.
        field(b, "connected_clients", s.connectedClients - s.replication.replicas().size());
        field(b, "cluster_connections", 0);
        field(b, "maxclients", s.config.get("maxclients"));
        field(b, "blocked_clients", s.blocking.blockedClients() + heldByPause(client));
        field(b, "tracking_clients", 0);
        field(b, "clients_in_timeout_table", s.blocking.clientsWithDeadline());
    }

    /** Clients whose command CLIENT PAUSE holds: Redis 7.0 blocks them too, and counts them as blocked. */
    private static int heldByPause(Client client) {
        int n = 0;
        for (Client c : client.peers().all()) {
            if (c.paused()) {
                n++;
            }
        }
        return n;
    }

    private static void memory(ServerState s, StringBuilder b) {
        MemoryFigures m = MemoryFigures.of(s);
        long rss = residentSetSize();
        b.append("# Memory\r\n");
        field(b, "used_memory", m.used());
        field(b, "used_memory_human", human(m.used()));
        if (rss > 0) {
            field(b, "used_memory_rss", rss);
            field(b, "used_memory_rss_human", human(rss));
        }
        field(b, "used_memory_peak", m.peak());
        field(b, "used_memory_peak_human", human(m.peak()));
        field(b, "used_memory_peak_perc", DoubleFormat.fixed(m.peakPercentage(), 2) + "%");
        field(b, "used_memory_overhead", m.overhead());
        field(b, "used_memory_startup", m.startup());
        field(b, "used_memory_dataset", m.dataset());
        field(b, "used_memory_dataset_perc", DoubleFormat.fixed(m.datasetPercentage(), 2) + "%");
        long system = totalSystemMemory();
        if (system > 0) {
            field(b, "total_system_memory", system);
            field(b, "total_system_memory_human", human(system));
        }
        scriptingMemory(s.scripting, b);
        Runtime rt = Runtime.getRuntime();
        field(b, "jvm_heap_used", rt.totalMemory() - rt.freeMemory());
        field(b, "jvm_heap_committed", rt.totalMemory());
        field(b, "jvm_heap_max", rt.maxMemory());
        long maxmemory = s.config.getLong("maxmemory");
        field(b, "maxmemory", maxmemory);
        field(b, "maxmemory_human", human(maxmemory));
        field(b, "maxmemory_policy", s.config.get("maxmemory-policy"));
        field(b, "mem_allocator", "jvm");
    }

    /**
     * Redis 7.0's persistence section. Loading at start-up happens before clients are accepted, so loading
     * is 1 only while a replica loads its master's snapshot, with Redis's loading_* progress figures; there is no fork, so the fork figures are 0, and rdb_last_cow_size is the bytes a background
     * save wrote ahead of its walk because a change came to them (see BackgroundSnapshot). The AOF's own
     * figures follow when it is on, as in Redis.
     */
    private static void persistence(ServerState s, StringBuilder b) {
        Persistence p = s.persistence;
        b.append("# Persistence\r\n");
        field(b, "loading", s.loading ? 1 : 0);
        field(b, "async_loading", 0);
        field(b, "current_cow_peak", 0);
        field(b, "current_cow_size", 0);
        field(b, "current_cow_size_age", 0);
        field(b, "current_fork_perc", "0.00");
        field(b, "current_save_keys_processed", 0);
        field(b, "current_save_keys_total", 0);
        field(b, "rdb_changes_since_last_save", p.changesSinceLastSave());
        field(b, "rdb_bgsave_in_progress", p.backgroundSaveInProgress() ? 1 : 0);
        field(b, "rdb_last_save_time", p.lastSaveSeconds());
        field(b, "rdb_last_bgsave_status", p.lastBackgroundSaveOk() ? "ok" : "err");
        field(b, "rdb_last_bgsave_time_sec", p.lastBackgroundSaveSeconds());
        field(b, "rdb_current_bgsave_time_sec", p.currentBackgroundSaveSeconds());
        field(b, "rdb_saves", p.saves());
        field(b, "rdb_last_cow_size", p.lastCowBytes());
        field(b, "rdb_last_load_keys_expired", p.lastLoadKeysExpired());
        field(b, "rdb_last_load_keys_loaded", p.lastLoadKeysLoaded());
        AppendOnlyFile aof = s.aof;
        field(b, "aof_enabled", aof.enabled() ? 1 : 0);
        field(b, "aof_rewrite_in_progress", aof.rewriteInProgress() ? 1 : 0);
        field(b, "aof_rewrite_scheduled", aof.rewriteScheduled() ? 1 : 0);
        field(b, "aof_last_rewrite_time_sec", aof.lastRewriteTimeSec());
        field(b, "aof_current_rewrite_time_sec", aof.currentRewriteTimeSec());
        field(b, "aof_last_bgrewrite_status", aof.lastRewriteOk() ? "ok" : "err");
        field(b, "aof_rewrites", aof.rewrites());
        field(b, "aof_rewrites_consecutive_failures", aof.consecutiveRewriteFailures());
        field(b, "aof_last_write_status", aof.lastWriteOk() ? "ok" : "err");
        field(b, "aof_last_cow_size", aof.lastCowBytes());
        field(b, "module_fork_in_progress", 0);
        field(b, "module_fork_last_cow_size", 0);
        if (aof.enabled()) {
            field(b, "aof_current_size", aof.currentSize());
            field(b, "aof_base_size", aof.baseSize());
            field(b, "aof_pending_rewrite", aof.rewriteScheduled() ? 1 : 0);
            field(b, "aof_buffer_length", aof.bufferLength());
            field(b, "aof_pending_bio_fsync", aof.fsyncPending() ? 1 : 0);
            field(b, "aof_delayed_fsync", aof.delayedFsyncs());
        }
        LoadingProgress loading = p.loadingProgress();
        if (s.loading && loading != null) {
            field(b, "loading_start_time", loading.startSeconds());
            field(b, "loading_total_bytes", loading.totalBytes());
            field(b, "loading_rdb_used_mem", loading.rdbUsedMemory());
            field(b, "loading_loaded_bytes", loading.loadedBytes());
            field(b, "loading_loaded_perc", DoubleFormat.fixed(loading.loadedPercent(), 2));
            field(b, "loading_eta_seconds", loading.etaSeconds(s.clock.millis() / 1000));
        }
    }

    private static void stats(ServerState s, StringBuilder b) {
        b.append("# Stats\r\n");
        field(b, "total_connections_received", s.totalConnectionsReceived);
        field(b, "total_commands_processed", s.totalCommandsProcessed);
        field(b, "instantaneous_ops_per_sec", s.opsPerSecond.perSecond());
        field(b, "total_net_input_bytes", s.totalNetInputBytes);
        field(b, "total_net_output_bytes", s.totalNetOutputBytes);
        field(b, "instantaneous_input_kbps", kbps(s.inputBytesPerSecond.perSecond()));
        field(b, "instantaneous_output_kbps", kbps(s.outputBytesPerSecond.perSecond()));
        field(b, "rejected_connections", s.rejectedConnections);
        field(b, "sync_full", s.replication.fullSyncs());
        field(b, "sync_partial_ok", s.replication.partialSyncsOk());
        field(b, "sync_partial_err", s.replication.partialSyncsErr());
        field(b, "expired_keys", s.databases.stats().expiredKeys);
        field(b, "evicted_keys", s.databases.stats().evictedKeys);
        field(b, "keyspace_hits", s.databases.stats().keyspaceHits);
        field(b, "keyspace_misses", s.databases.stats().keyspaceMisses);
        field(b, "pubsub_channels", s.pubsub.channelCount());
        field(b, "pubsub_patterns", s.pubsub.patternCount());
        field(b, "pubsubshard_channels", s.pubsub.shardChannelCount());
        field(b, "total_error_replies", s.errors.total());
    }

    private static String kbps(long bytesPerSecond) {
        return DoubleFormat.fixed((float) bytesPerSecond / 1024, 2);
    }

    /** Redis 7.0's replication section, as a master or a replica prints it. */
    private static void replication(ServerState s, StringBuilder b) {
        io.nioredis.replication.Replication r = s.replication;
        b.append("# Replication\r\n");
        long now = s.clock.millis();
        io.nioredis.replication.ReplicaLink link = s.replicaLink;
        if (link.following()) {
            replicaFields(s, link, now / 1000, b);
        } else {
            field(b, "role", "master");
        }
        field(b, "connected_slaves", r.replicas().size());
        int i = 0;
        for (io.nioredis.replication.Replica replica : r.replicas()) {
            b.append("slave").append(i++).append(":ip=").append(replica.ip())
                    .append(",port=").append(replica.listeningPort())
                    .append(",state=").append(replica.state().name().toLowerCase(Locale.ROOT))
                    .append(",offset=").append(replica.ackOffset())
                    .append(",lag=").append(Math.max(0, (now - replica.ackMillis()) / 1000)).append("\r\n");
        }
        field(b, "master_failover_state", s.failover.state().infoName);
        field(b, "master_replid", r.replid());
        field(b, "master_replid2", r.replid2());
        field(b, "master_repl_offset", r.offset());
        field(b, "second_repl_offset", r.secondOffset());
        io.nioredis.replication.ReplicationBacklog backlog = r.backlog();
        field(b, "repl_backlog_active", backlog == null ? 0 : 1);
        field(b, "repl_backlog_size", backlog == null ? s.config.getLong("repl-backlog-size") : backlog.size());
        field(b, "repl_backlog_first_byte_offset", backlog == null ? 0 : backlog.firstByteOffset());
        field(b, "repl_backlog_histlen", backlog == null ? 0 : backlog.histlen());
    }

    /** The fields only a replica prints, in Redis's order and with its figures (seconds are unix seconds). */
    private static void replicaFields(ServerState s, io.nioredis.replication.ReplicaLink link, long nowSeconds,
                                      StringBuilder b) {
        io.nioredis.replication.ReplicaLink.State state = link.state();
        field(b, "role", "slave");
        field(b, "master_host", link.host());
        field(b, "master_port", link.port());
        field(b, "master_link_status", link.streaming() ? "up" : "down");
        field(b, "master_last_io_seconds_ago",
                link.hasMasterClient() ? nowSeconds - link.lastInteractionMillis() / 1000 : -1);
        field(b, "master_sync_in_progress", state == io.nioredis.replication.ReplicaLink.State.TRANSFER ? 1 : 0);
        field(b, "slave_read_repl_offset", link.readOffset());
        field(b, "slave_repl_offset", link.appliedOffset());
        if (state == io.nioredis.replication.ReplicaLink.State.TRANSFER) {
            long size = link.transferSize();
            long read = link.transferRead();
            field(b, "master_sync_total_bytes", size);
            field(b, "master_sync_read_bytes", read);
            field(b, "master_sync_left_bytes", size - read);
            field(b, "master_sync_perc", DoubleFormat.fixed(size != 0 ? (double) read / size * 100 : 0.0, 2));
            field(b, "master_sync_last_io_seconds_ago", nowSeconds - link.transferLastIoMillis() / 1000);
        }
        if (!link.streaming()) {
            long downSince = link.downSinceMillis();
            field(b, "master_link_down_since_seconds", downSince != 0 ? nowSeconds - downSince / 1000 : -1);
        }
        field(b, "slave_priority", s.config.getLong("replica-priority"));
        field(b, "slave_read_only", s.config.getBoolean("replica-read-only") ? 1 : 0);
        field(b, "replica_announced", s.config.getBoolean("replica-announced") ? 1 : 0);
    }

    private static void cpu(StringBuilder b) {
        b.append("# CPU\r\n");
        ProcessCpu.Times process = ProcessCpu.process();
        if (process != null) {
            field(b, "used_cpu_sys", ProcessCpu.seconds(process.systemMicros()));
            field(b, "used_cpu_user", ProcessCpu.seconds(process.userMicros()));
            field(b, "used_cpu_sys_children", ProcessCpu.seconds(process.childrenSystemMicros()));
            field(b, "used_cpu_user_children", ProcessCpu.seconds(process.childrenUserMicros()));
        }
        long[] thread = ProcessCpu.currentThread(); // INFO runs on the event loop, Redis's main thread
        if (thread != null) {
            field(b, "used_cpu_sys_main_thread", ProcessCpu.seconds(thread[1]));
            field(b, "used_cpu_user_main_thread", ProcessCpu.seconds(thread[0]));
        }
    }

    /** Redis's infoCommandStats: every command and subcommand called, refused or failed at least once. */
    static void commandStats(CommandTable table, StringBuilder b) {
        b.append("# Commandstats\r\n");
        for (CommandSpec spec : table.all()) {
            commandStat(spec, b);
            for (CommandSpec sub : spec.subcommands) {
                commandStat(sub, b);
            }
        }
    }

    private static void commandStat(CommandSpec c, StringBuilder b) {
        if (c.calls == 0 && c.failedCalls == 0 && c.rejectedCalls == 0) {
            return;
        }
        b.append("cmdstat_").append(c.fullName)
                .append(":calls=").append(c.calls)
                .append(",usec=").append(c.micros)
                .append(",usec_per_call=")
                .append(DoubleFormat.fixed(c.calls == 0 ? 0f : (float) c.micros / c.calls, 2))
                .append(",rejected_calls=").append(c.rejectedCalls)
                .append(",failed_calls=").append(c.failedCalls)
                .append("\r\n");
    }

    /** One line per error prefix, in byte order as Redis's rax of errors gives them. */
    private static void errorStats(ServerState s, StringBuilder b) {
        b.append("# Errorstats\r\n");
        for (Map.Entry<String, long[]> e : new TreeMap<>(s.errors.byPrefix()).entrySet()) {
            b.append("errorstat_").append(e.getKey()).append(":count=").append(e.getValue()[0]).append("\r\n");
        }
    }

    /**
     * The latencystats section: latency_percentiles_usec_&lt;command&gt;:p50=...,p99=...,p99.9=... from the
     * per-command latency histograms, while latency-tracking is on.
     */
    private static void latencyStats(ServerState s, StringBuilder b) {
        b.append("# Latencystats\r\n");
        s.diagnostics.appendLatencyStats(b);
    }

    private static void keyspace(ServerState s, StringBuilder b) {
        b.append("# Keyspace\r\n");
        for (int i = 0; i < s.databases.count(); i++) {
            Keyspace db = s.databases.get(i);
            if (db.size() > 0) {
                b.append("db").append(i).append(":keys=").append(db.size())
                        .append(",expires=").append(db.expiresCount())
                        .append(",avg_ttl=").append(db.avgTtl()).append("\r\n");
            }
        }
    }

    /**
     * Redis 7.0's scripting memory fields. The engine's figures are estimates of its heap (0 until the
     * first script loads it); the scripts' and libraries' are their code plus bookkeeping.
     */
    private static void scriptingMemory(io.nioredis.ScriptingState scripting, StringBuilder b) {
        long lua = scripting.luaMemory();
        long functionsVm = 0;
        long functionsOverhead = 0;
        if (scripting.libraryCount() > 0) {
            for (io.nioredis.scripting.FunctionLibrary library : scripting.libraries().libraries()) {
                functionsVm += io.nioredis.scripting.ScriptEngine.libraryMemory(library);
                functionsOverhead += 64 + library.code().length + 96L * library.functions().size();
            }
        }
        long scripts = scripting.scriptBytes();
        field(b, "used_memory_lua", lua);
        field(b, "used_memory_vm_eval", lua);
        field(b, "used_memory_lua_human", human(lua));
        field(b, "used_memory_scripts_eval", scripts);
        field(b, "number_of_cached_scripts", scripting.cachedScripts());
        field(b, "number_of_functions", scripting.functionCount());
        field(b, "number_of_libraries", scripting.libraryCount());
        field(b, "used_memory_vm_functions", functionsVm);
        field(b, "used_memory_vm_total", lua + functionsVm);
        field(b, "used_memory_vm_total_human", human(lua + functionsVm));
        field(b, "used_memory_functions", functionsOverhead);
        field(b, "used_memory_scripts", scripts + functionsOverhead);
        field(b, "used_memory_scripts_human", human(scripts + functionsOverhead));
    }

    private static void field(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }

    /** Redis's bytesToHuman: 1.23K, 4.56M, ... */
    static String human(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"K", "M", "G", "T", "P"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return DoubleFormat.fixed(v, 2) + units[u];
    }

    /** Resident set size from /proc on Linux, 0 elsewhere. */
    static long residentSetSize() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Long.parseLong(statm[1]) * 4096;
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * The machine's memory, as Redis's zmalloc_get_memory_size (physical pages times the page size): the
     * kernel's MemTotal, whatever limit a container sets; 0 where /proc/meminfo is not there.
     */
    private static long totalSystemMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.substring("MemTotal:".length()).trim().split(" ")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    /** The program the process runs (for nioredis, the JVM's launcher), or null where /proc does not say. */
    private static String executable() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/exe")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

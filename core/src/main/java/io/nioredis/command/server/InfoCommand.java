package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.resp.Verbatim;

import io.nioredis.ServerState;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * INFO [section ...]: Redis's text format ({@code # Section} headers, {@code field:value} lines, CRLF),
 * with the fields tools read most. Memory figures come from the store's own accounting.
 */
final class InfoCommand implements Command {
    private static final String[] DEFAULT_SECTIONS = {
        "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "cluster", "keyspace",
    };

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Set<String> wanted = new HashSet<>();
        if (request.argc() == 1) {
            wanted.addAll(Set.of(DEFAULT_SECTIONS));
        }
        for (int i = 1; i < request.argc(); i++) {
            String s = request.string(i).toLowerCase(Locale.ROOT);
            if (s.equals("all") || s.equals("everything") || s.equals("default")) {
                wanted.addAll(Set.of(DEFAULT_SECTIONS));
            } else {
                wanted.add(s);
            }
        }
        StringBuilder info = new StringBuilder();
        ServerState server = client.server();
        for (String section : DEFAULT_SECTIONS) {
            if (!wanted.contains(section)) {
                continue;
            }
            if (info.length() > 0) {
                info.append("\r\n");
            }
            append(section, server, info);
        }
        Verbatim.text(out, info.toString()); // RESP3: a verbatim string, as Redis
    }

    private static void append(String section, ServerState s, StringBuilder b) {
        long now = s.clock.millis();
        switch (section) {
            case "server":
                b.append("# Server\r\n");
                field(b, "redis_version", ServerState.REDIS_VERSION);
                field(b, "nioredis_version", ServerState.VERSION);
                field(b, "redis_git_sha1", "00000000");
                field(b, "redis_git_dirty", "0");
                field(b, "redis_mode", "standalone");
                field(b, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
                field(b, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
                field(b, "multiplexing_api", "java.nio");
                field(b, "java_version", System.getProperty("java.version"));
                field(b, "process_id", s.pid);
                field(b, "tcp_port", s.boundPort);
                field(b, "server_time_usec", now * 1000);
                field(b, "uptime_in_seconds", (now - s.startMillis) / 1000);
                field(b, "uptime_in_days", (now - s.startMillis) / 86_400_000);
                field(b, "hz", s.config.get("hz"));
                field(b, "configured_hz", s.config.get("hz"));
                field(b, "executable", "");
                field(b, "config_file", "");
                field(b, "io_threads_active", 0);
                break;
            case "clients":
                b.append("# Clients\r\n");
                field(b, "connected_clients", s.connectedClients);
                field(b, "cluster_connections", 0);
                field(b, "maxclients", s.config.get("maxclients"));
                field(b, "blocked_clients", 0);
                field(b, "tracking_clients", 0);
                field(b, "clients_in_timeout_table", 0);
                break;
            case "memory": {
                b.append("# Memory\r\n");
                long used = s.databases.memoryUsage();
                long rss = residentSetSize();
                field(b, "used_memory", used);
                field(b, "used_memory_human", human(used));
                field(b, "used_memory_rss", rss);
                field(b, "used_memory_rss_human", human(rss));
                Runtime rt = Runtime.getRuntime();
                field(b, "jvm_heap_used", rt.totalMemory() - rt.freeMemory());
                field(b, "jvm_heap_committed", rt.totalMemory());
                field(b, "jvm_heap_max", rt.maxMemory());
                long maxmemory = s.config.getLong("maxmemory");
                field(b, "maxmemory", maxmemory);
                field(b, "maxmemory_human", human(maxmemory));
                field(b, "maxmemory_policy", s.config.get("maxmemory-policy"));
                scriptingMemory(s.scripting, b);
                field(b, "mem_allocator", "jvm");
                break;
            }
            case "persistence":
                b.append("# Persistence\r\n");
                field(b, "loading", 0);
                field(b, "rdb_changes_since_last_save", 0);
                field(b, "rdb_bgsave_in_progress", 0);
                field(b, "rdb_last_bgsave_status", "ok");
                field(b, "aof_enabled", 0);
                field(b, "aof_rewrite_in_progress", 0);
                break;
            case "stats":
                b.append("# Stats\r\n");
                field(b, "total_connections_received", s.totalConnectionsReceived);
                field(b, "total_commands_processed", s.totalCommandsProcessed);
                field(b, "total_net_input_bytes", s.totalNetInputBytes);
                field(b, "total_net_output_bytes", s.totalNetOutputBytes);
                field(b, "rejected_connections", s.rejectedConnections);
                field(b, "expired_keys", s.databases.stats().expiredKeys);
                field(b, "evicted_keys", s.databases.stats().evictedKeys);
                field(b, "keyspace_hits", s.databases.stats().keyspaceHits);
                field(b, "keyspace_misses", s.databases.stats().keyspaceMisses);
                field(b, "pubsub_channels", s.pubsub.channelCount());
                field(b, "pubsub_patterns", s.pubsub.patternCount());
                break;
            case "replication":
                b.append("# Replication\r\n");
                field(b, "role", "master");
                field(b, "connected_slaves", 0);
                break;
            case "cpu": {
                b.append("# CPU\r\n");
                java.lang.management.OperatingSystemMXBean os =
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpuNanos = os instanceof com.sun.management.OperatingSystemMXBean
                        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
                field(b, "used_cpu_sys", "0.000000");
                field(b, "used_cpu_user", String.format(Locale.ROOT, "%.6f", cpuNanos / 1e9));
                break;
            }
            case "cluster":
                b.append("# Cluster\r\n");
                field(b, "cluster_enabled", 0);
                break;
            case "keyspace":
                b.append("# Keyspace\r\n");
                for (int i = 0; i < s.databases.count(); i++) {
                    Keyspace db = s.databases.get(i);
                    if (db.size() > 0) {
                        b.append("db").append(i).append(":keys=").append(db.size())
                                .append(",expires=").append(db.expiresCount()).append(",avg_ttl=0\r\n");
                    }
                }
                break;
            default:
                break;
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
        return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
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
}

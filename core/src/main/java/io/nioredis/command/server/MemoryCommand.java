package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.command.KeySpec;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.resp.Verbatim;
import io.nioredis.store.Keyspace;
import io.nioredis.text.Ascii;
import io.nioredis.text.DoubleFormat;

/**
 * MEMORY USAGE | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP, as Redis 7.0's memoryCommand, with figures
 * from the store's own accounting of the heap it holds (the same accounting {@code used_memory} and
 * maxmemory use). Figures that only jemalloc or the allocator's RSS could give are left out.
 */
final class MemoryCommand {
    private static final CommandFactory IMPLEMENTATIONS = MemoryCommand::implementation;

    /** MEMORY DOCTOR's threshold below which Redis declines to judge (5 MB). */
    private static final long DOCTOR_MINIMUM = 5L * 1024 * 1024;
    private static final byte[] SAMPLES = {'s', 'a', 'm', 'p', 'l', 'e', 's'};

    private MemoryCommand() {}

    static CommandSpec create() {
        return Group.SERVER.command("memory", -2, 0)
                .since("4.0.0")
                .complexity("Depends on subcommand.")
                .summary("Report memory use")
                .subcommand(Group.SERVER.command("doctor", 2, 0)
                        .since("4.0.0")
                        .complexity("O(1)")
                        .summary("Give advice on the server's memory use")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("help", 2, LOADING | STALE)
                        .since("4.0.0")
                        .complexity("O(1)")
                        .summary("List the MEMORY subcommands")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("malloc-stats", 2, 0)
                        .since("4.0.0")
                        .complexity("Depends on how much memory is allocated, could be slow")
                        .summary("Report the memory allocator's statistics")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("purge", 2, 0)
                        .since("4.0.0")
                        .complexity("Depends on how much memory is allocated, could be slow")
                        .summary("Ask the memory manager to release unused memory")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("stats", 2, 0)
                        .since("4.0.0")
                        .complexity("O(1)")
                        .summary("Report the server's memory use in detail")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("usage", -3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO"))
                        .since("4.0.0")
                        .complexity("O(N) where N is the number of samples.")
                        .summary("Estimate the memory a key and its value take")
                        .args("key [SAMPLES:count]")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    /**
     * MEMORY USAGE key [SAMPLES count]: options are checked as Redis checks them; the figure itself is
     * exact rather than sampled, since every value here keeps its own size up to date. As in Redis, the
     * key is found without expiring it, counting a hit or touching it.
     */
    private static void usage(Client client, Request request, RespWriter out) {
        for (int i = 3; i < request.argc(); i++) {
            if (request.is(i, SAMPLES) && i + 1 < request.argc()) {
                i++;
                if (!Ascii.isLong(request.array(), request.offset(i), request.length(i))) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                if (Ascii.parseLong(request.array(), request.offset(i), request.length(i)) < 0) {
                    out.raw(Errors.SYNTAX);
                    return;
                }
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.peek(request.array(), request.offset(2), request.length(2));
        if (slot < 0) {
            out.nullValue();
            return;
        }
        out.integer(keyspace.keyMemoryUsage(slot));
    }

    /** Redis's getMemoryOverheadData as MEMORY STATS prints it, for the figures this server has. */
    private static void stats(Client client, Request request, RespWriter out) {
        ServerState s = client.server();
        MemoryFigures m = MemoryFigures.of(s);
        int dbsWithKeys = 0;
        for (int d = 0; d < s.databases.count(); d++) {
            if (s.databases.get(d).size() > 0) {
                dbsWithKeys++;
            }
        }
        out.mapHeader(13 + dbsWithKeys);
        pair(out, "peak.allocated", m.peak());
        pair(out, "total.allocated", m.used());
        pair(out, "startup.allocated", m.startup());
        // No replication, cluster or AOF yet: these buffers truly do not exist.
        pair(out, "replication.backlog", 0);
        pair(out, "clients.slaves", 0);
        pair(out, "cluster.links", 0);
        pair(out, "aof.buffer", 0);
        for (int d = 0; d < s.databases.count(); d++) {
            Keyspace db = s.databases.get(d);
            if (db.size() == 0) {
                continue;
            }
            out.bulk("db." + d);
            out.mapHeader(3);
            pair(out, "overhead.hashtable.main", db.mainTableOverhead());
            pair(out, "overhead.hashtable.expires", db.expiresOverhead());
            pair(out, "overhead.hashtable.slot-to-keys", 0);
        }
        pair(out, "overhead.total", m.overhead());
        pair(out, "keys.count", m.keys());
        pair(out, "keys.bytes-per-key", m.bytesPerKey());
        pair(out, "dataset.bytes", m.dataset());
        // Redis replies with its float percentages widened to double
        out.bulk("dataset.percentage");
        percentage(out, m.datasetPercentage());
        out.bulk("peak.percentage");
        percentage(out, m.peakPercentage());
    }

    private static void percentage(RespWriter out, float value) {
        if (out.protocol() == 3) {
            out.doubleValue(value);
        } else {
            out.bulk(DoubleFormat.g17(value));
        }
    }

    private static void pair(RespWriter out, String name, long value) {
        out.bulk(name);
        out.integer(value);
    }

    /** Redis's getMemoryDoctorReport, with the checks this server can make (peak against current use). */
    private static void doctor(Client client, Request request, RespWriter out) {
        ServerState s = client.server();
        long used = s.updatePeakMemory();
        String report;
        if (used < DOCTOR_MINIMUM) {
            report = "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be "
                    + "used in these conditions. Please, leave for your mission on Earth and fill it with some data. "
                    + "The new Sam and I will be back to our programming as soon as I finished rebooting.\n";
        } else if ((float) s.peakMemory() / used > 1.5) {
            report = "Sam, I detected a few issues in this Redis instance memory implants:\n\n"
                    + " * Peak memory: In the past this instance used more than 150% the memory that is currently "
                    + "using. The allocator is normally not able to release memory after a peak, so you can expect "
                    + "to see a big fragmentation ratio, however this is actually harmless and is only due to the "
                    + "memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than "
                    + "expected, the memory will be used as soon as you fill the Redis instance with more data. If "
                    + "the memory peak was only occasional and you want to try to reclaim memory, please try the "
                    + "MEMORY PURGE command, otherwise the only other option is to shutdown and restart the "
                    + "instance.\n\n"
                    + "I'm here to keep you safe, Sam. I want to help you.\n";
        } else {
            report = "Hi Sam, I can't find any memory issue in your instance. "
                    + "I can only account for what occurs on this base.\n";
        }
        Verbatim.text(out, report);
    }

    /**
     * MEMORY PURGE: Redis asks jemalloc to return dirty pages to the system. The JVM's collector is this
     * server's allocator, so the request goes to it; whether it gives memory back depends on the collector.
     */
    private static void purge(Client client, Request request, RespWriter out) {
        System.gc();
        out.raw(Replies.OK);
    }

    private static void help(Client client, Request request, RespWriter out) {
        Help.reply(out, "MEMORY",
                "DOCTOR",
                "    Return memory problems reports.",
                "MALLOC-STATS",
                "    Return internal statistics report from the memory allocator.",
                "PURGE",
                "    Attempt to purge dirty pages for reclamation by the allocator.",
                "STATS",
                "    Return information about the memory usage of the server.",
                "USAGE <key> [SAMPLES <count>]",
                "    Return memory in bytes used by <key> and its value. Nested values are",
                "    sampled up to <count> times (default: 5, 0 means sample all).");
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "memory|doctor" -> MemoryCommand::doctor;
            case "memory|help" -> MemoryCommand::help;
            case "memory|malloc-stats" -> (c, r, out) -> out.bulk("Stats not supported for the current allocator");
            case "memory|purge" -> MemoryCommand::purge;
            case "memory|stats" -> MemoryCommand::stats;
            case "memory|usage" -> MemoryCommand::usage;
            default -> throw new IllegalArgumentException(name);
        };
    }
}

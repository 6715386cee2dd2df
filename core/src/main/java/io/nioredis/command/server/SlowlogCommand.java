package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.command.Replies;
import io.nioredis.diagnostics.SlowLog;
import io.nioredis.diagnostics.SlowLogEntry;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** SLOWLOG GET [count] | LEN | RESET | HELP, as Redis 7.0's slowlogCommand. */
final class SlowlogCommand {
    private static final CommandFactory IMPLEMENTATIONS = SlowlogCommand::implementation;

    private SlowlogCommand() {}

    static CommandSpec create() {
        return Group.SERVER.command("slowlog", -2, 0)
                .since("2.2.12")
                .complexity("Depends on subcommand.")
                .summary("Inspect the log of slow commands")
                .subcommand(Group.SERVER.command("get", -2, ADMIN | LOADING | STALE)
                        .since("2.2.12")
                        .history("4.0.0", "Added client IP address, port and name to the reply.")
                        .complexity("O(N) where N is the number of entries returned")
                        .summary("Read the newest entries of the slow log")
                        .args("[count]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("len", 2, ADMIN | LOADING | STALE)
                        .since("2.2.12")
                        .complexity("O(1)")
                        .summary("Count the entries of the slow log")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("reset", 2, ADMIN | LOADING | STALE)
                        .since("2.2.12")
                        .complexity("O(N) where N is the number of entries in the slowlog")
                        .summary("Empty the slow log")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("help", 2, LOADING | STALE)
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("List the SLOWLOG subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    private static void get(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.error(Errors.subcommandSyntax(request.string(1), "SLOWLOG"));
            return;
        }
        SlowLog log = client.server().diagnostics.slowlog;
        long count = 10;
        if (request.argc() == 3) {
            if (!request.isLong(2) || request.longValue(2) < -1) {
                out.error(Errors.SLOWLOG_COUNT);
                return;
            }
            count = request.longValue(2) == -1 ? log.size() : request.longValue(2);
        }
        java.util.List<SlowLogEntry> entries = log.newest(count);
        out.arrayHeader(entries.size());
        for (SlowLogEntry e : entries) {
            out.arrayHeader(6);
            out.integer(e.id());
            out.integer(e.unixSeconds());
            out.integer(e.micros());
            out.arrayHeader(e.args().length);
            for (byte[] arg : e.args()) {
                out.bulk(arg);
            }
            out.bulk(e.peer());
            out.bulk(e.clientName());
        }
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "slowlog|get" -> SlowlogCommand::get;
            case "slowlog|len" -> (c, r, out) -> out.integer(c.server().diagnostics.slowlog.size());
            case "slowlog|reset" -> (c, r, out) -> {
                c.server().diagnostics.slowlog.reset();
                out.raw(Replies.OK);
            };
            case "slowlog|help" -> (c, r, out) -> Help.reply(out, "SLOWLOG",
                    "GET [<count>]",
                    "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                    "    Entries are made of:",
                    "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                    "    client name",
                    "LEN",
                    "    Return the length of the slowlog.",
                    "RESET",
                    "    Reset the slowlog.");
            default -> throw new IllegalArgumentException(name);
        };
    }
}

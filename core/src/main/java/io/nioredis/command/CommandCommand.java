package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * COMMAND, COMMAND COUNT, COMMAND INFO [name ...], COMMAND DOCS [name ...] and COMMAND LIST, from the rows
 * of the command table. redis-cli asks for DOCS when it starts, to offer hints.
 */
final class CommandCommand {
    private CommandCommand() {}

    /** The table is built after this command's own row, so it is reached through a supplier. */
    static SubcommandTable create(Supplier<CommandTable> table) {
        return new SubcommandTable("command", List.of(
                SubcommandTable.sub("count", 2, "Get total number of Redis commands",
                        (c, r, out) -> out.integer(table.get().size())),
                SubcommandTable.sub("info", -2, "Get array of specific Redis command details",
                        (c, r, out) -> info(table.get(), r, 2, out)),
                SubcommandTable.sub("docs", -2, "Get array of specific Redis command documentation",
                        (c, r, out) -> docs(table.get(), r, out)),
                SubcommandTable.sub("list", -2, "Get an array of Redis command names",
                        (c, r, out) -> list(table.get(), out))));
    }

    /** COMMAND with no subcommand: INFO of every command. */
    static Command all(Supplier<CommandTable> table, SubcommandTable subcommands) {
        return (client, request, out) -> {
            if (request.argc() == 1) {
                info(table.get(), request, 1, out);
            } else {
                subcommands.execute(client, request, out);
            }
        };
    }

    private static void info(CommandTable table, Request request, int first, RespWriter out) {
        List<CommandSpec> specs = selected(table, request, first);
        out.arrayHeader(specs.size());
        for (CommandSpec spec : specs) {
            if (spec == null) {
                out.nullArrayValue();
                continue;
            }
            out.arrayHeader(10);
            out.bulk(spec.name);
            out.integer(spec.arity);
            out.arrayHeader(spec.flags.length);
            for (String flag : spec.flags) {
                out.simpleString(flag);
            }
            out.integer(spec.firstKey);
            out.integer(spec.lastKey);
            out.integer(spec.keyStep);
            out.arrayHeader(0); // ACL categories
            out.arrayHeader(0); // tips
            out.arrayHeader(0); // key specs
            out.arrayHeader(0); // subcommands
        }
    }

    private static void docs(CommandTable table, Request request, RespWriter out) {
        List<CommandSpec> specs = new ArrayList<>();
        for (CommandSpec spec : selected(table, request, 2)) {
            if (spec != null) {
                specs.add(spec); // DOCS leaves unknown names out instead of answering nil
            }
        }
        out.mapHeader(specs.size());
        for (CommandSpec spec : specs) {
            out.bulk(spec.name);
            out.mapHeader(3);
            out.bulk("summary");
            out.bulk(spec.summary);
            out.bulk("since");
            out.bulk(spec.since);
            out.bulk("group");
            out.bulk(spec.group);
        }
    }

    private static void list(CommandTable table, RespWriter out) {
        out.arrayHeader(table.size());
        for (CommandSpec spec : table.all()) {
            out.bulk(spec.name);
        }
    }

    /** The named commands (null for unknown names), or all of them when none is named. */
    private static List<CommandSpec> selected(CommandTable table, Request request, int first) {
        if (request.argc() <= first) {
            return table.all();
        }
        List<CommandSpec> specs = new ArrayList<>();
        for (int i = first; i < request.argc(); i++) {
            specs.add(table.lookup(request.array(), request.offset(i), request.length(i)));
        }
        return specs;
    }
}

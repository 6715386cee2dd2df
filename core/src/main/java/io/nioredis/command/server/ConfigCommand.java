package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Errors;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.command.Replies;
import io.nioredis.config.Config;
import io.nioredis.config.ConfigRewrite;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** CONFIG GET, SET, RESETSTAT, REWRITE and HELP, as Redis 7.0's config.c. */
final class ConfigCommand {
    private static final CommandFactory IMPLEMENTATIONS = ConfigCommand::implementation;

    private static final String[] HELP = {
        "GET <pattern>",
        "    Return parameters matching the glob-like <pattern> and their values.",
        "SET <directive> <value>",
        "    Set the configuration <directive> to <value>.",
        "RESETSTAT",
        "    Reset statistics reported by the INFO command.",
        "REWRITE",
        "    Rewrite the configuration file.",
    };

    private ConfigCommand() {}

    /** The table is built after this command's own row, so it is reached through a supplier. */
    static CommandSpec create(Supplier<CommandTable> table) {
        return Group.SERVER.command("config", -2, 0)
                .since("2.0.0")
                .complexity("Depends on subcommand.")
                .summary("Read and change the server's settings")
                .subcommand(Group.SERVER.command("get", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.0.0")
                        .history("7.0.0", "Added the ability to pass multiple pattern parameters in one call")
                        .complexity("O(N) when N is the number of configuration parameters provided")
                        .summary("Read settings matching patterns")
                        .args("parameter=(parameter)...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("set", -4, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.0.0")
                        .history("7.0.0", "Added the ability to set multiple parameters in one call.")
                        .complexity("O(N) when N is the number of configuration parameters provided")
                        .summary("Change settings while the server runs")
                        .args("parameter_value=(parameter value)...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("resetstat", 2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.0.0")
                        .complexity("O(1)")
                        .summary("Zero the statistics INFO reports")
                        .runs(() -> (c, r, out) -> resetStat(c, table.get(), out)))
                .subcommand(Group.SERVER.command("rewrite", 2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.8.0")
                        .complexity("O(1)")
                        .summary("Write the running settings back to the configuration file")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("List the CONFIG subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    private static void get(Client client, Request request, RespWriter out) {
        Config config = client.server().config;
        // Several patterns may match one parameter; like Redis, each is reported once, case-insensitively.
        // A name without glob characters is reported as the client spelled it.
        Map<String, String[]> found = new LinkedHashMap<>();
        for (int i = 2; i < request.argc(); i++) {
            String pattern = request.string(i);
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
                String value = config.get(pattern);
                if (value != null) {
                    found.putIfAbsent(pattern.toLowerCase(Locale.ROOT), new String[] {pattern, value});
                }
                continue;
            }
            for (String[] pair : config.matching(request.copy(i))) {
                found.putIfAbsent(pair[0], pair);
            }
        }
        out.mapHeader(found.size());
        for (String[] pair : found.values()) {
            out.bulk(pair[0]);
            out.bulk(pair[1]);
        }
    }

    private static void set(Client client, Request request, RespWriter out) {
        if ((request.argc() & 1) != 0) {
            out.raw(Errors.SYNTAX);
            return;
        }
        Config config = client.server().config;
        List<String[]> pairs = new ArrayList<>();
        for (int i = 2; i < request.argc(); i += 2) {
            pairs.add(new String[] {request.string(i), request.string(i + 1)});
        }
        Config.Refusal refusal = config.setAll(pairs, config.protectedAllowed(client.isLocal()));
        if (refusal == null) {
            out.raw(Replies.OK);
        } else if (refusal.reason == null) {
            out.error(Errors.configUnknownOption(refusal.argument));
        } else {
            out.error(Errors.configSetFailed(refusal.argument, refusal.reason));
        }
    }

    /** Redis's resetServerStats, resetCommandTableStats and resetErrorTableStats. */
    private static void resetStat(Client client, CommandTable table, RespWriter out) {
        client.server().resetStats();
        client.server().diagnostics.resetHistograms();
        for (CommandSpec spec : table.all()) {
            resetCommandStats(spec);
        }
        out.raw(Replies.OK);
    }

    private static void resetCommandStats(CommandSpec spec) {
        spec.calls = 0;
        spec.micros = 0;
        spec.rejectedCalls = 0;
        spec.failedCalls = 0;
        for (CommandSpec sub : spec.subcommands) {
            resetCommandStats(sub);
        }
    }

    private static void rewrite(Client client, Request request, RespWriter out) {
        Config config = client.server().config;
        Path file = config.file();
        if (file == null) {
            out.raw(Errors.CONFIG_WITHOUT_FILE);
            return;
        }
        try {
            ConfigRewrite.rewrite(config, file);
        } catch (IOException e) {
            String reason = ConfigRewrite.reason(e);
            client.server().log.warning("CONFIG REWRITE failed: " + reason);
            out.error(Errors.configRewriteFailed(reason));
            return;
        }
        client.server().log.warning("CONFIG REWRITE executed with success.");
        out.raw(Replies.OK);
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "config|get" -> ConfigCommand::get;
            case "config|set" -> ConfigCommand::set;
            case "config|rewrite" -> ConfigCommand::rewrite;
            case "config|help" -> (c, r, out) -> Help.reply(out, "CONFIG", HELP);
            default -> throw new IllegalArgumentException(name);
        };
    }
}

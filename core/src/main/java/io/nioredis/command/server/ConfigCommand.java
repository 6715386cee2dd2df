package io.nioredis.command.server;

import io.nioredis.command.Replies;

import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import static io.nioredis.command.CommandFlags.*;
import io.nioredis.client.Client;

import io.nioredis.config.Config;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CONFIG GET pattern [pattern ...], CONFIG SET name value [name value ...], CONFIG RESETSTAT. */
final class ConfigCommand {
    private ConfigCommand() {}

    static CommandSpec create() {
        return Group.SERVER.command("config", -2, 0)
                .since("2.0.0")
                .complexity("Depends on subcommand.")
                .summary("A container for server configuration commands")
                .subcommand(Group.SERVER.command("get", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.0.0")
                        .history("7.0.0", "Added the ability to pass multiple pattern parameters in one call")
                        .complexity("O(N) when N is the number of configuration parameters provided")
                        .summary("Get the values of configuration parameters")
                        .args("parameter=(parameter)...")
                        .runs(ConfigCommand::get))
                .subcommand(Group.SERVER.command("set", -4, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.0.0")
                        .history("7.0.0", "Added the ability to set multiple parameters in one call.")
                        .complexity("O(N) when N is the number of configuration parameters provided")
                        .summary("Set configuration parameters to the given values")
                        .args("parameter_value=(parameter value)...")
                        .runs(ConfigCommand::set))
                .subcommand(Group.SERVER.command("resetstat", 2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.0.0")
                        .complexity("O(1)")
                        .summary("Reset the stats returned by INFO")
                        .runs(ConfigCommand::resetStat))
                .container();
    }

    private static void get(Client client, Request request, RespWriter out) {
        // Several patterns may match one parameter; like Redis, each is reported once.
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 2; i < request.argc(); i++) {
            for (String[] pair : client.server().config.matching(request.copy(i))) {
                found.putIfAbsent(pair[0], pair[1]);
            }
        }
        out.mapHeader(found.size());
        for (Map.Entry<String, String> e : found.entrySet()) {
            out.bulk(e.getKey());
            out.bulk(e.getValue());
        }
    }

    private static void set(Client client, Request request, RespWriter out) {
        if ((request.argc() & 1) != 0) {
            out.error("ERR wrong number of arguments for 'config|set' command");
            return;
        }
        Config config = client.server().config;
        List<String[]> changes = new ArrayList<>();
        for (int i = 2; i < request.argc(); i += 2) {
            String name = request.string(i).toLowerCase(Locale.ROOT);
            if (!config.has(name) || !config.isMutable(name)) {
                out.error("ERR Unknown option or number of arguments for CONFIG SET - '" + request.string(i) + "'");
                return;
            }
            changes.add(new String[] {name, request.string(i + 1)});
        }
        for (String[] change : changes) {
            String problem = config.set(change[0], change[1]);
            if (problem != null) {
                out.error("ERR CONFIG SET failed (possibly related to argument '" + change[0] + "') - " + problem);
                return;
            }
        }
        out.raw(Replies.OK);
    }

    private static void resetStat(Client client, Request request, RespWriter out) {
        client.server().databases.stats().reset();
        client.server().totalCommandsProcessed = 0;
        client.server().totalConnectionsReceived = 0;
        client.server().rejectedConnections = 0;
        client.server().totalNetInputBytes = 0;
        client.server().totalNetOutputBytes = 0;
        out.raw(Replies.OK);
    }
}

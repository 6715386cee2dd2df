package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * MODULE LIST | LOAD | LOADEX | UNLOAD | HELP, as Redis 7.0's moduleCommand answers when no module is loaded,
 * which in nioredis is always (see {@link ModuleLoading}). LOAD, LOADEX and UNLOAD are protected: the
 * dispatcher lets them through only as {@code enable-module-command} allows, "no" by default.
 */
final class ModuleCommand {
    private static final CommandFactory IMPLEMENTATIONS = ModuleCommand::implementation;

    private ModuleCommand() {}

    static CommandSpec create() {
        long load = ADMIN | NOSCRIPT | NO_ASYNC_LOADING | PROTECTED;
        return Group.SERVER.command("module", -2, 0)
                .since("4.0.0")
                .complexity("Depends on subcommand.")
                .summary("Load, unload and list server modules")
                .subcommand(Group.SERVER.command("load", -3, load)
                        .since("4.0.0")
                        .complexity("O(1)")
                        .summary("Load a module from a shared library")
                        .args("path [arg...]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("List the MODULE subcommands")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("list", 2, ADMIN | NOSCRIPT)
                        .since("4.0.0")
                        .complexity("O(N) where N is the number of loaded modules.")
                        .summary("List the loaded modules")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("unload", 3, load)
                        .since("4.0.0")
                        .complexity("O(1)")
                        .summary("Unload a module by name")
                        .args("name")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("loadex", -3, load)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Load a module, with its configuration and arguments")
                        .args("path [configs=CONFIG::(name value)...] [args=ARGS:(arg)...]")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    private static void load(Client client, Request request, RespWriter out) {
        client.server().log.warning(ModuleLoading.failureLogLine(request.string(2)));
        out.raw(Errors.MODULE_LOAD_FAILED);
    }

    /**
     * LOADEX reads its arguments before it loads, as Redis's parseLoadexArguments: CONFIG takes a name and a
     * value, ARGS ends the list, and anything else stops it with a notice in the log.
     */
    private static void loadex(Client client, Request request, RespWriter out) {
        for (int i = 3; i < request.argc(); i++) {
            String word = request.string(i);
            if (word.equalsIgnoreCase("config")) {
                if (i + 2 >= request.argc()) {
                    client.server().log.notice("CONFIG specified without name value pair");
                    out.raw(Errors.MODULE_LOAD_FAILED);
                    return;
                }
                i += 2;
            } else if (word.equalsIgnoreCase("args")) {
                break;
            } else {
                client.server().log.notice("Syntax Error from arguments to loadex around " + word + ".");
                out.raw(Errors.MODULE_LOAD_FAILED);
                return;
            }
        }
        load(client, request, out);
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "module|load" -> ModuleCommand::load;
            case "module|loadex" -> ModuleCommand::loadex;
            case "module|unload" -> (c, r, out) -> out.raw(Errors.NO_SUCH_MODULE);
            case "module|list" -> (c, r, out) -> out.arrayHeader(0);
            case "module|help" -> (c, r, out) -> Help.reply(out, "MODULE",
                    "LIST",
                    "    Return a list of loaded modules.",
                    "LOAD <path> [<arg> ...]",
                    "    Load a module library from <path>, passing to it any optional arguments.",
                    "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
                    "    Load a module library from <path>, while passing it module configurations and optional arguments.",
                    "UNLOAD <name>",
                    "    Unload a module.");
            default -> throw new IllegalArgumentException(name);
        };
    }
}

package io.nioredis.command.server;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.AclCategory;
import io.nioredis.command.Argument;
import io.nioredis.command.CommandFlags;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.command.KeyFinder;
import io.nioredis.command.KeySpec;
import io.nioredis.text.GlobPattern;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * COMMAND, COMMAND COUNT, COMMAND INFO [name ...], COMMAND DOCS [name ...] and COMMAND LIST, from the rows
 * of the command table. redis-cli asks for DOCS when it starts, to offer hints.
 */
public final class CommandCommand {
    private CommandCommand() {}

    /** The table is built after this command's own row, so it is reached through a supplier. */
    public static CommandSpec create(Supplier<CommandTable> table) {
        CommandFactory subcommands = fullName -> implementation(fullName, table);
        return Group.SERVER.command("command", -1, LOADING | STALE)
                .acl(AclCategory.CONNECTION)
                .since("2.8.13")
                .complexity("O(N) where N is the total number of Redis commands")
                .summary("Describe the commands this server knows")
                .subcommand(Group.SERVER.command("count", 2, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("2.8.13")
                        .complexity("O(1)")
                        .summary("Reply with the number of commands")
                        .runs(subcommands))
                .subcommand(Group.SERVER.command("info", -2, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("2.8.13")
                        .history("7.0.0", "Allowed to be called with no argument to get info on all commands.")
                        .complexity("O(N) where N is the number of commands to look up")
                        .summary("Describe commands: arity, flags, keys and categories")
                        .args("[command-name...]")
                        .runs(subcommands))
                .subcommand(Group.SERVER.command("docs", -2, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of commands to look up")
                        .summary("Document commands: summary, group, complexity and arguments")
                        .args("[command-name...]")
                        .runs(subcommands))
                .subcommand(Group.SERVER.command("list", -2, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("7.0.0")
                        .complexity("O(N) where N is the total number of Redis commands")
                        .summary("List command names, optionally filtered")
                        .args("FILTERBY:[MODULE:module-name|ACLCAT:category|PATTERN:pattern]")
                        .runs(subcommands))
                .subcommand(Group.SERVER.command("getkeys", -4, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("2.8.13")
                        .complexity("O(N) where N is the number of arguments to the command")
                        .summary("Extract the keys from a full command")
                        .runs(subcommands))
                .subcommand(Group.SERVER.command("getkeysandflags", -4, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of arguments to the command")
                        .summary("Extract the keys and their access flags from a full command")
                        .runs(subcommands))
                .subcommand(Group.SERVER.command("help", 2, LOADING | STALE)
                        .acl(AclCategory.CONNECTION)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("List the COMMAND subcommands")
                        .runs(subcommands))
                .runWithSubcommands((c, r, out) -> info(table.get(), r, 1, out));
    }

    private static final String[] HELP = {
        "(no subcommand)",
        "    Return details about all Redis commands.",
        "COUNT",
        "    Return the total number of commands in this Redis server.",
        "LIST",
        "    Return a list of all commands in this Redis server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "DOCS [<command-name> ...]",
        "    Return documentation details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full Redis command.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys and the access flags from a full Redis command.",
    };

    private static void info(CommandTable table, Request request, int first, RespWriter out) {
        List<CommandSpec> specs = selected(table, request, first);
        out.arrayHeader(specs.size());
        for (CommandSpec spec : specs) {
            if (spec == null) {
                out.nullValue(); // Redis's addReplyNull: $-1 in RESP2, not a null array
            } else {
                info(spec, out);
            }
        }
    }

    /** One command's entry as Redis 7.0's addReplyCommandInfo: ten fields, subcommands nested. */
    private static void info(CommandSpec spec, RespWriter out) {
        out.arrayHeader(10);
        out.bulk(spec.fullName);
        out.integer(spec.arity);
        List<String> flags = CommandFlags.names(spec.flags);
        out.setHeader(flags.size());
        for (String flag : flags) {
            out.simpleString(flag);
        }
        out.integer(spec.firstKey);
        out.integer(spec.lastKey);
        out.integer(spec.keyStep);
        List<String> categories = AclCategory.labels(spec.aclCategories);
        out.setHeader(categories.size());
        for (String category : categories) {
            out.simpleString(category);
        }
        out.setHeader(0); // tips
        out.arrayHeader(spec.keySpecs.size());
        for (KeySpec k : spec.keySpecs) {
            keySpec(k, out);
        }
        out.arrayHeader(spec.subcommands.size());
        for (CommandSpec sub : spec.subcommands) {
            info(sub, out);
        }
    }

    private static void keySpec(KeySpec k, RespWriter out) {
        out.mapHeader(k.notes() == null ? 3 : 4);
        if (k.notes() != null) {
            out.bulk("notes");
            out.bulk(k.notes());
        }
        out.bulk("flags");
        out.setHeader(k.flags().size());
        for (String flag : k.flags()) {
            out.simpleString(flag);
        }
        if (k.isUnknown()) {
            for (String part : new String[] {"begin_search", "find_keys"}) {
                out.bulk(part);
                out.mapHeader(2);
                out.bulk("type");
                out.bulk("unknown");
                out.bulk("spec");
                out.mapHeader(0);
            }
            return;
        }
        out.bulk("begin_search");
        out.mapHeader(2);
        out.bulk("type");
        if (k.isKeyword()) {
            out.bulk("keyword");
            out.bulk("spec");
            out.mapHeader(2);
            out.bulk("keyword");
            out.bulk(k.keyword());
            out.bulk("startfrom");
            out.integer(k.beginIndex());
        } else {
            out.bulk("index");
            out.bulk("spec");
            out.mapHeader(1);
            out.bulk("index");
            out.integer(k.beginIndex());
        }
        out.bulk("find_keys");
        out.mapHeader(2);
        out.bulk("type");
        out.bulk(k.isKeynum() ? "keynum" : "range");
        out.bulk("spec");
        out.mapHeader(3);
        if (k.isKeynum()) {
            out.bulk("keynumidx");
            out.integer(k.keynumIndex());
            out.bulk("firstkey");
            out.integer(k.firstKey());
            out.bulk("keystep");
            out.integer(k.step());
        } else {
            out.bulk("lastkey");
            out.integer(k.lastKey());
            out.bulk("keystep");
            out.integer(k.step());
            out.bulk("limit");
            out.integer(k.limit());
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
            out.bulk(spec.fullName);
            docs(spec, out);
        }
    }

    /**
     * As Redis's addReplyCommandDocs: summary, since, group, complexity (where documented: MONITOR and LOLWUT
     * have none), then deprecation, history, arguments and subcommands where there are any.
     */
    private static void docs(CommandSpec spec, RespWriter out) {
        boolean deprecated = spec.deprecatedSince != null;
        int fields = 3 + (spec.complexity.isEmpty() ? 0 : 1) + (deprecated || spec.systemCommand ? 1 : 0)
                + (deprecated ? 2 : 0) + (spec.history.isEmpty() ? 0 : 1) + (spec.arguments().isEmpty() ? 0 : 1)
                + (spec.subcommands.isEmpty() ? 0 : 1);
        out.mapHeader(fields);
        out.bulk("summary");
        out.bulk(spec.summary);
        out.bulk("since");
        out.bulk(spec.since);
        out.bulk("group");
        out.bulk(spec.group.docName);
        if (!spec.complexity.isEmpty()) {
            out.bulk("complexity");
            out.bulk(spec.complexity);
        }
        if (deprecated || spec.systemCommand) {
            out.bulk("doc_flags"); // in Redis's order of the flags
            out.setHeader((deprecated ? 1 : 0) + (spec.systemCommand ? 1 : 0));
            if (deprecated) {
                out.simpleString("deprecated");
            }
            if (spec.systemCommand) {
                out.simpleString("syscmd");
            }
        }
        if (deprecated) {
            out.bulk("deprecated_since");
            out.bulk(spec.deprecatedSince);
            out.bulk("replaced_by");
            out.bulk(spec.replacedBy);
        }
        if (!spec.history.isEmpty()) {
            out.bulk("history");
            out.arrayHeader(spec.history.size() / 2);
            for (int i = 0; i < spec.history.size(); i += 2) {
                out.arrayHeader(2);
                out.bulk(spec.history.get(i));
                out.bulk(spec.history.get(i + 1));
            }
        }
        if (!spec.arguments().isEmpty()) {
            out.bulk("arguments");
            arguments(spec.arguments(), out);
        }
        if (!spec.subcommands.isEmpty()) {
            out.bulk("subcommands");
            out.mapHeader(spec.subcommands.size());
            for (CommandSpec sub : spec.subcommands) {
                out.bulk(sub.fullName);
                docs(sub, out);
            }
        }
    }

    private static void arguments(List<Argument> args, RespWriter out) {
        out.arrayHeader(args.size());
        for (Argument a : args) {
            List<String> flags = new ArrayList<>();
            if (a.optional) {
                flags.add("optional");
            }
            if (a.multiple) {
                flags.add("multiple");
            }
            if (a.multipleToken) {
                flags.add("multiple_token");
            }
            int fields = 2 + (a.keySpecIndex >= 0 ? 1 : 0) + (a.token != null ? 1 : 0) + (a.since != null ? 1 : 0)
                    + (flags.isEmpty() ? 0 : 1) + (a.children.isEmpty() ? 0 : 1);
            out.mapHeader(fields);
            out.bulk("name");
            out.bulk(a.name);
            out.bulk("type");
            out.bulk(a.type.docName);
            if (a.keySpecIndex >= 0) {
                out.bulk("key_spec_index");
                out.integer(a.keySpecIndex);
            }
            if (a.token != null) {
                out.bulk("token");
                out.bulk(a.token);
            }
            if (a.since != null) {
                out.bulk("since");
                out.bulk(a.since);
            }
            if (!flags.isEmpty()) {
                out.bulk("flags");
                out.setHeader(flags.size());
                for (String flag : flags) {
                    out.simpleString(flag);
                }
            }
            if (!a.children.isEmpty()) {
                out.bulk("arguments");
                arguments(a.children, out);
            }
        }
    }

    /** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: commands and subcommands. */
    private static void list(CommandTable table, Request request, RespWriter out) {
        if (request.argc() != 2 && (request.argc() != 5 || !request.string(2).equalsIgnoreCase("filterby"))) {
            out.raw(Errors.SYNTAX);
            return;
        }
        String filter = request.argc() == 5 ? request.string(3).toLowerCase(Locale.ROOT) : "";
        Predicate<CommandSpec> keep;
        switch (filter) {
            case "":
                keep = spec -> true;
                break;
            case "module":
                keep = spec -> false; // no modules
                break;
            case "aclcat": {
                AclCategory category = AclCategory.byName(request.string(4));
                keep = spec -> category != null && (spec.aclCategories & category.bit()) != 0;
                break;
            }
            case "pattern": {
                byte[] pattern = request.copy(4);
                keep = spec -> {
                    byte[] name = spec.fullName.getBytes(StandardCharsets.US_ASCII);
                    return GlobPattern.matches(pattern, 0, pattern.length, name, 0, name.length, true);
                };
                break;
            }
            default:
                out.raw(Errors.SYNTAX);
                return;
        }
        List<String> names = new ArrayList<>();
        for (CommandSpec spec : table.all()) {
            if (keep.test(spec)) {
                names.add(spec.fullName);
            }
            for (CommandSpec sub : spec.subcommands) {
                if (keep.test(sub)) {
                    names.add(sub.fullName);
                }
            }
        }
        out.arrayHeader(names.size());
        for (String name : names) {
            out.bulk(name);
        }
    }

    /** COMMAND GETKEYS / GETKEYSANDFLAGS command arg...: the keys the command's key specs find. */
    private static void getKeys(CommandTable table, Request request, boolean withFlags, RespWriter out) {
        CommandSpec spec = table.lookup(request.array(), request.offset(2), request.length(2));
        if (spec != null && !spec.subcommands.isEmpty() && request.argc() > 3) {
            // As Redis's lookupCommand: an unknown subcommand is no command at all.
            spec = table.lookupSubcommand(spec, request.array(), request.offset(3), request.length(3));
        }
        int argc = request.argc() - 2;
        if (spec == null) {
            out.error("ERR Invalid command specified");
            return;
        }
        // Redis's order: no keys at all before the arity of this call. Specs of channels that are not keys
        // (SPUBLISH) do not count, as Redis's doesCommandHaveKeys.
        if (!hasKeys(spec)) {
            out.error("ERR The command has no key arguments");
            return;
        }
        if (!spec.arityAccepts(argc)) {
            out.error("ERR Invalid number of arguments specified for command");
            return;
        }
        List<int[]> keys = KeyFinder.findStrictly(spec, request, 2);
        if (keys == null || keys.isEmpty()) {
            // As Redis's commandGetKeys: finding no key is an answer for a command whose keys are optional
            // (EVAL, FCALL: numkeys 0), an error for any other.
            if (spec.has(CommandFlags.NO_MANDATORY_KEYS)) {
                out.arrayHeader(0);
            } else {
                out.error("ERR Invalid arguments specified for command");
            }
            return;
        }
        out.arrayHeader(keys.size());
        for (int[] key : keys) {
            int arg = key[0];
            if (withFlags) {
                List<String> flags = spec.keySpecs.get(key[1]).flagsFor(request, 2);
                out.arrayHeader(2);
                out.bulk(request.array(), request.offset(arg), request.length(arg));
                out.setHeader(flags.size());
                for (String flag : flags) {
                    out.simpleString(flag);
                }
            } else {
                out.bulk(request.array(), request.offset(arg), request.length(arg));
            }
        }
    }

    private static boolean hasKeys(CommandSpec spec) {
        for (KeySpec k : spec.keySpecs) {
            if (!k.isNotKey()) {
                return true;
            }
        }
        return false;
    }

    /** The named commands or subcommands ({@code config|get}; null for unknown names), or all commands. */
    private static List<CommandSpec> selected(CommandTable table, Request request, int first) {
        if (request.argc() <= first) {
            return table.all();
        }
        List<CommandSpec> specs = new ArrayList<>();
        for (int i = first; i < request.argc(); i++) {
            specs.add(table.lookupFullName(request.string(i)));
        }
        return specs;
    }

    /** Makes the implementation of a subcommand declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name, Supplier<CommandTable> table) {
        return switch (name) {
            case "command|count" -> (c, r, out) -> out.integer(table.get().size());
            case "command|info" -> (c, r, out) -> info(table.get(), r, 2, out);
            case "command|docs" -> (c, r, out) -> docs(table.get(), r, out);
            case "command|list" -> (c, r, out) -> list(table.get(), r, out);
            case "command|getkeys" -> (c, r, out) -> getKeys(table.get(), r, false, out);
            case "command|getkeysandflags" -> (c, r, out) -> getKeys(table.get(), r, true, out);
            case "command|help" -> (c, r, out) -> Help.reply(out, "COMMAND", HELP);
            default -> throw new IllegalArgumentException(name);
        };
    }
}

package io.nioredis.command.acl;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import java.util.List;
import java.util.function.Supplier;

/**
 * ACL, as Redis 7.0 answers it for a server whose only user is the default one, with every permission and
 * requirepass as its password: who is connected, the user's description, categories, DRYRUN, GENPASS and
 * the log of failed authentications. Making or changing users (SETUSER, DELUSER of one that exists, LOAD,
 * SAVE) is refused.
 */
public final class AclCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "acl";

    /** Redis's text when no aclfile is configured, which is always the case here. */
    static final String NO_ACL_FILE = "ERR This Redis instance is not configured to use an ACL file. You may want "
            + "to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a "
            + "Redis configuration file set) in order to store users in the Redis configuration.";

    private AclCommands() {}

    public static void register(List<CommandSpec> rows, Supplier<CommandTable> table) {
        CommandFactory implementations = name -> implementation(name, table);
        long admin = ADMIN | NOSCRIPT | LOADING | STALE;
        long open = NOSCRIPT | LOADING | STALE;
        rows.add(Group.SERVER.command("acl", -2, 0)
                .since("6.0.0")
                .complexity("Depends on subcommand.")
                .summary("A container for Access List Control commands ")
                .subcommand(sub("cat", -2, open, "6.0.0", "O(1) since the categories and commands are a fixed set.",
                        "List the ACL categories or the commands inside a category", "[categoryname]", implementations))
                .subcommand(sub("deluser", -3, admin, "6.0.0", "O(1) amortized time considering the typical user.",
                        "Remove the specified ACL users and the associated rules", "username...", implementations))
                .subcommand(sub("dryrun", -4, admin, "7.0.0", "O(1).",
                        "Returns whether the user can execute the given command without executing the command.",
                        "username command [arg...]", implementations))
                .subcommand(sub("genpass", -2, open, "6.0.0", "O(1)",
                        "Generate a pseudorandom secure password to use for ACL users", "[bits#integer]",
                        implementations))
                .subcommand(sub("getuser", 3, admin, "6.0.0", "O(N). Where N is the number of password, command "
                        + "and pattern rules that the user has.", "Get the rules for a specific ACL user", "username",
                        implementations)
                        .history("6.2.0", "Added Pub/Sub channel patterns.",
                                "7.0.0", "Added selectors and changed the format of key and channel patterns from a "
                                        + "list to their rule representation."))
                .subcommand(sub("help", 2, LOADING | STALE, "6.0.0", "O(1)",
                        "Show helpful text about the different subcommands", "", implementations))
                .subcommand(sub("list", 2, admin, "6.0.0", "O(N). Where N is the number of configured users.",
                        "List the current ACL rules in ACL config file format", "", implementations))
                .subcommand(sub("load", 2, admin, "6.0.0", "O(N). Where N is the number of configured users.",
                        "Reload the ACLs from the configured ACL file", "", implementations))
                .subcommand(sub("log", -2, admin, "6.0.0", "O(N) with N being the number of entries shown.",
                        "List latest events denied because of ACLs in place", "[operation=[count|RESET]]",
                        implementations))
                .subcommand(sub("save", 2, admin, "6.0.0", "O(N). Where N is the number of configured users.",
                        "Save the current ACL rules in the configured ACL file", "", implementations))
                .subcommand(sub("setuser", -3, admin, "6.0.0", "O(N). Where N is the number of rules provided.",
                        "Modify or create the rules for a specific ACL user", "username [rule...]", implementations)
                        .history("6.2.0", "Added Pub/Sub channel patterns.",
                                "7.0.0", "Added selectors and key based permissions."))
                .subcommand(sub("users", 2, admin, "6.0.0", "O(N). Where N is the number of configured users.",
                        "List the username of all the configured ACL rules", "", implementations))
                .subcommand(sub("whoami", 2, open, "6.0.0", "O(1)",
                        "Return the name of the user associated to the current connection", "", implementations))
                .container());
    }

    private static CommandSpec.Builder sub(String name, int arity, long flags, String since, String complexity,
                                           String summary, String args, CommandFactory implementations) {
        return Group.SERVER.command(name, arity, flags)
                .since(since)
                .complexity(complexity)
                .summary(summary)
                .args(args)
                .runs(implementations);
    }

    /** Makes the implementation of a subcommand at its first dispatch (see CommandFactory). */
    private static Command implementation(String name, Supplier<CommandTable> table) {
        return switch (name) {
            case "acl|whoami" -> (c, r, out) -> out.bulk(DefaultUser.NAME);
            case "acl|users" -> (c, r, out) -> {
                out.arrayHeader(1);
                out.bulk(DefaultUser.NAME);
            };
            case "acl|list" -> (c, r, out) -> {
                out.arrayHeader(1);
                out.bulk(DefaultUser.describe(c.server().authenticator));
            };
            case "acl|getuser" -> (c, r, out) -> DefaultUser.getuser(c.server().authenticator, r.string(2), out);
            case "acl|cat" -> new AclCatCommand(table);
            case "acl|dryrun" -> new AclDryrunCommand(table);
            case "acl|genpass" -> AclGenpassCommand::execute;
            case "acl|log" -> AclLogCommand::execute;
            case "acl|deluser" -> (c, r, out) -> {
                for (int i = 2; i < r.argc(); i++) {
                    if (r.string(i).equals(DefaultUser.NAME)) {
                        out.error("ERR The 'default' user cannot be removed");
                        return;
                    }
                }
                out.integer(0); // no other user exists to be removed
            };
            case "acl|load", "acl|save" -> (c, r, out) -> out.error(NO_ACL_FILE);
            case "acl|setuser" -> (c, r, out) -> out.error("ERR ACL SETUSER is not supported: the only user is "
                    + "'default', with every permission and requirepass as its password");
            case "acl|help" -> (c, r, out) -> Help.reply(out, "ACL",
                    "CAT [<category>]",
                    "    List all commands that belong to <category>, or all command categories",
                    "    when no category is specified.",
                    "DELUSER <username> [<username> ...]",
                    "    Delete a list of users.",
                    "DRYRUN <username> <command> [<arg> ...]",
                    "    Returns whether the user can execute the given command without executing the command.",
                    "GETUSER <username>",
                    "    Get the user's details.",
                    "GENPASS [<bits>]",
                    "    Generate a secure 256-bit user password. The optional `bits` argument can",
                    "    be used to specify a different size.",
                    "LIST",
                    "    Show users details in config file format.",
                    "LOAD",
                    "    Reload users from the ACL file.",
                    "LOG [<count> | RESET]",
                    "    Show the ACL log entries.",
                    "SAVE",
                    "    Save the current config to the ACL file.",
                    "SETUSER <username> <attribute> [<attribute> ...]",
                    "    Create or modify a user with the specified attributes.",
                    "USERS",
                    "    List all the registered usernames.",
                    "WHOAMI",
                    "    Return the current connection username.");
            default -> throw new IllegalArgumentException(name);
        };
    }
}

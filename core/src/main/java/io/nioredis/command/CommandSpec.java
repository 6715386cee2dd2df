package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One command's single declaration: name, Redis's arity convention (positive: exactly that many arguments
 * including the name; negative: at least that many), flag bits, key specs, ACL categories, group, since,
 * complexity, summary, argument structure, subcommands and the implementation. The dispatcher's gates read
 * the flags; COMMAND INFO, DOCS, LIST, GETKEYS and COUNT print this. Declared as
 * {@code Group.STRING.command("get", 2, READONLY | FAST).keys(KeySpec.range(1, 0, 1, "RO", "access"))...run(IMPLEMENTATIONS)}.
 *
 * <p>The implementation is made by the family's {@link CommandFactory} at the command's first dispatch:
 * building the table then loads none of the command classes (and none of the value types they reach), so a
 * server starts with only the classes its first commands need.
 */
public final class CommandSpec {
    public final String name;
    /** {@code config|get} for a subcommand, else the name. */
    public final String fullName;
    final byte[] lowerName;
    public final int arity;
    public final long flags;
    public final long aclCategories;
    public final Group group;
    public final String since;
    public final String complexity;
    public final String summary;
    /** The version that deprecated the command and what replaces it, or null (COMMAND DOCS). */
    public final String deprecatedSince;
    public final String replacedBy;
    /** COMMAND DOCS's "syscmd" doc flag: a command for the server's own use (RESTORE-ASKING, PFDEBUG). */
    public final boolean systemCommand;
    /** COMMAND DOCS history: version, change, version, change... as Redis documents it. */
    public final List<String> history;
    public final List<KeySpec> keySpecs;
    /** The argument structure in {@link ArgumentSyntax}'s compact form, parsed when COMMAND DOCS first asks. */
    private final String argumentSyntax;
    private List<Argument> arguments;
    public final List<CommandSpec> subcommands;
    private final CommandFactory factory;
    /** The implementation, made by {@link #factory} on first use. */
    private Command command;
    /** The legacy key positions of COMMAND INFO, from the first key spec. */
    public final int firstKey;
    public final int lastKey;
    public final int keyStep;
    /** INFO commandstats: calls, microseconds, and calls refused before or failed during execution. */
    public long calls;
    public long micros;
    public long rejectedCalls;
    public long failedCalls;
    /** INFO latencystats: this command's latency histogram, made on its first call while tracking is on. */
    public io.nioredis.diagnostics.LatencyHistogram latencyHistogram;

    private CommandSpec(Builder b, String parent, CommandFactory factory) {
        this.name = b.name;
        this.fullName = parent == null ? b.name : parent + "|" + b.name;
        this.lowerName = b.name.getBytes(StandardCharsets.US_ASCII);
        this.arity = b.arity;
        long flags = b.flags;
        for (KeySpec k : b.keySpecs) {
            if (k.isKeynum() || k.isUnknown() || k.isKeyword()) {
                flags |= CommandFlags.MOVABLE_KEYS;
            }
        }
        this.flags = flags;
        this.aclCategories = AclCategory.of(flags, b.groupCategory ? b.group : null, b.acl);
        this.group = b.group;
        this.since = b.since;
        this.complexity = b.complexity;
        this.summary = b.summary;
        this.deprecatedSince = b.deprecatedSince;
        this.replacedBy = b.replacedBy;
        this.systemCommand = b.systemCommand;
        this.history = b.history;
        this.keySpecs = List.copyOf(b.keySpecs);
        this.argumentSyntax = b.argumentSyntax;
        List<CommandSpec> subs = new ArrayList<>();
        for (Builder sub : b.subcommands) {
            subs.add(new CommandSpec(sub, b.name, sub.factory));
        }
        this.subcommands = List.copyOf(subs);
        this.factory = factory;
        int[] legacy = legacyKeys(keySpecs);
        this.firstKey = legacy[0];
        this.lastKey = legacy[1];
        this.keyStep = legacy[2];
    }

    /** The documented argument structure (COMMAND DOCS), parsed from the declaration on first use. */
    public List<Argument> arguments() {
        List<Argument> a = arguments;
        if (a == null) {
            a = argumentSyntax.isEmpty() ? List.of() : ArgumentSyntax.parse(argumentSyntax);
            arguments = a;
        }
        return a;
    }

    /** The implementation, made on the first call. */
    public Command command() {
        Command c = command;
        return c != null ? c : (command = factory.make(fullName));
    }

    /** Whether the implementation has been made, i.e. the command was dispatched at least once. */
    boolean resolved() {
        return command != null;
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    public boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /**
     * Redis's populateCommandLegacyRangeSpec: the first key of the first spec, the last of the last range spec
     * when the specs chain, 0 0 0 without keys; a keynum spec gives no legacy range past what precedes it.
     */
    private static int[] legacyKeys(List<KeySpec> specs) {
        int first = 0;
        int last = 0;
        int step = 0;
        for (KeySpec k : specs) {
            if (k.isKeynum() || k.isUnknown() || k.isKeyword()) {
                continue;
            }
            int kFirst = k.beginIndex();
            int kLast = k.lastKey() < 0 ? k.lastKey() : k.beginIndex() + k.lastKey();
            if (first == 0) {
                first = kFirst;
                last = kLast;
                step = k.step();
            } else if (last >= 0 && kFirst == last + step && k.step() == step) {
                last = kLast;
            }
        }
        return new int[] {first, last, step};
    }

    /** Reads a declaration; {@link Group#command} starts one. */
    public static final class Builder {
        private final Group group;
        private final String name;
        private final int arity;
        private final long flags;
        private long acl;
        private String since = "1.0.0";
        private String complexity = "";
        private String summary = "";
        private String deprecatedSince;
        private String replacedBy;
        private boolean systemCommand;
        /** Whether the group's category applies; not to a container, which Redis documents as @slow only. */
        private boolean groupCategory = true;
        private List<String> history = List.of();
        private final List<KeySpec> keySpecs = new ArrayList<>();
        private String argumentSyntax = "";
        private final List<Builder> subcommands = new ArrayList<>();
        private CommandFactory factory;

        Builder(Group group, String name, int arity, long flags) {
            this.group = group;
            this.name = name.toLowerCase(Locale.ROOT);
            this.arity = arity;
            this.flags = flags;
        }

        public Builder keys(KeySpec... specs) {
            keySpecs.addAll(List.of(specs));
            return this;
        }

        /** Categories beyond those the flags and group imply (dangerous, or a second data type). */
        public Builder acl(AclCategory... categories) {
            for (AclCategory c : categories) {
                acl |= c.bit();
            }
            return this;
        }

        /**
         * The command's categories are these and its flags', not its group's, as Redis documents a few (WAIT is
         * in the generic group but @connection, not @keyspace).
         */
        public Builder aclOnly(AclCategory... categories) {
            groupCategory = false;
            return acl(categories);
        }

        public Builder since(String version) {
            this.since = version;
            return this;
        }

        public Builder complexity(String text) {
            this.complexity = text;
            return this;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        /** Marks the command deprecated since {@code version} for {@code replacedBy} (Markdown, as Redis has it). */
        public Builder deprecated(String version, String replacedBy) {
            this.deprecatedSince = version;
            this.replacedBy = replacedBy;
            return this;
        }

        /** Documents the command as one for the server's own use (COMMAND DOCS's "syscmd" doc flag). */
        public Builder systemCommand() {
            this.systemCommand = true;
            return this;
        }

        /** The changes COMMAND DOCS lists under "history": version, description, version, description... */
        public Builder history(String... versionsAndChanges) {
            if (versionsAndChanges.length % 2 != 0) {
                throw new IllegalArgumentException("history takes version, change pairs");
            }
            this.history = List.of(versionsAndChanges);
            return this;
        }

        /**
         * The argument structure in {@link ArgumentSyntax}'s compact form. Parsed on first use: only COMMAND
         * DOCS reads it, and parsing every declaration's was a third of the table's start-up time.
         */
        public Builder args(String syntax) {
            this.argumentSyntax = syntax;
            return this;
        }

        /** A subcommand of this container, declared like a command (its group is the container's). */
        public Builder subcommand(Builder sub) {
            subcommands.add(sub);
            return this;
        }

        /**
         * Ends a subcommand's declaration; the container's {@link #run} builds it. The implementation is
         * made on the subcommand's first call, as {@link #run}'s.
         */
        public Builder runs(CommandFactory family) {
            this.factory = family;
            return this;
        }

        /** As {@link #runs(CommandFactory)}, for an implementation that needs what only the declaring code has. */
        public Builder runs(Supplier<? extends Command> implementation) {
            return runs(fullName -> implementation.get());
        }

        /**
         * Ends the declaration with the factory of its implementation, called once, at the command's first
         * dispatch. A container with subcommands dispatches on its second argument.
         */
        public CommandSpec run(CommandFactory family) {
            return new CommandSpec(this, null, family);
        }

        /** As {@link #run(CommandFactory)}, for an implementation that needs what only the declaring code has. */
        public CommandSpec run(Supplier<? extends Command> implementation) {
            return run(fullName -> implementation.get());
        }

        /** Ends a container's declaration: the second argument names the subcommand. */
        public CommandSpec container() {
            groupCategory = false;
            return runWithSubcommands(null);
        }

        /** A container that runs {@code alone} when called without a subcommand (COMMAND). */
        public CommandSpec runWithSubcommands(Command alone) {
            Container container = new Container(alone);
            CommandSpec spec = new CommandSpec(this, null, container);
            container.spec = spec;
            return spec;
        }
    }

    /**
     * A container's implementation, which runs the subcommand its second argument names. A class, not
     * lambdas: CLIENT is declared with PING, on the way to a server's first reply (see
     * io.nioredis.config.Config on lambdas at start-up).
     */
    private static final class Container implements CommandFactory, Command {
        private final Command alone;
        private CommandSpec spec;

        Container(Command alone) {
            this.alone = alone;
        }

        @Override
        public Command make(String fullName) {
            return this;
        }

        @Override
        public void execute(Client client, Request request, RespWriter out) {
            if (request.argc() == 1 && alone != null) {
                alone.execute(client, request, out);
            } else {
                spec.runSubcommand(client, request, out);
            }
        }
    }

    private SubcommandTable subcommandTable;

    /** Runs the subcommand named by the second argument. */
    void runSubcommand(Client client, Request request, RespWriter out) {
        if (subcommandTable == null) {
            subcommandTable = new SubcommandTable(this);
        }
        subcommandTable.execute(client, request, out);
    }

    /** The subcommand with this name in any case, or null. */
    public CommandSpec subcommand(byte[] b, int off, int len) {
        if (subcommandTable == null) {
            subcommandTable = new SubcommandTable(this);
        }
        return subcommandTable.lookup(b, off, len);
    }
}

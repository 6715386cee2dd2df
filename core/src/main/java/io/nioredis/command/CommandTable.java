package io.nioredis.command;

import io.nioredis.text.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Command name to {@link CommandSpec}, looked up straight from the request's bytes, case-insensitively
 * and without allocating: an open-addressing table hashed on the lower-cased name.
 *
 * <p>The built-in table ({@link #declaredByFamily}) knows every name from the start but declares a family's
 * commands (strings, lists, streams...) only when one of them is first looked up: declaring all 240
 * commands, interpreted as start-up code is, was a quarter of the time from {@code main} to "Ready", and a
 * server answering PING needs one family. Listing the table ({@link #all()}: COMMAND, INFO commandstats,
 * ACL CAT) declares the rest. The table belongs to the event loop's thread (and to start-up before it).
 */
public final class CommandTable {
    private static final int MAX_NAME = 64;

    /** Declares the commands of family {@code family}, in order, into {@code rows}; {@code table} is this one. */
    public interface Declarations {
        void declare(int family, List<CommandSpec> rows, CommandTable table);
    }

    /** Each slot's name, lower case, or null for an empty slot. */
    private final byte[][] names;
    /** Each slot's command, null until its family is declared. */
    private final CommandSpec[] slots;
    /** Each slot's family. */
    private final int[] familyOf;
    private final Declarations declarations;
    /** Each family's commands in declaration order, null until declared. */
    private final List<List<CommandSpec>> declared = new ArrayList<>();
    private final int size;
    private List<CommandSpec> all;

    /** A table of commands already made (a container's subcommands). */
    public CommandTable(List<CommandSpec> specs) {
        this(List.of(names(specs)), (family, rows, table) -> rows.addAll(specs));
        all();
    }

    private CommandTable(List<String> families, Declarations declarations) {
        this.declarations = declarations;
        int count = 0;
        List<String[]> split = new ArrayList<>();
        for (String family : families) {
            String[] words = family.isEmpty() ? new String[0] : family.split(" ");
            split.add(words);
            count += words.length;
            declared.add(null);
        }
        this.size = count;
        int capacity = Integer.highestOneBit(Math.max(8, count * 4) - 1) << 1;
        names = new byte[capacity][];
        slots = new CommandSpec[capacity];
        familyOf = new int[capacity];
        for (int f = 0; f < split.size(); f++) {
            for (String word : split.get(f)) {
                byte[] name = word.getBytes(StandardCharsets.US_ASCII);
                int i = hash(name, 0, name.length) & (capacity - 1);
                while (names[i] != null) {
                    if (Ascii.equalsIgnoreCase(name, 0, name.length, names[i])) {
                        throw new IllegalArgumentException("duplicate command " + word);
                    }
                    i = (i + 1) & (capacity - 1);
                }
                names[i] = name;
                familyOf[i] = f;
            }
        }
    }

    /**
     * The table of families whose names are given, each as one string of lower-case names separated by
     * single spaces, in the order {@code declarations} declares them.
     */
    public static CommandTable declaredByFamily(List<String> families, Declarations declarations) {
        return new CommandTable(families, declarations);
    }

    /** The command named by these bytes in any case, or null. */
    public CommandSpec lookup(byte[] b, int off, int len) {
        if (len == 0 || len > MAX_NAME) {
            return null;
        }
        int mask = names.length - 1;
        int i = hash(b, off, len) & mask;
        byte[] name;
        while ((name = names[i]) != null) {
            if (Ascii.equalsIgnoreCase(b, off, len, name)) {
                CommandSpec spec = slots[i];
                return spec != null ? spec : declare(familyOf[i], i);
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /**
     * The command a request runs: for a container with a known subcommand (CONFIG GET) the subcommand, as
     * Redis's lookupCommand, so arity, flags and INFO commandstats are the subcommand's; else the command
     * named by the first argument, or null.
     */
    public CommandSpec lookup(io.nioredis.resp.Request request) {
        CommandSpec spec = lookup(request.array(), request.offset(0), request.length(0));
        if (spec != null && !spec.subcommands.isEmpty() && request.argc() >= 2) {
            CommandSpec sub = spec.subcommand(request.array(), request.offset(1), request.length(1));
            if (sub != null) {
                return sub;
            }
        }
        return spec;
    }

    /** A command or, as {@code container|sub}, a subcommand, by its full name in any case; or null. */
    public CommandSpec lookupFullName(String fullName) {
        byte[] b = fullName.getBytes(StandardCharsets.UTF_8);
        int bar = fullName.indexOf('|');
        if (bar < 0) {
            return lookup(b, 0, b.length);
        }
        CommandSpec container = lookup(b, 0, bar);
        return container == null ? null : container.subcommand(b, bar + 1, b.length - bar - 1);
    }

    /** The subcommand of {@code container} named by these bytes, or null. */
    public CommandSpec lookupSubcommand(CommandSpec container, byte[] b, int off, int len) {
        return container.subcommand(b, off, len);
    }

    /** Every command, family by family in declaration order; declares the families not declared yet. */
    public List<CommandSpec> all() {
        if (all == null) {
            List<CommandSpec> every = new ArrayList<>(size);
            for (int f = 0; f < declared.size(); f++) {
                if (declared.get(f) == null) {
                    declare(f, -1);
                }
                every.addAll(declared.get(f));
            }
            all = Collections.unmodifiableList(every);
        }
        return all;
    }

    /** How many commands there are, declared or not (COMMAND COUNT). */
    public int size() {
        return size;
    }

    /**
     * Declares family {@code family} and puts each command in its name's slot; returns the command in slot
     * {@code wanted} (or null for -1). A family must declare exactly the names it was listed with.
     */
    private CommandSpec declare(int family, int wanted) {
        List<CommandSpec> rows = new ArrayList<>();
        declarations.declare(family, rows, this);
        int mask = names.length - 1;
        for (CommandSpec spec : rows) {
            int i = hash(spec.lowerName, 0, spec.lowerName.length) & mask;
            while (names[i] != null && !Ascii.equalsIgnoreCase(spec.lowerName, 0, spec.lowerName.length, names[i])) {
                i = (i + 1) & mask;
            }
            if (names[i] == null || familyOf[i] != family || slots[i] != null) {
                throw new IllegalStateException("family " + family + " declares " + spec.name
                        + ", which is not among its names or is declared twice");
            }
            slots[i] = spec;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && familyOf[i] == family && slots[i] == null) {
                throw new IllegalStateException("family " + family + " names "
                        + new String(names[i], StandardCharsets.US_ASCII) + " but does not declare it");
            }
        }
        declared.set(family, List.copyOf(rows));
        return wanted < 0 ? null : slots[wanted];
    }

    private static String names(List<CommandSpec> specs) {
        StringBuilder b = new StringBuilder();
        for (CommandSpec spec : specs) {
            b.append(b.length() == 0 ? "" : " ").append(spec.name);
        }
        return b.toString();
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ Ascii.toLower(b[i])) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

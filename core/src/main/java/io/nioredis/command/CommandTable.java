package io.nioredis.command;

import io.nioredis.text.Ascii;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Command name to {@link CommandSpec}, looked up straight from the request's bytes, case-insensitively
 * and without allocating: an open-addressing table hashed on the lower-cased name.
 */
public final class CommandTable {
    private static final int MAX_NAME = 64;

    private final CommandSpec[] slots;
    private final List<CommandSpec> all;

    public CommandTable(List<CommandSpec> specs) {
        this.all = Collections.unmodifiableList(new ArrayList<>(specs));
        int size = Integer.highestOneBit(Math.max(8, specs.size() * 4) - 1) << 1;
        slots = new CommandSpec[size];
        for (CommandSpec spec : specs) {
            int i = hash(spec.lowerName, 0, spec.lowerName.length) & (size - 1);
            while (slots[i] != null) {
                if (slots[i].name.equals(spec.name)) {
                    throw new IllegalArgumentException("duplicate command " + spec.name);
                }
                i = (i + 1) & (size - 1);
            }
            slots[i] = spec;
        }
    }

    /** The command named by these bytes in any case, or null. */
    public CommandSpec lookup(byte[] b, int off, int len) {
        if (len == 0 || len > MAX_NAME) {
            return null;
        }
        int mask = slots.length - 1;
        int i = hash(b, off, len) & mask;
        CommandSpec spec;
        while ((spec = slots[i]) != null) {
            if (Ascii.equalsIgnoreCase(b, off, len, spec.lowerName)) {
                return spec;
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
        byte[] b = fullName.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

    public List<CommandSpec> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ Ascii.toLower(b[i])) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

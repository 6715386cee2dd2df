package io.nioredis.command;

import java.nio.charset.StandardCharsets;

/**
 * A row of the command table: the name, Redis's arity convention (positive: exactly that many arguments
 * including the name; negative: at least that many), flags and key positions as COMMAND reports them, the
 * documentation group and summary, and the implementation.
 */
public final class CommandSpec {
    public final String name;
    final byte[] lowerName;
    public final int arity;
    public final String[] flags;
    public final int firstKey;
    public final int lastKey;
    public final int keyStep;
    public final String group;
    public final String since;
    public final String summary;
    public final Command command;
    /** May run before the client has authenticated (Redis's CMD_NO_AUTH). */
    final boolean noAuth;
    /** Refused when memory is over maxmemory and nothing can be evicted (Redis's CMD_DENYOOM). */
    final boolean denyOom;

    public CommandSpec(String name, int arity, String flags, int firstKey, int lastKey, int keyStep,
                       String group, String since, String summary, Command command) {
        this.name = name;
        this.lowerName = name.getBytes(StandardCharsets.US_ASCII);
        this.arity = arity;
        this.flags = flags.isEmpty() ? new String[0] : flags.split(" ");
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.keyStep = keyStep;
        this.group = group;
        this.since = since;
        this.summary = summary;
        this.command = command;
        this.noAuth = java.util.Arrays.asList(this.flags).contains("no_auth");
        this.denyOom = java.util.Arrays.asList(this.flags).contains("denyoom");
    }

    boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }
}

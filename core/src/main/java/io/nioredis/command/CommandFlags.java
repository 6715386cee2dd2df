package io.nioredis.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The command flags of Redis's command table as bits. Every gate in the dispatcher reads these bits; COMMAND
 * INFO prints the public ones by name, in Redis 7.0's order. The last few are nioredis's own gates for what
 * Redis decides by comparing command procedures; they are never printed.
 */
public final class CommandFlags {
    private CommandFlags() {}

    public static final long WRITE = 1L;
    public static final long READONLY = 1L << 1;
    public static final long DENYOOM = 1L << 2;
    public static final long ADMIN = 1L << 4;
    public static final long PUBSUB = 1L << 5;
    public static final long NOSCRIPT = 1L << 6;
    public static final long BLOCKING = 1L << 7;
    public static final long LOADING = 1L << 8;
    public static final long STALE = 1L << 9;
    public static final long SKIP_MONITOR = 1L << 10;
    public static final long SKIP_SLOWLOG = 1L << 11;
    public static final long ASKING = 1L << 12;
    public static final long FAST = 1L << 13;
    public static final long NO_AUTH = 1L << 14;
    public static final long MAY_REPLICATE = 1L << 15;
    public static final long NO_MANDATORY_KEYS = 1L << 16;
    public static final long NO_ASYNC_LOADING = 1L << 17;
    public static final long NO_MULTI = 1L << 18;
    public static final long MOVABLE_KEYS = 1L << 19;
    public static final long ALLOW_BUSY = 1L << 20;

    /** Runs at once inside MULTI instead of being queued (EXEC, DISCARD, MULTI, WATCH, QUIT, RESET). */
    public static final long TRANSACTION_CONTROL = 1L << 40;
    /** Allowed for a RESP2 client with subscriptions ((P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT, RESET). */
    public static final long SUBSCRIBED_CONTEXT = 1L << 41;
    /** Runs the queued commands of a transaction (EXEC): a write when they write, for CLIENT PAUSE and MISCONF. */
    public static final long RUNS_QUEUED = 1L << 42;
    /** Refused with writes while saving fails (Redis refuses PING there too: a replica's health check). */
    public static final long REFUSED_ON_SAVE_ERROR = 1L << 43;
    /** Updates access data even for a CLIENT NO-TOUCH client (TOUCH). */
    public static final long ALWAYS_TOUCHES = 1L << 44;
    /**
     * Refused unless {@code enable-debug-command} (DEBUG) or {@code enable-module-command} (MODULE LOAD, LOADEX,
     * UNLOAD) allows the client, as Redis's CMD_PROTECTED.
     */
    public static final long PROTECTED = 1L << 45;

    private static final long[] PRINTED = {WRITE, READONLY, DENYOOM, ADMIN, PUBSUB, NOSCRIPT, BLOCKING, LOADING,
        STALE, SKIP_MONITOR, SKIP_SLOWLOG, ASKING, FAST, NO_AUTH, MAY_REPLICATE, NO_MANDATORY_KEYS,
        NO_ASYNC_LOADING, NO_MULTI, MOVABLE_KEYS, ALLOW_BUSY};
    private static final String[] NAMES = {"write", "readonly", "denyoom", "admin", "pubsub", "noscript",
        "blocking", "loading", "stale", "skip_monitor", "skip_slowlog", "asking", "fast", "no_auth",
        "may_replicate", "no_mandatory_keys", "no_async_loading", "no_multi", "movablekeys", "allow_busy"};

    /** The names COMMAND INFO prints for these flags, in Redis's order. */
    public static List<String> names(long flags) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PRINTED.length; i++) {
            if ((flags & PRINTED[i]) != 0) {
                names.add(NAMES[i]);
            }
        }
        return names;
    }

    /** The bit of a printed flag name, or 0 if there is none (COMMAND LIST FILTERBY is not by flag). */
    public static long byName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return PRINTED[i];
            }
        }
        return 0;
    }
}

package io.nioredis.config;

/**
 * Values nioredis cannot honour yet, refused with a reason instead of being stored and ignored: a server
 * that answered OK to {@code CONFIG SET lazyfree-lazy-eviction yes} would claim a behaviour it does not have.
 * Each line goes when the feature lands.
 */
final class UnsupportedSettings {
    static final String NO_AOF_TIMESTAMPS =
            "nioredis does not write timestamp annotations into the AOF (it skips them when loading), so only 'no'"
            + " is accepted";
    static final String NO_LAZY_FREE =
            "nioredis frees memory synchronously (lazy freeing is not implemented), so only 'no' is accepted";
    static final String NO_CLIENT_EVICTION = "client eviction is not implemented, so only 0 is accepted";
    static final String NO_DAEMONIZE =
            "nioredis does not daemonize itself; run it in the background with a supervisor instead";

    static final String DISK_LOAD_ONLY = "a nioredis replica receives its master's snapshot into a file and loads it"
            + " from there, so only 'disabled' is accepted";
    static final String REPLICA_IGNORES_MAXMEMORY =
            "a nioredis replica never evicts (its master's DELs keep it in line), so only 'yes' is accepted";

    private UnsupportedSettings() {}

    static void register(Config config) {
        config.addValidator("aof-timestamp-enabled", v -> v.equals("no") ? null : NO_AOF_TIMESTAMPS);
        for (String lazy : new String[] {"lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del",
            "lazyfree-lazy-user-del", "lazyfree-lazy-user-flush"}) {
            config.addValidator(lazy, v -> v.equals("no") ? null : NO_LAZY_FREE);
        }
        config.addValidator("maxmemory-clients", v -> v.equals("0") ? null : NO_CLIENT_EVICTION);
        config.addValidator("repl-diskless-load", v -> v.equals("disabled") ? null : DISK_LOAD_ONLY);
        config.addValidator("replica-ignore-maxmemory", v -> v.equals("yes") ? null : REPLICA_IGNORES_MAXMEMORY);
        config.addValidator("replica-lazy-flush", v -> v.equals("no") ? null : NO_LAZY_FREE);
        config.addValidator("daemonize", v -> v.equals("no") ? null : NO_DAEMONIZE);
    }
}

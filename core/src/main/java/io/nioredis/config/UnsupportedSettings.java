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
        config.addValidator("aof-timestamp-enabled", new OnlyValue("no", NO_AOF_TIMESTAMPS));
        OnlyValue noLazyFree = new OnlyValue("no", NO_LAZY_FREE);
        for (String lazy : new String[] {"lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del",
            "lazyfree-lazy-user-del", "lazyfree-lazy-user-flush", "replica-lazy-flush"}) {
            config.addValidator(lazy, noLazyFree);
        }
        config.addValidator("maxmemory-clients", new OnlyValue("0", NO_CLIENT_EVICTION));
        config.addValidator("repl-diskless-load", new OnlyValue("disabled", DISK_LOAD_ONLY));
        config.addValidator("replica-ignore-maxmemory", new OnlyValue("yes", REPLICA_IGNORES_MAXMEMORY));
        config.addValidator("daemonize", new OnlyValue("no", NO_DAEMONIZE));
    }

    /** Accepts one value and refuses every other with the reason. */
    private static final class OnlyValue implements Config.Validator {
        private final String accepted;
        private final String reason;

        OnlyValue(String accepted, String reason) {
            this.accepted = accepted;
            this.reason = reason;
        }

        @Override
        public String check(String value) {
            return value.equals(accepted) ? null : reason;
        }
    }
}

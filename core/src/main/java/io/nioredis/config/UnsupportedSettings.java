package io.nioredis.config;

/**
 * Values nioredis cannot honour yet, refused with a reason instead of being stored and ignored: a server
 * that answered OK to {@code CONFIG SET appendonly yes} would claim a durability it does not have. Each
 * line goes when the feature lands (AOF makes {@code appendonly} real).
 */
final class UnsupportedSettings {
    static final String NO_PERSISTENCE = "nioredis does not persist data yet, so only ";
    static final String NO_LAZY_FREE =
            "nioredis frees memory synchronously (lazy freeing is not implemented), so only 'no' is accepted";
    static final String NO_CLIENT_EVICTION = "client eviction is not implemented, so only 0 is accepted";
    static final String NO_DAEMONIZE =
            "nioredis does not daemonize itself; run it in the background with a supervisor instead";

    private UnsupportedSettings() {}

    static void register(Config config) {
        config.addValidator("appendonly", v -> v.equals("no") ? null : NO_PERSISTENCE + "'no' is accepted");
        for (String lazy : new String[] {"lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del",
            "lazyfree-lazy-user-del", "lazyfree-lazy-user-flush"}) {
            config.addValidator(lazy, v -> v.equals("no") ? null : NO_LAZY_FREE);
        }
        config.addValidator("maxmemory-clients", v -> v.equals("0") ? null : NO_CLIENT_EVICTION);
        config.addValidator("daemonize", v -> v.equals("no") ? null : NO_DAEMONIZE);
    }
}

package io.nioredis;

/**
 * Where core writes the lines Redis logs from inside commands ("Error trying to save the DB, can't exit.",
 * "CONFIG REWRITE executed with success.", a script's redis.log). The server module plugs its log in, which
 * drops lines below its loglevel; core knows no log format or file.
 */
public interface ServerLog {
    /** Redis's LL_DEBUG ... LL_WARNING, which redis.log's levels are too. */
    int DEBUG = 0;
    int VERBOSE = 1;
    int NOTICE = 2;
    int WARNING = 3;

    /** Drops every line. An anonymous class, not a lambda: start-up code (see Config). */
    ServerLog NONE = new ServerLog() {
        @Override
        public void log(int level, String message) {
        }
    };

    void log(int level, String message);

    default void notice(String message) {
        log(NOTICE, message);
    }

    default void warning(String message) {
        log(WARNING, message);
    }
}

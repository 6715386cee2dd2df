package io.nioredis;

/**
 * Where core writes the few lines Redis logs from inside commands ("Error trying to save the DB, can't
 * exit.", "CONFIG REWRITE executed with success."). The server module plugs its log in; core knows no
 * log format or file.
 */
public interface ServerLog {
    ServerLog NONE = new ServerLog() {
        @Override
        public void notice(String message) {
        }

        @Override
        public void warning(String message) {
        }
    };

    void notice(String message);

    void warning(String message);
}

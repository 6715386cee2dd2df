package io.nioredis.persistence;

/** The server log lines persistence writes, as Redis's serverLog at NOTICE and WARNING level. */
public interface PersistenceLog {
    void notice(String message);

    void warning(String message);

    PersistenceLog NONE = new PersistenceLog() {
        @Override
        public void notice(String message) {}

        @Override
        public void warning(String message) {}
    };
}

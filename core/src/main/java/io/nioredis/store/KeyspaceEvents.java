package io.nioredis.store;

/**
 * What the keyspace tells the rest of the server about changes, the way Redis's write commands call
 * {@code signalModifiedKey} (for WATCH) and {@code notifyKeyspaceEvent} (for keyspace notifications).
 * Commands report through {@link Keyspace#changed}; expiry and flushes are reported by the keyspace
 * itself. The default does nothing, so a server without watchers or subscribers pays one empty call.
 */
public interface KeyspaceEvents {
    // Event classes, with Redis's bit values and flag letters (notify-keyspace-events).
    int KEYSPACE = 1;          // K
    int KEYEVENT = 1 << 1;     // E
    int GENERIC = 1 << 2;      // g
    int STRING = 1 << 3;       // $
    int LIST = 1 << 4;         // l
    int SET = 1 << 5;          // s
    int HASH = 1 << 6;         // h
    int ZSET = 1 << 7;         // z
    int EXPIRED = 1 << 8;      // x
    int EVICTED = 1 << 9;      // e
    int STREAM = 1 << 10;      // t
    int KEY_MISS = 1 << 11;    // m
    int NEW = 1 << 14;         // n

    /** A key's value changed, was created or was deleted (Redis's signalModifiedKey). */
    void modified(Keyspace keyspace, byte[] key, int off, int len);

    /** A keyspace notification of class {@code type} named {@code event}, e.g. (LIST, "lpush"). */
    void notify(int type, String event, Keyspace keyspace, byte[] key, int off, int len);

    /** Every key of the keyspace was removed (FLUSHDB, FLUSHALL). */
    void flushed(Keyspace keyspace);

    KeyspaceEvents NONE = new KeyspaceEvents() {
        @Override
        public void modified(Keyspace keyspace, byte[] key, int off, int len) {
        }

        @Override
        public void notify(int type, String event, Keyspace keyspace, byte[] key, int off, int len) {
        }

        @Override
        public void flushed(Keyspace keyspace) {
        }
    };
}

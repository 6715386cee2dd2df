package io.nioredis.store;

import java.util.function.IntConsumer;

/**
 * Something a SCAN-family command walks with Redis's reverse-binary cursor (dictScan): the keyspace, or
 * the dict inside a hash, set or sorted set. One step visits one bucket's slots (more while a rehash is
 * running) and returns the next cursor, 0 when the walk is complete.
 */
public interface Scannable {
    long scan(long cursor, IntConsumer visitor);
}

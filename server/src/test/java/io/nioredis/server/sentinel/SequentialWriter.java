package io.nioredis.server.sentinel;

import java.util.concurrent.ConcurrentLinkedQueue;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;

/**
 * Writes {@code k:0, k:1, ...} (value = the index) one after another through a Sentinel-aware pool, as an
 * application would, and records every write the server acknowledged with the time it was sent. A write
 * that fails (the master is gone, the pool has not switched yet) is not retried under the same key and
 * is neither acknowledged nor counted lost: it may or may not have been applied.
 */
final class SequentialWriter implements Runnable {
    /** One acknowledged write: its index, when it was sent and when its reply came, in System.nanoTime. */
    record Ack(long index, long sentNanos, long ackedNanos) {}

    private final JedisSentinelPool pool;
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private volatile long failures;

    SequentialWriter(JedisSentinelPool pool) {
        this.pool = pool;
    }

    @Override
    public void run() {
        long index = 0;
        while (!stopped) {
            long sent = System.nanoTime();
            String key = "k:" + index;
            try (Jedis jedis = pool.getResource()) {
                jedis.set(key, Long.toString(index));
                acks.add(new Ack(index, sent, System.nanoTime()));
            } catch (RuntimeException e) {
                failures++;
                pause(20); // the pool has no master yet: ask again shortly, as an application's retry would
            }
            index++;
            if ((index & 7) == 0) {
                pause(1); // a steady load, not a flood that would starve Sentinel on a small machine
            }
        }
    }

    void stop() {
        stopped = true;
    }

    Iterable<Ack> acks() {
        return acks;
    }

    long failures() {
        return failures;
    }

    /** The first acknowledged write among those sent after {@code nanos}, or null. */
    Ack firstSentAfter(long nanos) {
        for (Ack a : acks) {
            if (a.sentNanos() > nanos) {
                return a;
            }
        }
        return null;
    }

    /** How many acknowledged writes were sent after {@code nanos}. */
    long countSentAfter(long nanos) {
        long n = 0;
        for (Ack a : acks) {
            if (a.sentNanos() > nanos) {
                n++;
            }
        }
        return n;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

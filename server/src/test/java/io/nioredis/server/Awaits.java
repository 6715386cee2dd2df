package io.nioredis.server;

import java.util.function.BooleanSupplier;

/** Polls a condition the server reaches asynchronously (a socket closed, a count back to its baseline). */
final class Awaits {
    private Awaits() {}

    static boolean until(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    /** One field of INFO, e.g. {@code connected_clients}, read over a fresh connection's reply. */
    static long infoField(redis.clients.jedis.Jedis jedis, String field) {
        for (String line : jedis.info().split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1));
            }
        }
        throw new AssertionError("INFO has no " + field);
    }
}

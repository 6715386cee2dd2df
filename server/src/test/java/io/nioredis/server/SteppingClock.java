package io.nioredis.server;

import io.nioredis.store.Clock;

/**
 * A clock a test moves by hand while the server's event loop reads it from its own thread (hence the
 * volatile), so that idle timeouts and soft limits are tested without waiting for them.
 */
final class SteppingClock implements Clock {
    private volatile long now = 1_700_000_000_000L;

    @Override
    public long millis() {
        return now;
    }

    void advance(long millis) {
        now += millis;
    }
}

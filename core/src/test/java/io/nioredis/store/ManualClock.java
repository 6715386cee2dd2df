package io.nioredis.store;

/** A clock that moves only when a test moves it, so TTL tests never sleep. */
public final class ManualClock implements Clock {
    private long now;

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    public ManualClock() {
        this(1_700_000_000_000L);
    }

    @Override
    public long millis() {
        return now;
    }

    public void advance(long millis) {
        now += millis;
    }

    public void set(long millis) {
        now = millis;
    }
}

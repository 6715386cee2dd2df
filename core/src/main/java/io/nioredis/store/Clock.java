package io.nioredis.store;

/** The only source of time in nioredis, so that tests can move time by hand instead of sleeping. */
public interface Clock {
    /** Milliseconds since the Unix epoch, as Redis's {@code mstime()}. */
    long millis();

    Clock SYSTEM = System::currentTimeMillis;
}

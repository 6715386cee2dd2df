package io.nioredis.store;

import java.time.Instant;

/** The only source of time in nioredis, so that tests can move time by hand instead of sleeping. */
public interface Clock {
    /** Milliseconds since the Unix epoch, as Redis's {@code mstime()}. */
    long millis();

    /** Microseconds since the Unix epoch, as Redis's {@code ustime()} (TIME); by default the milliseconds scaled. */
    default long micros() {
        return millis() * 1000;
    }

    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long micros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        }
    };
}

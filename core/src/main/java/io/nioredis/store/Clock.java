package io.nioredis.store;

/** The only source of time in nioredis, so that tests can move time by hand instead of sleeping. */
public interface Clock {
    /** Milliseconds since the Unix epoch, as Redis's {@code mstime()}. */
    long millis();

    /** Microseconds since the Unix epoch (MONITOR's time stamps); by default the milliseconds scaled. */
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
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        }
    };
}

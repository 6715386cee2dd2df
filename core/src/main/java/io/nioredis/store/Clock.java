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

    /**
     * The time of the latest {@link #millis()} read, for what keeps time at a far coarser resolution than the
     * gap between reads: the per-key LRU clock (seconds) and LFU decay (minutes), which Redis too takes from a
     * cached clock. The event loop reads the clock at every socket read, so the commands of that read need
     * not each read it again for every key they touch; a read costs ~30 ns, a few percent of a pipelined GET.
     */
    default long recentMillis() {
        return millis();
    }

    Clock SYSTEM = new SystemClock();

    /** The system's clock, remembering its latest read. */
    final class SystemClock implements Clock {
        // Plain, not volatile: another thread reading it sees a value a little older at worst, which is all
        // recentMillis promises, and a 64-bit JVM does not tear longs.
        private long recent = System.currentTimeMillis();

        private SystemClock() {}

        @Override
        public long millis() {
            long now = System.currentTimeMillis();
            recent = now;
            return now;
        }

        @Override
        public long recentMillis() {
            return recent;
        }

        @Override
        public long micros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        }
    }
}

package io.nioredis.stats;

/**
 * The monotonic clock commands are timed with (INFO commandstats, latency tracking, the slow log), read once
 * per call where calls follow one another rather than twice. The event loop runs a read's requests one after
 * another, and each call then starts where the one before it ended, so it counts its own parsing and
 * dispatch too, tens of nanoseconds; the whole batch's time is still counted once. A clock read costs
 * 25-45 ns on a virtual machine's clock source (kvm-clock), and two per call were 5 % of a pipelined GET's
 * CPU. Redis 7.0 reads it twice per call (ustime() around the command) unless it was built to read the
 * CPU's time-stamp counter, which Debian's build is not ("monotonic clock: POSIX clock_gettime").
 *
 * <p>Outside a batch (a command inside EXEC or a script, a blocked command run when it is woken, a replayed
 * AOF) a call reads the clock at its start as before.
 */
public final class CallClock {
    private long last;
    private boolean chained;

    /** A read's first request is about to run: the batch starts now, which it returns. */
    public long begin() {
        last = System.nanoTime();
        chained = true;
        return last;
    }

    /**
     * When the batch's last timed call ended (or the batch began): how far a read's requests have run, for
     * the loop, without reading the clock again.
     */
    public long last() {
        return last;
    }

    /** The next call follows the last request of the batch directly and starts where that one ended. */
    public void chain() {
        chained = true;
    }

    /** The batch is over (or broken by other work, such as a write): calls read the clock again. */
    public void unchain() {
        chained = false;
    }

    /** The time a call starts: where the batch's previous request ended, else now. */
    public long start() {
        if (chained) {
            chained = false;
            return last;
        }
        return System.nanoTime();
    }

    /** The time a call ends, which the next call of the batch starts from. */
    public long end() {
        last = System.nanoTime();
        return last;
    }
}

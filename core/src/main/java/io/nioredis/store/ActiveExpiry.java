package io.nioredis.store;

import java.util.function.LongSupplier;

/**
 * One event-loop turn's worth of active expiry: deletes keys whose deadline has passed, earliest first, in
 * batches, and stops at the first batch boundary after the time budget is spent. A million keys that
 * expire at once are thus reclaimed over many turns, each at most about one budget plus one batch long,
 * while clients are still served in between (Redis's activeExpireCycle has the same kind of time limit).
 */
public final class ActiveExpiry {
    /** Keys deleted between two looks at the clock. */
    public static final int BATCH = 64;
    /** About a millisecond per loop turn. */
    public static final long DEFAULT_BUDGET_NANOS = 1_000_000;

    private final Databases databases;
    private final LongSupplier nanoTime;
    private final long budgetNanos;

    /**
     * @param nanoTime the monotonic clock the budget is measured on ({@code System::nanoTime} in the
     *                 server; tests pass one they move by hand)
     */
    public ActiveExpiry(Databases databases, LongSupplier nanoTime, long budgetNanos) {
        this.databases = databases;
        this.nanoTime = nanoTime;
        this.budgetNanos = budgetNanos;
    }

    public ActiveExpiry(Databases databases) {
        this(databases, new LongSupplier() { // not a method reference: start-up code (see Config)
            @Override
            public long getAsLong() {
                return System.nanoTime();
            }
        }, DEFAULT_BUDGET_NANOS);
    }

    /**
     * Runs one turn at Unix time {@code nowMillis}; returns how many keys it deleted. Keys still due when
     * the budget runs out are left for the next turn, which should then not sleep
     * ({@link Databases#nextDeadline} is already past).
     */
    public int runTurn(long nowMillis) {
        if (databases.nextDeadline() > nowMillis) {
            return 0;
        }
        long until = nanoTime.getAsLong() + budgetNanos;
        int total = 0;
        int n;
        do {
            n = databases.expireSome(nowMillis, BATCH);
            total += n;
        } while (n == BATCH && nanoTime.getAsLong() - until < 0);
        return total;
    }
}

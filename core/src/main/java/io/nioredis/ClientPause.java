package io.nioredis;

/**
 * CLIENT PAUSE's server-wide state, as Redis 7.0's pauseClients: until a deadline, either every command
 * (ALL) or only those that write or may replicate (WRITE) is held, not refused; the event loop keeps a
 * held client's request and runs it once the pause ends. A second pause can only lengthen it or widen it
 * from WRITE to ALL. Clients in MONITOR mode, replicas for Redis, are never held. A coordinated FAILOVER
 * holds writes too, for as long as it runs, under a purpose of its own (Redis's PAUSE_DURING_FAILOVER):
 * CLIENT UNPAUSE does not end it, and it has no deadline.
 */
public final class ClientPause {
    public static final int NONE = 0;
    public static final int WRITE = 1;
    public static final int ALL = 2;

    private int mode = NONE;
    private long endMillis;
    private boolean failoverHoldsWrites;

    public void pause(long untilMillis, int newMode) {
        if (newMode > mode) {
            mode = newMode;
        }
        if (untilMillis > endMillis) {
            endMillis = untilMillis;
        }
    }

    public void unpause() {
        mode = NONE;
        endMillis = 0;
    }

    /** A coordinated failover starts ({@code true}) or ends: writes are held meanwhile. */
    public void failoverHoldsWrites(boolean hold) {
        failoverHoldsWrites = hold;
    }

    /** True if a pause was set and not yet found over: the cheap test for the request path. */
    public boolean set() {
        return mode != NONE || failoverHoldsWrites;
    }

    /** True while paused; a pause whose deadline has passed ends here. */
    public boolean active(long nowMillis) {
        if (mode != NONE && nowMillis >= endMillis) {
            unpause();
        }
        return mode != NONE || failoverHoldsWrites;
    }

    /** Whether a command is held now: any under ALL, one that writes or may replicate under WRITE. */
    public boolean holds(boolean writes, long nowMillis) {
        return active(nowMillis) && (mode == ALL || writes);
    }

    /** When the pause ends, for the event loop's sleep; Long.MAX_VALUE when not paused or with no deadline. */
    public long endMillis() {
        return mode == NONE ? Long.MAX_VALUE : endMillis;
    }
}

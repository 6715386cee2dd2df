package io.nioredis.server;

/**
 * dynamic-hz, as Redis's serverCron: with many clients the timer runs more often, so that the clients cron
 * (idle timeouts, buffer checks) visits each client about as often as with few, doubling hz while there are
 * more than 200 clients per tick, up to the highest hz.
 */
final class DynamicHz {
    /** Redis's MAX_CLIENTS_PER_CLOCK_TICK. */
    static final long CLIENTS_PER_TICK = 200;
    /** Redis's CONFIG_MAX_HZ. */
    static final long MAX_HZ = 500;

    private DynamicHz() {}

    static long of(long configuredHz, long clients, boolean dynamic) {
        long hz = configuredHz;
        if (!dynamic) {
            return hz;
        }
        while (clients / hz > CLIENTS_PER_TICK) {
            hz *= 2;
            if (hz > MAX_HZ) {
                return MAX_HZ;
            }
        }
        return hz;
    }
}

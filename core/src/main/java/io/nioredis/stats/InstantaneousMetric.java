package io.nioredis.stats;

/**
 * A rate sampled on the periodic tick and averaged over the last 16 samples, as Redis's
 * trackInstantaneousMetric / getInstantaneousMetric compute instantaneous_ops_per_sec and the kbps figures.
 */
public final class InstantaneousMetric {
    /** Redis's STATS_METRIC_SAMPLES. */
    static final int SAMPLES = 16;

    private final long[] samples = new long[SAMPLES];
    private int next;
    private long lastTime;
    private long lastCount;

    /** Starts measuring at {@code startMillis} from a count of 0, as Redis's resetServerStats. */
    public InstantaneousMetric(long startMillis) {
        this.lastTime = startMillis;
    }

    /** Records the rate per second since the previous sample, given a running total read at {@code nowMillis}. */
    public void sample(long nowMillis, long total) {
        long elapsed = nowMillis - lastTime;
        long delta = total - lastCount;
        samples[next] = elapsed > 0 ? delta * 1000 / elapsed : 0;
        next = (next + 1) % SAMPLES;
        lastTime = nowMillis;
        lastCount = total;
    }

    /** The mean of the 16 samples, per second (integer division, as Redis). */
    public long perSecond() {
        long sum = 0;
        for (long s : samples) {
            sum += s;
        }
        return sum / SAMPLES;
    }
}

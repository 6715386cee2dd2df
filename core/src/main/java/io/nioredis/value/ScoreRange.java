package io.nioredis.value;

/**
 * A score interval as ZRANGEBYSCORE and friends take it: {@code min} and {@code max}, each inclusive or,
 * written with a leading {@code (}, exclusive (Redis's zrangespec). Mutable so that a command can reuse one
 * per call.
 */
public final class ScoreRange implements SortedRange {
    public double min;
    public double max;
    public boolean minExclusive;
    public boolean maxExclusive;

    public ScoreRange set(double min, boolean minExclusive, double max, boolean maxExclusive) {
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.maxExclusive = maxExclusive;
        return this;
    }

    /** True if no score can be in the range, as Redis's zslIsInRange checks first. */
    public boolean isEmpty() {
        return min > max || (min == max && (minExclusive || maxExclusive));
    }

    public boolean aboveMin(double score) {
        return minExclusive ? score > min : score >= min;
    }

    public boolean belowMax(double score) {
        return maxExclusive ? score < max : score <= max;
    }

    @Override
    public boolean aboveMin(double score, byte[] m, int off, int len) {
        return aboveMin(score);
    }

    @Override
    public boolean belowMax(double score, byte[] m, int off, int len) {
        return belowMax(score);
    }

    public boolean contains(double score) {
        return aboveMin(score) && belowMax(score);
    }
}

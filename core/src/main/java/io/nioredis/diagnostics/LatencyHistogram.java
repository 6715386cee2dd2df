package io.nioredis.diagnostics;

/**
 * The per-command latency histogram of Redis 7.0's latency tracking: an HDR histogram (log-linear buckets)
 * over 1 ns .. 1 s with two significant digits, laid out and read exactly as the hdr_histogram library
 * Redis uses does, so INFO latencystats prints the same percentile values for the same samples. Recording
 * is a few shifts and one array increment, with no allocation; a command's histogram is made on its first
 * call, as in Redis.
 */
public final class LatencyHistogram {
    /** Redis's LATENCY_HISTOGRAM_MIN_VALUE and MAX_VALUE, in nanoseconds. */
    static final long LOWEST = 1;
    static final long HIGHEST = 1_000_000_000L;
    // Two significant digits: values below 2 * 10^2 have unit resolution, so 256 sub-buckets per bucket.
    private static final int SUB_BUCKET_COUNT_MAGNITUDE = 8;
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = SUB_BUCKET_COUNT_MAGNITUDE - 1;
    private static final int SUB_BUCKET_COUNT = 1 << SUB_BUCKET_COUNT_MAGNITUDE;
    private static final int SUB_BUCKET_HALF_COUNT = SUB_BUCKET_COUNT / 2;
    private static final long SUB_BUCKET_MASK = SUB_BUCKET_COUNT - 1;
    private static final int BUCKET_COUNT = bucketsToCover(HIGHEST);
    private static final int COUNTS_LENGTH = (BUCKET_COUNT + 1) * SUB_BUCKET_HALF_COUNT;

    private final long[] counts = new long[COUNTS_LENGTH];
    private long total;

    /** Records one sample in nanoseconds, clamped to the histogram's range as Redis clamps it. */
    public void record(long nanos) {
        long v = Math.max(LOWEST, Math.min(HIGHEST, nanos));
        counts[countsIndex(v)]++;
        total++;
    }

    /** Forgets every sample (CONFIG RESETSTAT). */
    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    public long totalCount() {
        return total;
    }

    /**
     * hdr_value_at_percentile: the highest value equivalent to the sample at that rank (the lowest for
     * percentile 0), in nanoseconds; 0 when empty.
     */
    public long valueAtPercentile(double percentile) {
        double requested = Math.min(percentile, 100.0);
        long countAtPercentile = (long) (((requested / 100) * total) + 0.5);
        countAtPercentile = Math.max(countAtPercentile, 1);
        long running = 0;
        long value = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            if (running >= countAtPercentile) {
                value = valueAtIndex(i);
                break;
            }
        }
        return percentile == 0.0 ? lowestEquivalent(value) : highestEquivalent(value);
    }

    /**
     * Redis's fillCommandCDF walk (an hdr log iterator from 1024 ns doubling): for each level at which
     * the cumulative count grows, {level's highest equivalent value in microseconds, samples up to it}.
     */
    public java.util.List<long[]> cumulativeDistribution() {
        java.util.List<long[]> points = new java.util.ArrayList<>();
        long cumulative = 0;
        long previous = 0;
        int index = 0;
        for (long level = 1024; cumulative < total && level <= HIGHEST * 2; level <<= 1) {
            int upTo = Math.min(countsIndex(Math.min(level, HIGHEST * 2)), counts.length - 1);
            while (index <= upTo) {
                cumulative += counts[index++];
            }
            if (cumulative > previous) {
                points.add(new long[] {highestEquivalent(level) / 1000, cumulative});
            }
            previous = cumulative;
        }
        return points;
    }

    private static int bucketsToCover(long value) {
        long smallestUntrackable = (long) SUB_BUCKET_COUNT;
        int buckets = 1;
        while (smallestUntrackable <= value) {
            if (smallestUntrackable > Long.MAX_VALUE / 2) {
                return buckets + 1;
            }
            smallestUntrackable <<= 1;
            buckets++;
        }
        return buckets;
    }

    private static int bucketIndex(long v) {
        int pow2ceiling = 64 - Long.numberOfLeadingZeros(v | SUB_BUCKET_MASK);
        return pow2ceiling - (SUB_BUCKET_HALF_COUNT_MAGNITUDE + 1);
    }

    private static int subBucketIndex(long v, int bucketIndex) {
        return (int) (v >>> bucketIndex);
    }

    static int countsIndex(long v) {
        int bucket = bucketIndex(v);
        int sub = subBucketIndex(v, bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (sub - SUB_BUCKET_HALF_COUNT);
    }

    static long valueAtIndex(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int sub = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            sub -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) sub << bucket;
    }

    static long lowestEquivalent(long v) {
        int bucket = bucketIndex(v);
        return (long) subBucketIndex(v, bucket) << bucket;
    }

    static long highestEquivalent(long v) {
        int bucket = bucketIndex(v);
        int sub = subBucketIndex(v, bucket);
        int adjusted = sub >= SUB_BUCKET_COUNT ? bucket + 1 : bucket;
        return lowestEquivalent(v) + (1L << adjusted) - 1;
    }
}

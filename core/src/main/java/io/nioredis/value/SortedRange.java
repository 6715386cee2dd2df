package io.nioredis.value;

/**
 * A range of a sorted set's order as {@link ScoreTree} searches it: by score ({@link ScoreRange}) or by
 * member ({@link LexRange}). Along the order, {@code aboveMin} is false and then true, and {@code belowMax}
 * true and then false; for a lex range that holds when all scores are equal, the only case where Redis
 * defines lex ranges.
 */
interface SortedRange {
    /** True if no member can be in the range. */
    boolean isEmpty();

    /** For the member {@code m[off, off + len)} at {@code score}. */
    boolean aboveMin(double score, byte[] m, int off, int len);

    /** For the member {@code m[off, off + len)} at {@code score}. */
    boolean belowMax(double score, byte[] m, int off, int len);
}

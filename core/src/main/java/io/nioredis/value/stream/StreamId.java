package io.nioredis.value.stream;

import java.nio.charset.StandardCharsets;

/**
 * A stream entry ID: two unsigned 64-bit numbers, milliseconds and sequence, held in Java longs.
 * Ordering is unsigned, as Redis compares its {@code uint64_t} pairs. The stream itself stores ids as
 * long pairs; this record exists at the edges (parsed arguments, results handed back to commands).
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {

    public static final StreamId MIN = new StreamId(0, 0);
    /** "+" and the id after which nothing can be added: 18446744073709551615-18446744073709551615. */
    public static final StreamId MAX = new StreamId(-1L, -1L);

    /** Unsigned comparison of two ids given as long pairs: negative, zero or positive. */
    public static int compare(long ms1, long seq1, long ms2, long seq2) {
        int byMs = Long.compareUnsigned(ms1, ms2);
        return byMs != 0 ? byMs : Long.compareUnsigned(seq1, seq2);
    }

    @Override
    public int compareTo(StreamId other) {
        return compare(ms, seq, other.ms, other.seq);
    }

    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    /** The next id, as Redis's streamIncrID; null when this is already the maximum id. */
    public StreamId incremented() {
        if (seq != -1L) return new StreamId(ms, seq + 1);
        if (ms != -1L) return new StreamId(ms + 1, 0);
        return null;
    }

    /** The previous id, as Redis's streamDecrID; null when this is 0-0. */
    public StreamId decremented() {
        if (seq != 0) return new StreamId(ms, seq - 1);
        if (ms != 0) return new StreamId(ms - 1, -1L);
        return null;
    }

    /** "ms-seq" with both parts printed unsigned, the form every reply uses. */
    @Override
    public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Convenience for tests and callers holding text: "1-2" parsed strictly (no "-", "+"). */
    public static StreamId of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return StreamIdParser.parseStrict(b, 0, b.length, 0);
    }
}

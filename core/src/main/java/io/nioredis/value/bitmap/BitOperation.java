package io.nioredis.value.bitmap;

/**
 * BITOP AND | OR | XOR | NOT: combines source strings byte by byte into a new string as long as the longest
 * source, a shorter (or missing) source reading as zeros past its end, as Redis does.
 */
public enum BitOperation {
    AND, OR, XOR, NOT;

    /** The operation named by BITOP's first argument (any case), or null for Redis's syntax error. */
    public static BitOperation parse(byte[] name) {
        for (BitOperation op : values()) {
            if (AsciiCase.equalsIgnoreCase(name, op.name())) {
                return op;
            }
        }
        return null;
    }

    /** The length of the result over {@code count} sources: that of the longest; when 0 Redis deletes the destination. */
    public static int resultLength(int[] lengths, int count) {
        int max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, lengths[i]);
        }
        return max;
    }

    /**
     * Writes the result of this operation over {@code count} sources into {@code out} from {@code outFrom}, for
     * {@link #resultLength} bytes: source {@code i} is {@code lengths[i]} bytes of {@code sources[i]} from
     * {@code offsets[i]} (a missing key is a null array of length 0). NOT takes exactly one source (the caller
     * checks, as Redis does before reading any key).
     */
    public void apply(byte[][] sources, int[] offsets, int[] lengths, int count, byte[] out, int outFrom) {
        int max = resultLength(lengths, count);
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, lengths[i]);
        }
        // A word at a time while every source has bytes, then byte by byte with zeros past each source's end.
        int j = 0;
        for (; j + 8 <= min; j += 8) {
            long word = Words.get(sources[0], offsets[0] + j);
            if (this == NOT) {
                word = ~word;
            }
            for (int i = 1; i < count; i++) {
                long other = Words.get(sources[i], offsets[i] + j);
                word = switch (this) {
                    case AND -> word & other;
                    case OR -> word | other;
                    case XOR -> word ^ other;
                    case NOT -> word;
                };
            }
            Words.set(out, outFrom + j, word);
        }
        for (; j < max; j++) {
            int b = j < lengths[0] ? sources[0][offsets[0] + j] : 0;
            if (this == NOT) {
                b = ~b;
            }
            for (int i = 1; i < count; i++) {
                int other = j < lengths[i] ? sources[i][offsets[i] + j] : 0;
                b = switch (this) {
                    case AND -> b & other;
                    case OR -> b | other;
                    case XOR -> b ^ other;
                    case NOT -> b;
                };
            }
            out[outFrom + j] = (byte) b;
        }
    }
}

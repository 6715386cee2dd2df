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

    /**
     * The result of this operation over {@code count} sources: {@code sources[i]} holds {@code lengths[i]} bytes
     * (a missing key is a null array of length 0). The result is as long as the longest source; when that is 0
     * Redis deletes the destination instead of storing an empty string. NOT takes exactly one source
     * ({@link BitmapErrors#BITOP_NOT_ARITY} otherwise, checked by the caller).
     */
    public byte[] apply(byte[][] sources, int[] lengths, int count) {
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, lengths[i]);
            min = Math.min(min, lengths[i]);
        }
        byte[] out = new byte[max];
        if (max == 0) {
            return out;
        }
        // A word at a time while every source has bytes, then byte by byte with zeros past each source's end.
        int j = 0;
        for (; j + 8 <= min; j += 8) {
            long word = Words.get(sources[0], j);
            if (this == NOT) {
                word = ~word;
            }
            for (int i = 1; i < count; i++) {
                long other = Words.get(sources[i], j);
                word = switch (this) {
                    case AND -> word & other;
                    case OR -> word | other;
                    case XOR -> word ^ other;
                    case NOT -> word;
                };
            }
            Words.set(out, j, word);
        }
        for (; j < max; j++) {
            int b = j < lengths[0] ? sources[0][j] : 0;
            if (this == NOT) {
                b = ~b;
            }
            for (int i = 1; i < count; i++) {
                int other = j < lengths[i] ? sources[i][j] : 0;
                b = switch (this) {
                    case AND -> b & other;
                    case OR -> b | other;
                    case XOR -> b ^ other;
                    case NOT -> b;
                };
            }
            out[j] = (byte) b;
        }
        return out;
    }
}

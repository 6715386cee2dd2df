package io.nioredis.value;

import java.util.Arrays;

/**
 * A member interval as ZRANGEBYLEX takes it (Redis's zlexrangespec): each end is {@code -} (below every
 * string), {@code +} (above every string), or a string, inclusive when written {@code [s} and exclusive
 * when written {@code (s}. The string ends are views into the caller's request buffer and valid only while
 * the command runs.
 */
public final class LexRange implements SortedRange {
    private static final int BELOW_ALL = -1;
    private static final int VALUE = 0;
    private static final int ABOVE_ALL = 1;

    private int minKind;
    private byte[] minBytes;
    private int minOff;
    private int minLen;
    private boolean minExclusive;
    private int maxKind;
    private byte[] maxBytes;
    private int maxOff;
    private int maxLen;
    private boolean maxExclusive;

    /** Parses both ends; false if either is not a valid range item, as zslParseLexRange. */
    public boolean parse(byte[] b, int minOffset, int minLength, int maxOffset, int maxLength) {
        return parseMin(b, minOffset, minLength) && parseMax(b, maxOffset, maxLength);
    }

    private boolean parseMin(byte[] b, int off, int len) {
        int kind = kindOf(b, off, len);
        if (kind == Integer.MIN_VALUE) {
            return false;
        }
        minKind = kind;
        minExclusive = kind != VALUE || b[off] == '(';
        minBytes = b;
        minOff = off + 1;
        minLen = len - 1;
        return true;
    }

    private boolean parseMax(byte[] b, int off, int len) {
        int kind = kindOf(b, off, len);
        if (kind == Integer.MIN_VALUE) {
            return false;
        }
        maxKind = kind;
        maxExclusive = kind != VALUE || b[off] == '(';
        maxBytes = b;
        maxOff = off + 1;
        maxLen = len - 1;
        return true;
    }

    /** Redis reads the item as a C string, so '+' or '-' followed by a NUL byte still counts as alone. */
    private static int kindOf(byte[] b, int off, int len) {
        if (len == 0) {
            return Integer.MIN_VALUE;
        }
        switch (b[off]) {
            case '+':
                return len == 1 || b[off + 1] == 0 ? ABOVE_ALL : Integer.MIN_VALUE;
            case '-':
                return len == 1 || b[off + 1] == 0 ? BELOW_ALL : Integer.MIN_VALUE;
            case '(':
            case '[':
                return VALUE;
            default:
                return Integer.MIN_VALUE;
        }
    }

    /** True if no member can be in the range (min above max, or equal with an exclusive end). */
    public boolean isEmpty() {
        int cmp;
        if (minKind == VALUE && maxKind == VALUE) {
            cmp = Arrays.compareUnsigned(minBytes, minOff, minOff + minLen, maxBytes, maxOff, maxOff + maxLen);
        } else if (minKind == maxKind) {
            cmp = 0; // the same shared "-" or "+" object in Redis
        } else if (minKind == BELOW_ALL || maxKind == ABOVE_ALL) {
            cmp = -1;
        } else {
            cmp = 1;
        }
        return cmp > 0 || (cmp == 0 && (minExclusive || maxExclusive));
    }

    public boolean aboveMin(byte[] member) {
        return aboveMin(member, 0, member.length);
    }

    public boolean belowMax(byte[] member) {
        return belowMax(member, 0, member.length);
    }

    @Override
    public boolean aboveMin(double score, byte[] m, int off, int len) {
        return aboveMin(m, off, len);
    }

    @Override
    public boolean belowMax(double score, byte[] m, int off, int len) {
        return belowMax(m, off, len);
    }

    /** {@link #aboveMin(byte[])} for the member in {@code m[off, off + len)}. */
    public boolean aboveMin(byte[] m, int off, int len) {
        int cmp = compare(m, off, len, minKind, minBytes, minOff, minLen);
        return minExclusive ? cmp > 0 : cmp >= 0;
    }

    /** {@link #belowMax(byte[])} for the member in {@code m[off, off + len)}. */
    public boolean belowMax(byte[] m, int off, int len) {
        int cmp = compare(m, off, len, maxKind, maxBytes, maxOff, maxLen);
        return maxExclusive ? cmp < 0 : cmp <= 0;
    }

    private static int compare(byte[] m, int moff, int mlen, int kind, byte[] b, int off, int len) {
        if (kind == BELOW_ALL) {
            return 1;
        }
        if (kind == ABOVE_ALL) {
            return -1;
        }
        return Arrays.compareUnsigned(m, moff, moff + mlen, b, off, off + len);
    }
}

package io.nioredis.value.stream;

/**
 * The byte layout of entries inside a node (see {@link StreamNodes}). Everything is a LEB128 varint or
 * a string:
 * <pre>
 * node   := fieldCount field*  entry*                 (the master fields, as Redis's master entry)
 * entry  := head [msDelta] seqDelta [fieldCount field*] value*
 * head   := msDelta &lt;&lt; 3 | flags   (flags: DELETED, SAME_FIELDS, and BIG_MS_DELTA when msDelta
 *                                  does not fit, then msDelta follows as its own varint)
 * seqDelta := zigzag(seq - masterSeq)
 * field, value := varint tag, then len bytes when tag = len &lt;&lt; 1, or an integer when tag = zigzag(n) &lt;&lt; 1 | 1
 * </pre>
 * Unlike Redis's listpack there are no per-element back-lengths and no per-entry element count: a
 * node holds at most stream-node-max-entries entries, so reverse iteration indexes a node forward once.
 * The DELETED flag is the lowest bit of the entry's first byte, so XDEL flips one bit in place.
 */
final class EntryCodec {
    private EntryCodec() {}

    static final int DELETED = 1;
    static final int SAME_FIELDS = 2;
    static final int BIG_MS_DELTA = 4;
    static final int FLAG_BITS = 3;

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** Writes v at pos; returns the position after it. The array must have room (see {@link #varintSize}). */
    static int writeVarint(byte[] a, int pos, long v) {
        while ((v & ~0x7FL) != 0) {
            a[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        a[pos++] = (byte) v;
        return pos;
    }

    /** Reads the varint at pos. Callers advance by {@link #varintSize} of the result, or use {@link #skipVarint}. */
    static long readVarint(byte[] a, int pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = a[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) return v;
            shift += 7;
        }
    }

    static int skipVarint(byte[] a, int pos) {
        while (a[pos++] < 0) { /* continuation bit set */ }
        return pos;
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** The tag of a string written as an integer, or -1 when it must be stored as raw bytes. */
    static long integerTag(byte[] a, int off, int len) {
        if (len > 20 || !isCanonicalInteger(a, off, len)) return -1;
        long zz = zigzag(parseCanonicalInteger(a, off, len));
        if ((zz >>> 62) != 0) return -1; // the tag needs one more bit; keep such rare values raw
        return (zz << 1) | 1;
    }

    /** Bytes a string takes in a node. */
    static int stringSize(byte[] a, int off, int len) {
        long tag = integerTag(a, off, len);
        if (tag >= 0) return varintSize(tag);
        return varintSize((long) len << 1) + len;
    }

    static int writeString(byte[] dst, int pos, byte[] a, int off, int len) {
        long tag = integerTag(a, off, len);
        if (tag >= 0) return writeVarint(dst, pos, tag);
        pos = writeVarint(dst, pos, (long) len << 1);
        System.arraycopy(a, off, dst, pos, len);
        return pos + len;
    }

    static int skipString(byte[] a, int pos) {
        long tag = readVarint(a, pos);
        pos = skipVarint(a, pos);
        return (tag & 1) != 0 ? pos : pos + (int) (tag >>> 1);
    }

    /**
     * True when Redis's string2ll accepts the text exactly (and so would render it back identically):
     * "0", or an optional '-', a digit 1-9, more digits, within the signed 64-bit range.
     */
    static boolean isCanonicalInteger(byte[] a, int off, int len) {
        if (len == 0 || len > 20) return false;
        if (len == 1 && a[off] == '0') return true;
        int p = off, end = off + len;
        boolean negative = a[p] == '-';
        if (negative) p++;
        if (p >= end || a[p] < '1' || a[p] > '9') return false;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long v = 0; // accumulated negatively so that Long.MIN_VALUE is reachable
        for (int i = p; i < end; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) return false;
            if (v < Long.MIN_VALUE / 10) return false;
            long next = v * 10 - d;
            if (next < limit || next > v) return false;
            v = next;
        }
        return true;
    }

    /** Value of a text {@link #isCanonicalInteger} accepted. */
    static long parseCanonicalInteger(byte[] a, int off, int len) {
        boolean negative = a[off] == '-';
        long v = 0;
        for (int i = negative ? off + 1 : off; i < off + len; i++) v = v * 10 - (a[i] - '0');
        return negative ? v : -v;
    }

    /** Writes the decimal text of v into dst (at least 21 bytes long) from 0; returns its length. */
    static int writeDecimal(byte[] dst, long v) {
        if (v == 0) {
            dst[0] = '0';
            return 1;
        }
        int len = 0;
        boolean negative = v < 0;
        long rest = v;
        byte[] tmp = dst;
        int pos = 20;
        while (rest != 0) {
            tmp[pos--] = (byte) ('0' + Math.abs(rest % 10));
            rest /= 10;
        }
        if (negative) tmp[pos--] = '-';
        len = 20 - pos;
        System.arraycopy(tmp, pos + 1, dst, 0, len);
        return len;
    }
}

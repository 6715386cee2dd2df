package io.nioredis.value;

/**
 * The layout of one member of a small sorted set's packed array: a header byte, the member's bytes, then
 * its score. The header's high two bits say how the score is kept: a signed integer of 1, 2 or 4 bytes
 * when the score is exactly such an integer (Redis's listpack keeps such scores as integers too), else the
 * 8-byte double; big-endian. Its low six bits are the member's length, or 63 when a varint (7 bits a byte,
 * low first, high bit set on all but the last) follows with it. A member {@code m:42} with score 42 thus
 * costs 6 bytes, a listpack's 8 (two entries, each with an encoding byte and a back-length).
 *
 * <p>Reading a score back gives the double that was written, except that -0 is kept as the integer 0, as a
 * listpack keeps it. There is no back-length: a set walks backwards through its remembered positions.
 */
final class PackedMember {
    private static final int INT8 = 0;
    private static final int INT16 = 1;
    private static final int INT32 = 2;
    private static final int DOUBLE = 3;
    private static final int LONG = 63;

    private PackedMember() {}

    /** How a score is kept: one of the four kinds above. */
    static int scoreKind(double score) {
        if (score >= Integer.MIN_VALUE && score <= Integer.MAX_VALUE) {
            int i = (int) score;
            if (i == score) {
                return i == (byte) i ? INT8 : i == (short) i ? INT16 : INT32;
            }
        }
        return DOUBLE;
    }

    private static int scoreBytes(int kind) {
        return kind == DOUBLE ? 8 : 1 << kind;
    }

    /** Bytes of a member of this length with this score. */
    static int size(int length, double score) {
        return headerSize(length) + length + scoreBytes(scoreKind(score));
    }

    private static int headerSize(int length) {
        if (length < LONG) {
            return 1;
        }
        int n = 2;
        for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
            n++;
        }
        return n;
    }

    static int memberLength(byte[] p, int pos) {
        int n = p[pos] & LONG;
        if (n != LONG) {
            return n;
        }
        int length = 0;
        int shift = 0;
        int at = pos + 1;
        int b;
        do {
            b = p[at++];
            length |= (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        return length;
    }

    /** Where the member's bytes start. */
    static int memberOffset(byte[] p, int pos) {
        if ((p[pos] & LONG) != LONG) {
            return pos + 1;
        }
        int at = pos + 1;
        while (p[at] < 0) {
            at++;
        }
        return at + 1;
    }

    static double score(byte[] p, int pos) {
        int at = memberOffset(p, pos);
        at += memberLength(p, pos);
        switch ((p[pos] >> 6) & 3) {
            case INT8:
                return p[at];
            case INT16:
                return (short) ((p[at] << 8) | (p[at + 1] & 0xff));
            case INT32:
                return readInt(p, at);
            default:
                return Double.longBitsToDouble(((long) readInt(p, at) << 32) | (readInt(p, at + 4) & 0xffffffffL));
        }
    }

    /** Start of the member after the one at {@code pos}. */
    static int next(byte[] p, int pos) {
        int kind = (p[pos] >> 6) & 3;
        return memberOffset(p, pos) + memberLength(p, pos) + scoreBytes(kind);
    }

    /** True if the score at {@code pos} can be overwritten by this one in place (same size). */
    static boolean sameScoreSize(byte[] p, int pos, double score) {
        return ((p[pos] >> 6) & 3) == scoreKind(score);
    }

    /** Overwrites the score of the member at {@code pos}; {@link #sameScoreSize} must hold. */
    static void rewriteScore(byte[] p, int pos, double score) {
        writeScore(p, memberOffset(p, pos) + memberLength(p, pos), scoreKind(score), score);
    }

    /** Writes a member at {@code pos}; returns its size. */
    static int write(byte[] p, int pos, double score, byte[] b, int off, int len) {
        int kind = scoreKind(score);
        int at = pos + 1;
        if (len < LONG) {
            p[pos] = (byte) (kind << 6 | len);
        } else {
            p[pos] = (byte) (kind << 6 | LONG);
            int rest = len;
            while (rest >= 0x80) {
                p[at++] = (byte) (rest | 0x80);
                rest >>>= 7;
            }
            p[at++] = (byte) rest;
        }
        System.arraycopy(b, off, p, at, len);
        at += len;
        return writeScore(p, at, kind, score) - pos;
    }

    private static int writeScore(byte[] p, int at, int kind, double score) {
        switch (kind) {
            case INT8:
                p[at] = (byte) (int) score;
                return at + 1;
            case INT16: {
                int i = (int) score;
                p[at] = (byte) (i >> 8);
                p[at + 1] = (byte) i;
                return at + 2;
            }
            case INT32:
                writeInt(p, at, (int) score);
                return at + 4;
            default: {
                long bits = Double.doubleToRawLongBits(score);
                writeInt(p, at, (int) (bits >>> 32));
                writeInt(p, at + 4, (int) bits);
                return at + 8;
            }
        }
    }

    private static int readInt(byte[] p, int at) {
        return (p[at] << 24) | ((p[at + 1] & 0xff) << 16) | ((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff);
    }

    private static void writeInt(byte[] p, int at, int v) {
        p[at] = (byte) (v >>> 24);
        p[at + 1] = (byte) (v >>> 16);
        p[at + 2] = (byte) (v >>> 8);
        p[at + 3] = (byte) v;
    }
}

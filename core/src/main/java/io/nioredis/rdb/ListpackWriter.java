package io.nioredis.rdb;

import java.util.Arrays;

/**
 * Builds a listpack byte for byte as Redis's lpAppend does: strings that are canonical integers take
 * the smallest integer encoding, other strings a 6-bit, 12-bit or 32-bit length; every entry ends with
 * its back-length. The header holds the total bytes and the element count (65535 once the count no
 * longer fits, as Redis leaves it).
 */
public final class ListpackWriter {
    static final int HEADER_SIZE = 6;
    static final int END = 0xFF;
    /** LP_HDR_NUMELE_UNKNOWN. */
    static final int COUNT_UNKNOWN = 65535;

    private byte[] buf = new byte[64];
    private int size = HEADER_SIZE;
    private int count;

    /** The bytes the listpack would take if finished now (lpBytes: header, entries and terminator). */
    public int bytes() {
        return size + 1;
    }

    public int count() {
        return count;
    }

    public ListpackWriter append(byte[] element) {
        if (IntegerText.isCanonical(element)) {
            return appendInteger(IntegerText.parseCanonical(element));
        }
        int len = element.length;
        int start = size;
        if (len < 64) {
            ensure(1 + len + 5);
            buf[size++] = (byte) (0x80 | len);
        } else if (len < 4096) {
            ensure(2 + len + 5);
            buf[size++] = (byte) (0xE0 | (len >>> 8));
            buf[size++] = (byte) len;
        } else {
            ensure(5 + len + 5);
            buf[size++] = (byte) 0xF0;
            putLittleEndian(len, 4);
        }
        System.arraycopy(element, 0, buf, size, len);
        size += len;
        finishEntry(start);
        return this;
    }

    public ListpackWriter appendInteger(long v) {
        int start = size;
        ensure(9 + 5);
        if (v >= 0 && v <= 127) {
            buf[size++] = (byte) v;
        } else if (v >= -4096 && v <= 4095) {
            long u = v < 0 ? (1 << 13) + v : v;
            buf[size++] = (byte) ((u >>> 8) | 0xC0);
            buf[size++] = (byte) u;
        } else if (v >= -32768 && v <= 32767) {
            buf[size++] = (byte) 0xF1;
            putLittleEndian(v, 2);
        } else if (v >= -8388608 && v <= 8388607) {
            buf[size++] = (byte) 0xF2;
            putLittleEndian(v, 3);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            buf[size++] = (byte) 0xF3;
            putLittleEndian(v, 4);
        } else {
            buf[size++] = (byte) 0xF4;
            putLittleEndian(v, 8);
        }
        finishEntry(start);
        return this;
    }

    /** lpEncodeBacklen: the entry length, 7 bits a byte, readable from its last byte backwards. */
    private void finishEntry(int start) {
        long l = size - start;
        if (l <= 127) {
            buf[size++] = (byte) l;
        } else if (l < 16383) {
            buf[size++] = (byte) (l >>> 7);
            buf[size++] = (byte) ((l & 127) | 128);
        } else if (l < 2097151) {
            buf[size++] = (byte) (l >>> 14);
            buf[size++] = (byte) (((l >>> 7) & 127) | 128);
            buf[size++] = (byte) ((l & 127) | 128);
        } else if (l < 268435455) {
            buf[size++] = (byte) (l >>> 21);
            buf[size++] = (byte) (((l >>> 14) & 127) | 128);
            buf[size++] = (byte) (((l >>> 7) & 127) | 128);
            buf[size++] = (byte) ((l & 127) | 128);
        } else {
            buf[size++] = (byte) (l >>> 28);
            buf[size++] = (byte) (((l >>> 21) & 127) | 128);
            buf[size++] = (byte) (((l >>> 14) & 127) | 128);
            buf[size++] = (byte) (((l >>> 7) & 127) | 128);
            buf[size++] = (byte) ((l & 127) | 128);
        }
        count++;
    }

    private void putLittleEndian(long v, int width) {
        for (int i = 0; i < width; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    private void ensure(int more) {
        if (size + more + 1 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + more + 1, buf.length * 2));
        }
    }

    /** The finished listpack. The writer may keep appending afterwards. */
    public byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, size + 1);
        out[size] = (byte) END;
        int total = size + 1;
        out[0] = (byte) total;
        out[1] = (byte) (total >>> 8);
        out[2] = (byte) (total >>> 16);
        out[3] = (byte) (total >>> 24);
        int header = Math.min(count, COUNT_UNKNOWN);
        out[4] = (byte) header;
        out[5] = (byte) (header >>> 8);
        return out;
    }
}

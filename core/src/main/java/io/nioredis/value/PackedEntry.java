package io.nioredis.value;

import io.nioredis.resp.RespWriter;
import io.nioredis.text.Ascii;

/**
 * One list element packed into a node's bytes, in Redis's listpack entry format: a string that is a
 * canonical integer (string2ll's strict form) takes the smallest integer encoding (1 byte for 0..127),
 * other strings a 1, 2 or 5 byte length header, and every entry ends with its back-length (1 byte up to
 * 127 bytes of entry) so that a node can be walked from either end. Using Redis's own entry format
 * makes a node's size, and so where the quicklist splits nodes, the same as in Redis, and lets a node be
 * written out as a listpack without re-encoding.
 *
 * <p>An entry is addressed by the position of its first byte in a node array. Integers are given back as
 * their decimal text, which is exactly the text they were made from.
 */
final class PackedEntry {
    private PackedEntry() {}

    /** Whether Redis would store these bytes as an integer entry (lpStringToInt64). */
    static boolean isInteger(byte[] b, int off, int len) {
        return len <= 20 && Ascii.isLong(b, off, len);
    }

    /** Bytes the entry for this element takes, back-length included. */
    static int encodedSize(byte[] b, int off, int len) {
        int body;
        if (isInteger(b, off, len)) {
            body = integerBodySize(Ascii.parseLong(b, off, len));
        } else {
            body = (len < 64 ? 1 : len < 4096 ? 2 : 5) + len;
        }
        return body + backlenWidth(body);
    }

    /** Writes the entry for this element at {@code at}; returns the position after it. */
    static int write(byte[] node, int at, byte[] b, int off, int len) {
        int p = at;
        if (isInteger(b, off, len)) {
            long v = Ascii.parseLong(b, off, len);
            if (v >= 0 && v <= 127) {
                node[p++] = (byte) v;
            } else if (v >= -4096 && v <= 4095) {
                long u = v < 0 ? (1 << 13) + v : v;
                node[p++] = (byte) ((u >>> 8) | 0xC0);
                node[p++] = (byte) u;
            } else if (v >= -32768 && v <= 32767) {
                node[p++] = (byte) 0xF1;
                p = littleEndian(node, p, v, 2);
            } else if (v >= -8388608 && v <= 8388607) {
                node[p++] = (byte) 0xF2;
                p = littleEndian(node, p, v, 3);
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                node[p++] = (byte) 0xF3;
                p = littleEndian(node, p, v, 4);
            } else {
                node[p++] = (byte) 0xF4;
                p = littleEndian(node, p, v, 8);
            }
        } else {
            if (len < 64) {
                node[p++] = (byte) (0x80 | len);
            } else if (len < 4096) {
                node[p++] = (byte) (0xE0 | (len >>> 8));
                node[p++] = (byte) len;
            } else {
                node[p++] = (byte) 0xF0;
                p = littleEndian(node, p, len, 4);
            }
            System.arraycopy(b, off, node, p, len);
            p += len;
        }
        return writeBacklen(node, p, p - at);
    }

    /** Bytes of the entry at {@code p}, back-length included. */
    static int size(byte[] node, int p) {
        int body = bodySize(node, p);
        return body + backlenWidth(body);
    }

    /** The position after the entry at {@code p}. */
    static int next(byte[] node, int p) {
        return p + size(node, p);
    }

    /** The start of the entry that ends just before {@code p}, read from its back-length (lpDecodeBacklen). */
    static int previous(byte[] node, int p) {
        int q = p - 1;
        int body = 0;
        int shift = 0;
        while (true) {
            int b = node[q] & 0xff;
            body |= (b & 127) << shift;
            if ((b & 128) == 0) {
                break;
            }
            shift += 7;
            q--;
        }
        return q - body;
    }

    static boolean isIntegerEntry(byte[] node, int p) {
        int enc = node[p] & 0xff;
        return (enc & 0x80) == 0 || (enc & 0xE0) == 0xC0 || (enc >= 0xF1 && enc <= 0xF4);
    }

    /** The value of an integer entry. */
    static long integerValue(byte[] node, int p) {
        int enc = node[p] & 0xff;
        if ((enc & 0x80) == 0) {
            return enc;
        }
        if ((enc & 0xE0) == 0xC0) {
            int u = ((enc & 0x1F) << 8) | (node[p + 1] & 0xff);
            return u >= 1 << 12 ? u - (1 << 13) : u;
        }
        int width = enc == 0xF1 ? 2 : enc == 0xF2 ? 3 : enc == 0xF3 ? 4 : 8;
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= (node[p + 1 + i] & 0xffL) << (8 * i);
        }
        int unused = 64 - 8 * width;
        return (v << unused) >> unused;
    }

    /** Where a string entry's bytes start. */
    static int stringOffset(byte[] node, int p) {
        int enc = node[p] & 0xff;
        return p + ((enc & 0xC0) == 0x80 ? 1 : (enc & 0xF0) == 0xE0 ? 2 : 5);
    }

    /** The length of a string entry's bytes. */
    static int stringLength(byte[] node, int p) {
        int enc = node[p] & 0xff;
        if ((enc & 0xC0) == 0x80) {
            return enc & 0x3F;
        }
        if ((enc & 0xF0) == 0xE0) {
            return ((enc & 0x0F) << 8) | (node[p + 1] & 0xff);
        }
        return (node[p + 1] & 0xff) | (node[p + 2] & 0xff) << 8 | (node[p + 3] & 0xff) << 16
                | (node[p + 4] & 0xff) << 24;
    }

    /** The element's length as a string (an integer's decimal digits), which Redis's fill rules count. */
    static int elementLength(byte[] node, int p) {
        return isIntegerEntry(node, p) ? Ascii.decimalLength(integerValue(node, p)) : stringLength(node, p);
    }

    /**
     * Whether the entry holds exactly these bytes. {@code probeIsInteger} and {@code probeValue} are
     * {@link #isInteger} and the value of the probe, worked out once by the caller: an integer entry can
     * only equal a canonical integer, and a string entry never does.
     */
    static boolean matches(byte[] node, int p, byte[] b, int off, int len, boolean probeIsInteger, long probeValue) {
        if (isIntegerEntry(node, p)) {
            return probeIsInteger && integerValue(node, p) == probeValue;
        }
        if (probeIsInteger || stringLength(node, p) != len) {
            return false;
        }
        int s = stringOffset(node, p);
        return java.util.Arrays.equals(node, s, s + len, b, off, off + len);
    }

    /** Writes the element as a bulk string, straight from the node's bytes. */
    static void writeTo(byte[] node, int p, RespWriter out) {
        if (isIntegerEntry(node, p)) {
            out.bulk(integerValue(node, p));
        } else {
            out.bulk(node, stringOffset(node, p), stringLength(node, p));
        }
    }

    /** The element as a fresh array, for callers that keep it. */
    static byte[] toBytes(byte[] node, int p) {
        if (isIntegerEntry(node, p)) {
            long v = integerValue(node, p);
            byte[] out = new byte[Ascii.decimalLength(v)];
            Ascii.writeLong(out, 0, v);
            return out;
        }
        int s = stringOffset(node, p);
        return java.util.Arrays.copyOfRange(node, s, s + stringLength(node, p));
    }

    private static int bodySize(byte[] node, int p) {
        int enc = node[p] & 0xff;
        if ((enc & 0x80) == 0) {
            return 1;
        }
        if ((enc & 0xC0) == 0x80) {
            return 1 + (enc & 0x3F);
        }
        if ((enc & 0xE0) == 0xC0) {
            return 2;
        }
        if ((enc & 0xF0) == 0xE0) {
            return 2 + (((enc & 0x0F) << 8) | (node[p + 1] & 0xff));
        }
        switch (enc) {
            case 0xF0:
                return 5 + stringLength(node, p);
            case 0xF1:
                return 3;
            case 0xF2:
                return 4;
            case 0xF3:
                return 5;
            default:
                return 9;
        }
    }

    private static int integerBodySize(long v) {
        if (v >= 0 && v <= 127) {
            return 1;
        }
        if (v >= -4096 && v <= 4095) {
            return 2;
        }
        if (v >= -32768 && v <= 32767) {
            return 3;
        }
        if (v >= -8388608 && v <= 8388607) {
            return 4;
        }
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? 5 : 9;
    }

    static int backlenWidth(int body) {
        return body <= 127 ? 1 : body < 16383 ? 2 : body < 2097151 ? 3 : body < 268435455 ? 4 : 5;
    }

    /** lpEncodeBacklen: 7 bits a byte, the last byte flagged, so it reads from its end backwards. */
    private static int writeBacklen(byte[] node, int p, int body) {
        int width = backlenWidth(body);
        node[p] = (byte) (body >>> (7 * (width - 1)));
        for (int i = 1; i < width; i++) {
            node[p + i] = (byte) (((body >>> (7 * (width - 1 - i))) & 127) | 128);
        }
        return p + width;
    }

    private static int littleEndian(byte[] node, int p, long v, int width) {
        for (int i = 0; i < width; i++) {
            node[p + i] = (byte) (v >>> (8 * i));
        }
        return p + width;
    }
}

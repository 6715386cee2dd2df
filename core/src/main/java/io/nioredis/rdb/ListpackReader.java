package io.nioredis.rdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a listpack into its elements, integers given back as their decimal text (which is how they
 * were written). Validates the whole structure, as Redis's deep sanitization does: header size,
 * terminator, every entry's bounds and back-length, and the element count.
 */
public final class ListpackReader {
    private ListpackReader() {}

    public static List<byte[]> decode(byte[] lp) throws RdbFormatException {
        if (lp.length < ListpackWriter.HEADER_SIZE + 1) {
            throw corrupt("shorter than its header");
        }
        long total = (lp[0] & 0xffL) | (lp[1] & 0xffL) << 8 | (lp[2] & 0xffL) << 16 | (lp[3] & 0xffL) << 24;
        if (total != lp.length) {
            throw corrupt("header says " + total + " bytes, blob has " + lp.length);
        }
        if ((lp[lp.length - 1] & 0xff) != ListpackWriter.END) {
            throw corrupt("no terminator");
        }
        int declared = (lp[4] & 0xff) | (lp[5] & 0xff) << 8;
        int end = lp.length - 1;
        int p = ListpackWriter.HEADER_SIZE;
        List<byte[]> out = new ArrayList<>(Math.min(declared, lp.length / 2));
        while (p < end) {
            int start = p;
            int enc = lp[p] & 0xff;
            byte[] element;
            if ((enc & 0x80) == 0) { // 0xxxxxxx: 7-bit unsigned
                element = IntegerText.toBytes(enc);
                p += 1;
            } else if ((enc & 0xC0) == 0x80) { // 10xxxxxx: 6-bit string length
                int len = enc & 0x3F;
                element = slice(lp, p + 1, len, end);
                p += 1 + len;
            } else if ((enc & 0xE0) == 0xC0) { // 110xxxxx: 13-bit signed
                need(p + 2, end);
                int u = ((enc & 0x1F) << 8) | (lp[p + 1] & 0xff);
                element = IntegerText.toBytes(u >= 1 << 12 ? u - (1 << 13) : u);
                p += 2;
            } else if ((enc & 0xF0) == 0xE0) { // 1110xxxx: 12-bit string length
                need(p + 2, end);
                int len = ((enc & 0x0F) << 8) | (lp[p + 1] & 0xff);
                element = slice(lp, p + 2, len, end);
                p += 2 + len;
            } else {
                switch (enc) {
                    case 0xF0: {
                        need(p + 5, end);
                        long len = littleEndian(lp, p + 1, 4);
                        if (len > end - p - 5) {
                            throw corrupt("string entry runs past the end");
                        }
                        element = slice(lp, p + 5, (int) len, end);
                        p += 5 + (int) len;
                        break;
                    }
                    case 0xF1:
                        element = signed(lp, p, 2, end);
                        p += 3;
                        break;
                    case 0xF2:
                        element = signed(lp, p, 3, end);
                        p += 4;
                        break;
                    case 0xF3:
                        element = signed(lp, p, 4, end);
                        p += 5;
                        break;
                    case 0xF4:
                        element = signed(lp, p, 8, end);
                        p += 9;
                        break;
                    default:
                        throw corrupt("unknown entry encoding 0x" + Integer.toHexString(enc) + " at " + start);
                }
            }
            p = checkBacklen(lp, start, p, end);
            out.add(element);
        }
        if (declared != ListpackWriter.COUNT_UNKNOWN && declared != out.size()) {
            throw corrupt("header counts " + declared + " elements, found " + out.size());
        }
        return out;
    }

    /** Reads the back-length after an entry of {@code p - start} bytes and checks it matches. */
    private static int checkBacklen(byte[] lp, int start, int p, int end) throws RdbFormatException {
        long entryLen = p - start;
        int width = entryLen <= 127 ? 1 : entryLen < 16383 ? 2 : entryLen < 2097151 ? 3 : entryLen < 268435455 ? 4 : 5;
        need(p + width, end);
        // Decode it the way lpDecodeBacklen walks it: from the last byte backwards.
        long value = 0;
        int shift = 0;
        int q = p + width - 1;
        while (true) {
            int b = lp[q] & 0xff;
            value |= (long) (b & 127) << shift;
            if ((b & 128) == 0) {
                break;
            }
            shift += 7;
            q--;
            if (q < p) {
                throw corrupt("back-length of entry at " + start + " is malformed");
            }
        }
        if (q != p || value != entryLen) {
            throw corrupt("back-length of entry at " + start + " is " + value + ", entry has " + entryLen + " bytes");
        }
        return p + width;
    }

    private static byte[] signed(byte[] lp, int p, int width, int end) throws RdbFormatException {
        need(p + 1 + width, end);
        long v = littleEndian(lp, p + 1, width);
        int unused = 64 - 8 * width;
        return IntegerText.toBytes((v << unused) >> unused);
    }

    private static long littleEndian(byte[] b, int p, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= (b[p + i] & 0xffL) << (8 * i);
        }
        return v;
    }

    private static byte[] slice(byte[] lp, int from, int len, int end) throws RdbFormatException {
        need(from + len, end);
        byte[] out = new byte[len];
        System.arraycopy(lp, from, out, 0, len);
        return out;
    }

    private static void need(int upTo, int end) throws RdbFormatException {
        if (upTo > end || upTo < 0) {
            throw corrupt("entry runs past the end");
        }
    }

    private static RdbFormatException corrupt(String why) {
        return new RdbFormatException("Listpack integrity check failed: " + why);
    }
}

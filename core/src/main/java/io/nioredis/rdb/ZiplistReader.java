package io.nioredis.rdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the ziplists that RDB files from before Redis 7.0 hold (LIST_ZIPLIST, LIST_QUICKLIST nodes,
 * ZSET_ZIPLIST, HASH_ZIPLIST). Integers come back as decimal text. Every entry is bounds checked and
 * its prevlen must match the previous entry, as ziplistValidateIntegrity checks deeply.
 *
 * <p>Layout: zlbytes (4, LE), zltail (4, LE), zllen (2, LE; 65535 = unknown), entries, 0xFF. An entry is
 * prevlen (1 byte, or 0xFE and 4 bytes LE), an encoding and the data.
 */
public final class ZiplistReader {
    private static final int HEADER_SIZE = 10;
    private static final int END = 0xFF;
    private static final int BIG_PREVLEN = 0xFE;

    private ZiplistReader() {}

    public static List<byte[]> decode(byte[] zl) throws RdbFormatException {
        if (zl.length < HEADER_SIZE + 1) {
            throw corrupt("shorter than its header");
        }
        long total = littleEndian(zl, 0, 4);
        if (total != zl.length) {
            throw corrupt("header says " + total + " bytes, blob has " + zl.length);
        }
        if ((zl[zl.length - 1] & 0xff) != END) {
            throw corrupt("no terminator");
        }
        long tail = littleEndian(zl, 4, 4);
        int declared = (int) littleEndian(zl, 8, 2);
        int end = zl.length - 1;
        int p = HEADER_SIZE;
        int prevEntryLen = 0;
        int lastEntry = HEADER_SIZE;
        List<byte[]> out = new ArrayList<>();
        while (p < end) {
            int start = p;
            int prevlen = zl[p] & 0xff;
            if (prevlen == BIG_PREVLEN) {
                need(p + 5, end);
                prevlen = (int) littleEndian(zl, p + 1, 4);
                p += 5;
            } else if (prevlen == END) {
                throw corrupt("prevlen 255 at " + start);
            } else {
                p += 1;
            }
            if (prevlen != prevEntryLen) {
                throw corrupt("prevlen " + prevlen + " at " + start + " does not match the previous entry's "
                        + prevEntryLen + " bytes");
            }
            need(p + 1, end);
            int enc = zl[p] & 0xff;
            byte[] element;
            switch (enc >>> 6) {
                case 0: { // 00pppppp: string, 6-bit length
                    int len = enc & 0x3F;
                    element = slice(zl, p + 1, len, end);
                    p += 1 + len;
                    break;
                }
                case 1: { // 01pppppp qqqqqqqq: string, 14-bit big-endian length
                    need(p + 2, end);
                    int len = ((enc & 0x3F) << 8) | (zl[p + 1] & 0xff);
                    element = slice(zl, p + 2, len, end);
                    p += 2 + len;
                    break;
                }
                case 2: { // 10000000 + 4 bytes big endian
                    if (enc != 0x80) {
                        throw corrupt("unknown string encoding 0x" + Integer.toHexString(enc));
                    }
                    need(p + 5, end);
                    long len = ((zl[p + 1] & 0xffL) << 24) | ((zl[p + 2] & 0xff) << 16)
                            | ((zl[p + 3] & 0xff) << 8) | (zl[p + 4] & 0xff);
                    if (len > end - p - 5) {
                        throw corrupt("entry runs past the end");
                    }
                    element = slice(zl, p + 5, (int) len, end);
                    p += 5 + (int) len;
                    break;
                }
                default: {
                    int width;
                    switch (enc) {
                        case 0xC0: width = 2; break;
                        case 0xD0: width = 4; break;
                        case 0xE0: width = 8; break;
                        case 0xF0: width = 3; break;
                        case 0xFE: width = 1; break;
                        default:
                            if (enc >= 0xF1 && enc <= 0xFD) { // 1111xxxx: the value xxxx - 1, 0 to 12
                                width = 0;
                            } else {
                                throw corrupt("unknown encoding 0x" + Integer.toHexString(enc) + " at " + start);
                            }
                    }
                    if (width == 0) {
                        element = IntegerText.toBytes((enc & 0x0F) - 1);
                    } else {
                        need(p + 1 + width, end);
                        long v = littleEndian(zl, p + 1, width);
                        int unused = 64 - 8 * width;
                        element = IntegerText.toBytes((v << unused) >> unused);
                    }
                    p += 1 + width;
                }
            }
            lastEntry = start;
            prevEntryLen = p - start;
            out.add(element);
        }
        if (!out.isEmpty() && tail != lastEntry) {
            throw corrupt("tail offset " + tail + " is not the last entry at " + lastEntry);
        }
        if (declared != 65535 && declared != out.size()) {
            throw corrupt("header counts " + declared + " entries, found " + out.size());
        }
        return out;
    }

    private static long littleEndian(byte[] b, int p, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= (b[p + i] & 0xffL) << (8 * i);
        }
        return v;
    }

    private static byte[] slice(byte[] b, int from, int len, int end) throws RdbFormatException {
        need(from + len, end);
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }

    private static void need(int upTo, int end) throws RdbFormatException {
        if (upTo > end || upTo < 0) {
            throw corrupt("entry runs past the end");
        }
    }

    private static RdbFormatException corrupt(String why) {
        return new RdbFormatException("Ziplist integrity check failed: " + why);
    }
}

package io.nioredis.rdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the zipmaps of RDB files written by Redis 2.4 and older (HASH_ZIPMAP) into alternating
 * field and value. Layout: a count byte, then per pair: field length, field, value length, a "free"
 * byte, value and that many unused bytes; 0xFF ends it. A length is one byte below 254, or 254 and
 * 4 bytes little endian.
 */
public final class ZipmapReader {
    private static final int BIG_LENGTH = 254;
    private static final int END = 0xFF;

    private ZipmapReader() {}

    public static List<byte[]> decode(byte[] zm) throws RdbFormatException {
        if (zm.length < 2) {
            throw corrupt("shorter than its header");
        }
        int p = 1;
        List<byte[]> out = new ArrayList<>();
        while (true) {
            if (p >= zm.length) {
                throw corrupt("no terminator");
            }
            if ((zm[p] & 0xff) == END) {
                p++;
                break;
            }
            int[] cursor = {p};
            int fieldLen = readLength(zm, cursor);
            byte[] field = slice(zm, cursor[0], fieldLen);
            cursor[0] += fieldLen;
            int valueLen = readLength(zm, cursor);
            if (cursor[0] >= zm.length) {
                throw corrupt("entry runs past the end");
            }
            int free = zm[cursor[0]++] & 0xff;
            byte[] value = slice(zm, cursor[0], valueLen);
            cursor[0] += valueLen;
            if ((long) cursor[0] + free > zm.length) {
                throw corrupt("entry runs past the end");
            }
            p = cursor[0] + free;
            out.add(field);
            out.add(value);
        }
        if (p != zm.length) {
            throw corrupt("bytes after the terminator");
        }
        int declared = zm[0] & 0xff;
        if (declared < BIG_LENGTH && declared != out.size() / 2) {
            throw corrupt("header counts " + declared + " pairs, found " + out.size() / 2);
        }
        return out;
    }

    private static int readLength(byte[] zm, int[] cursor) throws RdbFormatException {
        int p = cursor[0];
        if (p >= zm.length) {
            throw corrupt("entry runs past the end");
        }
        int first = zm[p] & 0xff;
        if (first < BIG_LENGTH) {
            cursor[0] = p + 1;
            return first;
        }
        if (first == END || p + 5 > zm.length) {
            throw corrupt("bad length at " + p);
        }
        long len = (zm[p + 1] & 0xffL) | (zm[p + 2] & 0xffL) << 8 | (zm[p + 3] & 0xffL) << 16 | (zm[p + 4] & 0xffL) << 24;
        if (len > zm.length) {
            throw corrupt("length " + len + " at " + p + " runs past the end");
        }
        cursor[0] = p + 5;
        return (int) len;
    }

    private static byte[] slice(byte[] zm, int from, int len) throws RdbFormatException {
        if (from + len > zm.length || from + len < 0) {
            throw corrupt("entry runs past the end");
        }
        byte[] out = new byte[len];
        System.arraycopy(zm, from, out, 0, len);
        return out;
    }

    private static RdbFormatException corrupt(String why) {
        return new RdbFormatException("Zipmap integrity check failed: " + why);
    }
}

package io.nioredis.rdb;

import java.util.Arrays;

/**
 * Reads RDB primitives from a byte array, the reverse of {@link RdbOutput}. Every read is bounds
 * checked: truncated or corrupt input throws {@link RdbFormatException} saying what was being read and
 * at which offset, never an index out of bounds. Lengths that claim more bytes than remain are refused
 * before anything is allocated.
 */
public final class RdbInput {
    /** The most an LZF stream can expand (a 2-byte reference yields at most 9 bytes, a 3-byte one 264). */
    private static final long LZF_MAX_EXPANSION = 100;

    private final byte[] buf;
    private final int end;
    private int pos;

    public RdbInput(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public RdbInput(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length || offset + length < 0) {
            throw new IllegalArgumentException("range outside the array");
        }
        this.buf = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean atEnd() {
        return pos == end;
    }

    private void need(int n, String what) throws RdbFormatException {
        if (n < 0 || n > end - pos) {
            throw new RdbFormatException("Truncated RDB data at offset " + pos + ": " + what + " needs " + n
                    + " bytes, " + (end - pos) + " left");
        }
    }

    public int readUnsignedByte() throws RdbFormatException {
        need(1, "a byte");
        return buf[pos++] & 0xff;
    }

    /** A type byte or opcode (see {@link RdbType}). */
    public int readType() throws RdbFormatException {
        need(1, "a type byte");
        return buf[pos++] & 0xff;
    }

    public byte[] readBytes(int n, String what) throws RdbFormatException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    long readLittleEndian(int width, String what) throws RdbFormatException {
        need(width, what);
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= (long) (buf[pos++] & 0xff) << (8 * i);
        }
        return v;
    }

    private long readBigEndian(int width, String what) throws RdbFormatException {
        need(width, what);
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    /**
     * rdbLoadLen for a plain length. A length in the "encoded" form (0b11 prefix) is corruption here.
     * 64-bit lengths are returned as read (unsigned; callers bound them).
     */
    public long readLength() throws RdbFormatException {
        int start = pos;
        int first = readUnsignedByte();
        if ((first & 0xC0) == 0xC0) {
            throw new RdbFormatException("Unexpected string encoding " + (first & 0x3F) + " where a length was"
                    + " expected at offset " + start);
        }
        return readLengthAfter(first, start);
    }

    private long readLengthAfter(int first, int start) throws RdbFormatException {
        switch (first >>> 6) {
            case 0:
                return first & 0x3F;
            case 1:
                return ((first & 0x3F) << 8) | readUnsignedByte();
            default:
                if (first == 0x80) {
                    return readBigEndian(4, "a 32-bit length");
                }
                if (first == 0x81) {
                    return readBigEndian(8, "a 64-bit length");
                }
                throw new RdbFormatException("Unknown length encoding 0x" + Integer.toHexString(first)
                        + " at offset " + start);
        }
    }

    /**
     * A count of elements still to read, each taking at least {@code minBytesEach} bytes: a count that
     * cannot fit in what remains is refused now, so no caller sizes a collection from a corrupt count.
     */
    public int readCount(String what, int minBytesEach) throws RdbFormatException {
        int start = pos;
        long count = readLength();
        if (count < 0 || count > Integer.MAX_VALUE || count * minBytesEach > remaining()) {
            throw new RdbFormatException("Corrupt " + what + " count " + Long.toUnsignedString(count)
                    + " at offset " + start + ": only " + remaining() + " bytes left");
        }
        return (int) count;
    }

    /** rdbGenericLoadStringObject: verbatim, INT8/16/32 (as decimal text) or LZF-compressed. */
    public byte[] readString() throws RdbFormatException {
        int start = pos;
        int first = readUnsignedByte();
        if ((first & 0xC0) != 0xC0) {
            long len = readLengthAfter(first, start);
            if (len > remaining() || len < 0) {
                throw new RdbFormatException("Truncated RDB data at offset " + start + ": string of "
                        + Long.toUnsignedString(len) + " bytes, " + remaining() + " left");
            }
            return readBytes((int) len, "a string");
        }
        int encoding = first & 0x3F;
        switch (encoding) {
            case RdbOutput.ENC_INT8:
                return IntegerText.toBytes((byte) readLittleEndian(1, "an 8-bit integer"));
            case RdbOutput.ENC_INT16:
                return IntegerText.toBytes((short) readLittleEndian(2, "a 16-bit integer"));
            case RdbOutput.ENC_INT32:
                return IntegerText.toBytes((int) readLittleEndian(4, "a 32-bit integer"));
            case RdbOutput.ENC_LZF:
                return readLzfString(start);
            default:
                throw new RdbFormatException("Unknown RDB string encoding type " + encoding + " at offset " + start);
        }
    }

    private byte[] readLzfString(int start) throws RdbFormatException {
        long compressed = readLength();
        long length = readLength();
        if (compressed > remaining() || compressed < 0) {
            throw new RdbFormatException("Truncated RDB data at offset " + start + ": LZF string of "
                    + Long.toUnsignedString(compressed) + " compressed bytes, " + remaining() + " left");
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8 || length > compressed * LZF_MAX_EXPANSION) {
            throw new RdbFormatException("Invalid LZF compressed string at offset " + start + ": "
                    + Long.toUnsignedString(length) + " bytes cannot come from " + compressed);
        }
        byte[] out = Lzf.decompress(buf, pos, (int) compressed, (int) length);
        pos += (int) compressed;
        return out;
    }

    /** rdbLoadBinaryDoubleValue (ZSET_2 scores). */
    public double readBinaryDouble() throws RdbFormatException {
        return Double.longBitsToDouble(readLittleEndian(8, "a binary double"));
    }

    /** rdbLoadDoubleValue (the old ZSET type): length byte then text, or 253 NaN / 254 +inf / 255 -inf. */
    public double readStringDouble() throws RdbFormatException {
        int start = pos;
        int len = readUnsignedByte();
        switch (len) {
            case 255:
                return Double.NEGATIVE_INFINITY;
            case 254:
                return Double.POSITIVE_INFINITY;
            case 253:
                return Double.NaN;
            default:
                byte[] text = readBytes(len, "a double");
                try {
                    return DoubleText.parse(text);
                } catch (NumberFormatException e) {
                    throw new RdbFormatException("Invalid double at offset " + start);
                }
        }
    }

    /** rdbLoadMillisecondTime for RDB version 9 and later: 8 bytes little endian. */
    public long readMillisecondTime() throws RdbFormatException {
        return readLittleEndian(8, "a millisecond time");
    }

    /** rdbLoadTime (the old RDB_OPCODE_EXPIRETIME): 4 bytes little endian, seconds. */
    public int readSecondTime() throws RdbFormatException {
        return (int) readLittleEndian(4, "a second time");
    }
}

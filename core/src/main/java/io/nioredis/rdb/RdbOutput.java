package io.nioredis.rdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only, growable byte sink that writes RDB primitives exactly as Redis's rdbSave* functions do:
 * lengths, strings (integer-encoded, LZF-compressed or verbatim), doubles, times and type bytes.
 * Not thread safe; one output per dump.
 */
public final class RdbOutput {
    /** RDB string encodings (the low 6 bits after the 0b11 "encoded" length prefix). */
    static final int ENC_INT8 = 0;
    static final int ENC_INT16 = 1;
    static final int ENC_INT32 = 2;
    static final int ENC_LZF = 3;

    /** rdbSaveRawString: "under 20 bytes it's unable to compress even aaaaaaaaaaaaaaaaaa so skip it". */
    private static final int LZF_MIN_LENGTH_EXCLUSIVE = 20;
    /** rdbTryIntegerEncoding is only attempted on strings this short. */
    private static final int INTEGER_MAX_TEXT_LENGTH = 11;

    /** A drained buffer larger than this (grown by one big value) is dropped rather than kept. */
    private static final int MAX_KEPT_BUFFER = 4 << 20;

    private final boolean compression;
    /**
     * Loop side of a background save: strings to compress are framed for another thread instead (see
     * {@link #deferringCompression}); {@code runStart} is where the open raw run's length goes.
     */
    private final boolean deferCompression;
    private int runStart;
    private byte[] buf;
    private int size;
    private Lzf lzf;
    private byte[] lzfScratch = new byte[0];

    /** An output with rdbcompression on, as Redis's default. */
    public RdbOutput() {
        this(true);
    }

    public RdbOutput(boolean compression) {
        this(compression, false, new byte[64]);
    }

    /** An output that writes into {@code buffer} first (a background save's recycled chunk buffer). */
    public RdbOutput(boolean compression, byte[] buffer) {
        this(compression, false, buffer);
    }

    /**
     * As {@link #RdbOutput(boolean, byte[])}, compressing with {@code lzf}: a background save's writer keeps
     * its LZF table (256 KB) from one save to the next, as it keeps its buffers.
     */
    public RdbOutput(boolean compression, byte[] buffer, Lzf lzf) {
        this(compression, false, buffer);
        this.lzf = lzf;
    }

    private RdbOutput(boolean compression, boolean deferCompression, byte[] buffer) {
        this.compression = compression;
        this.deferCompression = deferCompression;
        this.buf = buffer;
        if (deferCompression) {
            openRun();
        }
    }

    /**
     * An output with rdbcompression on that leaves the compressing to another thread: the event loop
     * serializes a background save, and LZF costs far more than the rest of serializing. Its bytes are
     * not RDB but a framing of it, for {@link #writeCompressing} to turn into RDB: raw runs and strings to
     * compress alternate, each as a 4-byte little-endian length and the bytes, starting and ending with a
     * raw run. A string is framed exactly where {@link #writeString} would try LZF, so the RDB that
     * {@link #writeCompressing} makes of it is byte for byte what this output would have written.
     */
    public static RdbOutput deferringCompression() {
        return deferringCompression(new byte[64]);
    }

    /** As {@link #deferringCompression()}, writing into {@code buffer} first. */
    public static RdbOutput deferringCompression(byte[] buffer) {
        return new RdbOutput(true, true, buffer);
    }

    /** The LZF table this output compresses with, or null if it has not needed one yet. */
    public Lzf lzf() {
        return lzf;
    }

    /** True when nothing has been written since the output was made or last handed over. */
    public boolean isEmpty() {
        return size == (deferCompression ? 4 : 0);
    }

    private void openRun() {
        runStart = size;
        ensure(4);
        size += 4;
    }

    private void closeRun() {
        putLength(runStart, size - runStart - 4);
    }

    private void putLength(int at, int length) {
        buf[at] = (byte) length;
        buf[at + 1] = (byte) (length >>> 8);
        buf[at + 2] = (byte) (length >>> 16);
        buf[at + 3] = (byte) (length >>> 24);
    }

    private static int getLength(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    /** A string framed for {@link #writeCompressing} (see {@link #deferringCompression}). */
    private void writeDeferred(byte[] bytes, int offset, int length) {
        closeRun();
        ensure(4 + length);
        putLength(size, length);
        size += 4;
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
        openRun();
    }

    /**
     * Appends the RDB that {@code length} framed bytes of a {@link #deferringCompression} output stand
     * for, compressing their strings as {@link #writeString} does; this output must compress.
     */
    public void writeCompressing(byte[] framed, int length) {
        boolean string = false;
        for (int pos = 0; pos < length; string = !string) {
            int n = getLength(framed, pos);
            pos += 4;
            if (string) {
                writeString(framed, pos, n);
            } else {
                writeBytes(framed, pos, n);
            }
            pos += n;
        }
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The bytes written so far, copied, leaving the output empty (the buffer is kept for reuse). */
    public byte[] drain() {
        if (deferCompression) {
            throw new IllegalStateException("a framed output is handed over, not drained");
        }
        byte[] taken = Arrays.copyOf(buf, size);
        size = 0;
        if (buf.length > MAX_KEPT_BUFFER) {
            buf = new byte[64];
        }
        return taken;
    }

    /**
     * The buffer holding the bytes written so far ({@link #size()} of them), given away without copying;
     * writing goes on into {@code replacement}. A background save recycles its chunk buffers this way.
     */
    public byte[] handOver(byte[] replacement) {
        if (deferCompression) {
            closeRun();
        }
        byte[] full = buf;
        buf = replacement;
        size = 0;
        if (deferCompression) {
            openRun();
        }
        return full;
    }

    /**
     * Gives the bytes written so far to {@code sink} and empties the output, keeping its buffer: a value
     * too big to hold serialized in one piece is written a bounded piece at a time this way.
     */
    public void flushTo(ByteSink sink) throws java.io.IOException {
        if (size > 0) {
            sink.write(buf, size);
            size = 0;
        }
    }

    /** The bytes written so far, without copying; valid up to {@link #size()} until the next write. */
    byte[] buffer() {
        return buf;
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new IllegalStateException("RDB output larger than 2 GB");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    public void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    /** An AUX field with a text value (rdbSaveAuxFieldStrStr). */
    public void writeAux(String key, String value) {
        writeType(RdbType.OPCODE_AUX);
        writeString(key.getBytes(StandardCharsets.UTF_8));
        writeString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** An AUX field with an integer value, integer-encoded when it fits (rdbSaveAuxFieldStrInt). */
    public void writeAux(String key, long value) {
        writeType(RdbType.OPCODE_AUX);
        writeString(key.getBytes(StandardCharsets.UTF_8));
        writeLongAsString(value);
    }

    /** A type byte or an opcode (see {@link RdbType}). */
    public void writeType(int type) {
        writeByte(type);
    }

    public void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
    }

    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    /** Little-endian, {@code width} bytes. */
    void writeLittleEndian(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void writeBigEndian(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
    }

    /** rdbSaveLen: 6-bit, 14-bit, 32-bit (0x80) or 64-bit (0x81) big-endian length. Unsigned. */
    public void writeLength(long length) {
        if (Long.compareUnsigned(length, 1 << 6) < 0) {
            writeByte((int) length);
        } else if (Long.compareUnsigned(length, 1 << 14) < 0) {
            writeByte((int) ((length >>> 8) | 0x40));
            writeByte((int) length);
        } else if (Long.compareUnsigned(length, 0xFFFFFFFFL) <= 0) {
            writeByte(0x80);
            writeBigEndian(length, 4);
        } else {
            writeByte(0x81);
            writeBigEndian(length, 8);
        }
    }

    /** rdbSaveRawString: an INT8/16/32 encoding if the bytes are a short canonical integer, else LZF if it
     *  saves at least 4 bytes (and compression is on), else the length and the bytes. */
    public void writeString(byte[] bytes) {
        writeString(bytes, 0, bytes.length);
    }

    public void writeString(byte[] bytes, int offset, int length) {
        if (length <= INTEGER_MAX_TEXT_LENGTH) {
            if (IntegerText.isCanonical(bytes, offset, length)
                    && writeEncodedInteger(IntegerText.parseCanonical(bytes, offset, length))) {
                return;
            }
        }
        if (compression && length > LZF_MIN_LENGTH_EXCLUSIVE) {
            if (deferCompression) {
                writeDeferred(bytes, offset, length);
                return;
            }
            if (writeLzfIfSmaller(bytes, offset, length)) {
                return;
            }
        }
        writeLength(length);
        writeBytes(bytes, offset, length);
    }

    /** rdbSaveLongLongAsStringObject: the integer encodings when they fit, else the decimal digits. */
    public void writeLongAsString(long value) {
        if (!writeEncodedInteger(value)) {
            byte[] digits = IntegerText.toBytes(value);
            writeLength(digits.length);
            writeBytes(digits);
        }
    }

    /** rdbEncodeInteger; false (nothing written) if the value needs more than 32 bits. */
    private boolean writeEncodedInteger(long value) {
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            writeByte(0xC0 | ENC_INT8);
            writeLittleEndian(value, 1);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            writeByte(0xC0 | ENC_INT16);
            writeLittleEndian(value, 2);
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            writeByte(0xC0 | ENC_INT32);
            writeLittleEndian(value, 4);
        } else {
            return false;
        }
        return true;
    }

    /** rdbSaveLzfStringObject: compress into at most length-4 bytes or not at all. */
    private boolean writeLzfIfSmaller(byte[] bytes, int offset, int length) {
        int limit = length - 4;
        if (lzfScratch.length < limit + 8) {
            lzfScratch = new byte[limit + 8];
        }
        if (lzf == null) {
            lzf = new Lzf();
        }
        int compressed = lzf.compress(bytes, offset, length, lzfScratch, limit);
        if (compressed == 0) {
            return false;
        }
        writeLzfHeader(compressed, length);
        writeBytes(lzfScratch, 0, compressed);
        return true;
    }

    /**
     * What comes before an LZF string's {@code compressed} bytes: the LZF encoding, then the compressed
     * and the original lengths (for a writer that compresses a big string in pieces, see {@link Lzf#compressTo}).
     */
    public void writeLzfHeader(int compressed, int length) {
        writeByte(0xC0 | ENC_LZF);
        writeLength(compressed);
        writeLength(length);
    }

    /** rdbSaveBinaryDoubleValue (ZSET_2 scores): the IEEE 754 bits, little endian. */
    public void writeBinaryDouble(double value) {
        writeLittleEndian(Double.doubleToRawLongBits(value), 8);
    }

    /** rdbSaveDoubleValue (the old ZSET type): a length byte and the text; 253 NaN, 254 +inf, 255 -inf. */
    public void writeStringDouble(double value) {
        if (Double.isNaN(value)) {
            writeByte(253);
        } else if (Double.isInfinite(value)) {
            writeByte(value < 0 ? 255 : 254);
        } else {
            byte[] text = DoubleText.toBytes(DoubleText.integerOrG17(value));
            writeByte(text.length);
            writeBytes(text);
        }
    }

    /** rdbSaveMillisecondTime: 8 bytes little endian. */
    public void writeMillisecondTime(long unixMillis) {
        writeLittleEndian(unixMillis, 8);
    }

    /** The RDB_OPCODE_EXPIRETIME_MS opcode and its absolute unix time in milliseconds. */
    public void writeExpireMillis(long unixMillis) {
        writeType(RdbType.OPCODE_EXPIRETIME_MS);
        writeMillisecondTime(unixMillis);
    }
}

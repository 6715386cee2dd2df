package io.nioredis.resp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes replies into one growable byte array, in order. The event loop owns one writer, drains it to the
 * socket after each read, and resets it, so encoding a reply allocates nothing once the array has grown to
 * the working size.
 */
public final class RespWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Longest prefix plus length digits plus CRLF of a header line. */
    private static final int HEADER_MAX = 1 + 20 + 2;

    private byte[] buf;
    private int pos;
    private ByteBuffer view;

    public RespWriter() {
        this(16 * 1024);
    }

    public RespWriter(int initialCapacity) {
        buf = new byte[initialCapacity];
        view = ByteBuffer.wrap(buf);
    }

    /** Pre-encoded bytes, e.g. a shared constant reply. */
    public void raw(byte[] b) {
        raw(b, 0, b.length);
    }

    public void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** {@code +text}, for replies that are not constants; cold paths only, as it encodes a String. */
    public void simpleString(String text) {
        line('+', text);
    }

    /** {@code -message}; the message must carry its own prefix, e.g. {@code "ERR syntax error"}. */
    public void error(String message) {
        // As Redis's addReplyErrorFormat: a CR or LF inside the message would break the protocol.
        line('-', message.replace('\r', ' ').replace('\n', ' '));
    }

    public void integer(long v) {
        header(':', v);
    }

    public void bulk(byte[] b) {
        bulk(b, 0, b.length);
    }

    public void bulk(byte[] b, int off, int len) {
        ensure(HEADER_MAX + len + 2);
        header('$', len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        buf[pos++] = '\r';
        buf[pos++] = '\n';
    }

    /** A bulk string of the decimal digits of {@code v}. */
    public void bulk(long v) {
        ensure(2 * HEADER_MAX);
        int len = Ascii.decimalLength(v);
        header('$', len);
        pos = Ascii.writeLong(buf, pos, v);
        buf[pos++] = '\r';
        buf[pos++] = '\n';
    }

    /** A bulk string of text, for cold paths (INFO, CONFIG GET). */
    public void bulk(String text) {
        bulk(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void nullBulk() {
        raw(NULL_BULK);
    }

    public void arrayHeader(long count) {
        header('*', count);
    }

    public void nullArray() {
        raw(NULL_ARRAY);
    }

    /** Bytes written since the last reset. */
    public int size() {
        return pos;
    }

    public byte[] array() {
        return buf;
    }

    /** The written bytes as a buffer ready to be drained; valid until the next write. */
    public ByteBuffer flip() {
        view.limit(pos).position(0);
        return view;
    }

    public void reset() {
        pos = 0;
    }

    /** Drops the array if a huge reply grew it past {@code max}, so one big reply does not pin memory. */
    public void trim(int max, int initialCapacity) {
        if (buf.length > max && pos == 0) {
            buf = new byte[initialCapacity];
            view = ByteBuffer.wrap(buf);
        }
    }

    private void header(char prefix, long n) {
        ensure(HEADER_MAX);
        buf[pos++] = (byte) prefix;
        pos = Ascii.writeLong(buf, pos, n);
        buf[pos++] = '\r';
        buf[pos++] = '\n';
    }

    private void line(char prefix, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        ensure(b.length + 3);
        buf[pos++] = (byte) prefix;
        raw(b);
        raw(CRLF);
    }

    private void ensure(int more) {
        if (buf.length - pos < more) {
            long want = Math.max((long) buf.length * 2, (long) pos + more);
            buf = Arrays.copyOf(buf, (int) Math.min(want, Integer.MAX_VALUE - 8));
            view = ByteBuffer.wrap(buf);
        }
    }
}

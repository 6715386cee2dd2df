package io.nioredis.resp;

import io.nioredis.text.Ascii;
import io.nioredis.text.DoubleFormat;

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

    private static final byte[] RESP3_NULL = "_\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "#t\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "#f\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ONE = ":1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO = ":0\r\n".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int pos;
    private ByteBuffer view;
    /** 2 or 3: the protocol of the connection whose replies are being written (HELLO switches it). */
    private int protocol = 2;

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

    public int protocol() {
        return protocol;
    }

    /** Set by the event loop to the protocol of the connection it is about to execute commands for. */
    public void protocol(int protocol) {
        this.protocol = protocol;
    }

    /** A map of {@code pairs} key/value pairs: RESP3 {@code %}, RESP2 a flat array of twice the size. */
    public void mapHeader(long pairs) {
        if (protocol == 3) {
            header('%', pairs);
        } else {
            header('*', pairs * 2);
        }
    }

    /** A set: RESP3 {@code ~}, RESP2 an array. */
    public void setHeader(long count) {
        header(protocol == 3 ? '~' : '*', count);
    }

    /** An out-of-band push (pub/sub messages): RESP3 {@code >}, RESP2 an array. */
    public void pushHeader(long count) {
        header(protocol == 3 ? '>' : '*', count);
    }

    /** The null that stands for a missing string: RESP3 {@code _}, RESP2 {@code $-1}. */
    public void nullValue() {
        raw(protocol == 3 ? RESP3_NULL : NULL_BULK);
    }

    /** The null that stands for a missing array: RESP3 {@code _}, RESP2 {@code *-1}. */
    public void nullArrayValue() {
        raw(protocol == 3 ? RESP3_NULL : NULL_ARRAY);
    }

    /** RESP3 {@code #t}/{@code #f}; RESP2 the integers 1 and 0. */
    public void bool(boolean value) {
        raw(protocol == 3 ? (value ? TRUE : FALSE) : (value ? ONE : ZERO));
    }

    /**
     * A double already formatted by the command, as Redis's addReplyHumanLongDouble (GEOPOS, WITHCOORD): RESP3
     * {@code ,}, RESP2 a bulk string.
     */
    public void formattedDouble(String text) {
        if (protocol == 3) {
            line(',', text);
        } else {
            bulk(text);
        }
    }

    /** A double as Redis 7.0's addReplyDouble: RESP3 {@code ,}, RESP2 a bulk string, both {@code %.17g}. */
    public void doubleValue(double d) {
        if (d == (long) d && Math.abs(d) < 1e15 && (d != 0 || 1 / d > 0)) {
            // An integral score, the common case, written without building a String.
            if (protocol == 3) {
                header(',', (long) d);
            } else {
                bulk((long) d);
            }
            return;
        }
        String text = DoubleFormat.g17(d);
        if (protocol == 3) {
            line(',', text);
        } else {
            bulk(text);
        }
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

    /** Drops what was written after {@code size} bytes, e.g. a reply CLIENT REPLY OFF suppresses. */
    public void truncate(int size) {
        pos = Math.min(pos, size);
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

package io.nioredis.resp;

import io.nioredis.text.Ascii;

import java.nio.ByteBuffer;

/**
 * Resumable RESP2 request parser that works on the connection's buffer in place, as Redis's
 * {@code processMultibulkBuffer} and {@code processInlineBuffer} do.
 *
 * <p>The unread bytes of a buffer are {@code position..limit}; {@code position} is always the start of the
 * request being parsed. All progress is kept relative to that start, so the owner may move the partial
 * request elsewhere (compact the buffer, copy it to a bigger one) between calls without telling the parser:
 * nothing already parsed is parsed again. When a whole request is there, {@link #parse} fills
 * {@link #request()} with views into the buffer's array and moves {@code position} past the request.
 */
public final class RespParser {
    /** A whole request is in {@link #request()}. */
    public static final int REQUEST = 1;
    /** The buffer ends inside a request; call again with more bytes. */
    public static final int NEED_MORE = 0;
    /** The bytes are not RESP; {@link #error()} is the reply, after which Redis closes the connection. */
    public static final int ERROR = -1;

    /** Redis's {@code PROTO_INLINE_MAX_SIZE}: the longest inline request or count line. */
    public static final int INLINE_MAX = 64 * 1024;
    /** Redis's {@code proto-max-bulk-len} default. */
    public static final long DEFAULT_MAX_BULK = 512L * 1024 * 1024;

    private static final int NONE = 0;
    private static final int INLINE = 1;
    private static final int MULTIBULK = 2;

    /** Redis 7.0's limits for a client that must authenticate and has not: at most 10 arguments ... */
    public static final int UNAUTHENTICATED_MAX_COUNT = 10;
    /** ... of at most 16 KB each, so that a stranger cannot make the server buffer much. */
    public static final int UNAUTHENTICATED_MAX_BULK = 16 * 1024;

    private final Request request = new Request();
    private long maxBulkLength = DEFAULT_MAX_BULK;
    private boolean unauthenticated;

    private int type = NONE;
    /** Bytes of the current request consumed so far, counted from its start. */
    private int progress;
    /** How far an inline request has been searched for its newline. */
    private int scanned;
    /** Arguments still to read; Redis's {@code multibulklen}. */
    private int multibulkLength;
    /** Length of the bulk being read, or -1 before its {@code $} line; Redis's {@code bulklen}. */
    private long bulkLength = -1;
    private byte[] error;

    public void maxBulkLength(long max) {
        this.maxBulkLength = max;
    }

    /** Applies the smaller limits of a client that has yet to authenticate; Redis's authRequired(c). */
    public void unauthenticated(boolean unauthenticated) {
        this.unauthenticated = unauthenticated;
    }

    public Request request() {
        return request;
    }

    /** The error reply after {@link #ERROR}. */
    public byte[] error() {
        return error;
    }

    /**
     * How many bytes, counted from the start of the current request, must be buffered before parsing
     * can go on; lets the owner grow its buffer once for a large bulk instead of doubling repeatedly.
     */
    public long bytesNeeded() {
        if (type == MULTIBULK && multibulkLength > 0 && bulkLength >= 0) {
            return progress + bulkLength + 2;
        }
        return progress + 1;
    }

    /** True between requests: no byte of a next request has been consumed. */
    public boolean idle() {
        return type == NONE;
    }

    /** Parses one request from {@code buf}; see the class comment for the buffer contract. */
    public int parse(ByteBuffer buf) {
        while (true) {
            int start = buf.arrayOffset() + buf.position();
            int end = buf.arrayOffset() + buf.limit();
            if (type == NONE) {
                if (start == end) {
                    return NEED_MORE;
                }
                type = buf.array()[start] == '*' ? MULTIBULK : INLINE;
            }
            int result = type == MULTIBULK ? multibulk(buf.array(), start, end) : inline(buf.array(), start, end);
            if (result == REQUEST) {
                int consumed = progress;
                reset();
                request.point(buf.array(), start);
                buf.position(buf.position() + consumed);
                if (request.argc == 0) {
                    continue; // an empty request (blank line, "*0", "*-1") gets no reply, as in Redis
                }
                return REQUEST;
            }
            return result;
        }
    }

    private void reset() {
        type = NONE;
        progress = 0;
        scanned = 0;
        multibulkLength = 0;
        bulkLength = -1;
    }

    private int multibulk(byte[] b, int start, int end) {
        if (multibulkLength == 0) {
            int cr = indexOf(b, start + 1, end, (byte) '\r');
            if (cr < 0) {
                return needMoreOrFail(end - start, ProtocolError.TOO_BIG_MBULK_COUNT);
            }
            if (cr + 1 >= end) {
                return NEED_MORE;
            }
            long count = plainLength(b, start + 1, cr - start - 1);
            if (count < 0) {
                if (!Ascii.isLong(b, start + 1, cr - start - 1)) {
                    return fail(ProtocolError.INVALID_MULTIBULK_LENGTH);
                }
                count = Ascii.parseLong(b, start + 1, cr - start - 1);
            }
            if (count > Integer.MAX_VALUE) {
                return fail(ProtocolError.INVALID_MULTIBULK_LENGTH);
            }
            if (count > UNAUTHENTICATED_MAX_COUNT && unauthenticated) {
                return fail(ProtocolError.UNAUTHENTICATED_MULTIBULK_LENGTH);
            }
            progress = cr + 2 - start;
            request.argc = 0;
            if (count <= 0) {
                return REQUEST;
            }
            multibulkLength = (int) count;
            // As Redis, trust a huge count only as far as 1024 slots up front; more grow as bulks arrive.
            request.ensureCapacity((int) Math.min(count, 1024));
        }
        while (multibulkLength > 0) {
            int at = start + progress;
            if (bulkLength < 0) {
                int cr = indexOf(b, at, end, (byte) '\r');
                if (cr < 0) {
                    return needMoreOrFail(end - at, ProtocolError.TOO_BIG_BULK_COUNT);
                }
                if (cr + 1 >= end) {
                    return NEED_MORE;
                }
                if (b[at] != '$') {
                    return fail(ProtocolError.expectedDollar(b[at]));
                }
                long len = plainLength(b, at + 1, cr - at - 1);
                if (len < 0) {
                    if (!Ascii.isLong(b, at + 1, cr - at - 1)) {
                        return fail(ProtocolError.INVALID_BULK_LENGTH);
                    }
                    len = Ascii.parseLong(b, at + 1, cr - at - 1);
                }
                if (len < 0 || len > maxBulkLength) {
                    return fail(ProtocolError.INVALID_BULK_LENGTH);
                }
                if (len > UNAUTHENTICATED_MAX_BULK && unauthenticated) {
                    return fail(ProtocolError.UNAUTHENTICATED_BULK_LENGTH);
                }
                bulkLength = len;
                progress = cr + 2 - start;
                at = start + progress;
            }
            // Like Redis, the two bytes after the bulk are skipped without checking that they are CRLF.
            if ((long) end - at < bulkLength + 2) {
                return NEED_MORE;
            }
            int i = request.argc;
            request.ensureCapacity(i + 1);
            request.offsets[i] = progress;
            request.lengths[i] = (int) bulkLength;
            request.argc = i + 1;
            progress += (int) bulkLength + 2;
            bulkLength = -1;
            multibulkLength--;
        }
        return REQUEST;
    }

    /**
     * A length as clients write it, 1 to 9 digits without a leading zero, read in one pass; -1 for
     * anything else (a sign, a leading zero, a longer number, a non-digit), which the caller then
     * validates and reads the general way. Every request header goes through here, twice per argument
     * otherwise.
     */
    private static long plainLength(byte[] b, int off, int len) {
        if (len < 1 || len > 9 || (b[off] == '0' && len > 1)) {
            return -1;
        }
        int v = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private int inline(byte[] b, int start, int end) {
        int nl = indexOf(b, start + scanned, end, (byte) '\n');
        if (nl < 0) {
            scanned = end - start;
            return needMoreOrFail(end - start, ProtocolError.TOO_BIG_INLINE_REQUEST);
        }
        int lineEnd = (nl > start && b[nl - 1] == '\r') ? nl - 1 : nl;
        if (!InlineSplitter.split(b, start, lineEnd, request)) {
            return fail(ProtocolError.UNBALANCED_QUOTES);
        }
        progress = nl + 1 - start;
        return REQUEST;
    }

    private int needMoreOrFail(int unterminated, byte[] tooBig) {
        return unterminated > INLINE_MAX ? fail(tooBig) : NEED_MORE;
    }

    private int fail(byte[] reply) {
        error = reply;
        reset();
        return ERROR;
    }

    private static int indexOf(byte[] b, int from, int to, byte target) {
        for (int i = from; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }
}

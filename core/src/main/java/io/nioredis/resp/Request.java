package io.nioredis.resp;

import io.nioredis.text.Ascii;

import java.nio.charset.StandardCharsets;

/**
 * The arguments of one command as views into a byte array: argument {@code i} is
 * {@code array()[offset(i) .. offset(i) + length(i))}. The parser fills it pointing into the connection's
 * input buffer, so the views are valid only until the next parse call; a command that keeps an argument
 * copies it.
 */
public final class Request {
    private byte[] array;
    private int base;
    int argc;
    int[] offsets;
    int[] lengths;

    public Request() {
        this(8);
    }

    Request(int capacity) {
        offsets = new int[capacity];
        lengths = new int[capacity];
    }

    /** A request that owns its bytes, for tests and off-path callers. */
    public static Request of(String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(raw);
    }

    public static Request of(byte[]... args) {
        Request r = new Request(Math.max(1, args.length));
        r.hold(args, null);
        return r;
    }

    /**
     * Makes this request hold {@code args}, copied into {@code buffer} when it is large enough, else into a
     * new array, which it returns for the caller to pass next time: a caller that builds request after
     * request (a script's redis.call) allocates only while its buffer grows.
     */
    public byte[] hold(byte[][] args, byte[] buffer) {
        int total = 0;
        for (byte[] a : args) {
            total += a.length;
        }
        byte[] data = buffer;
        if (data == null || data.length < total) {
            data = new byte[buffer == null ? total : Math.max(total, buffer.length * 2)];
        }
        ensureCapacity(args.length);
        int at = 0;
        for (int i = 0; i < args.length; i++) {
            System.arraycopy(args[i], 0, data, at, args[i].length);
            offsets[i] = at;
            lengths[i] = args[i].length;
            at += args[i].length;
        }
        argc = args.length;
        point(data, 0);
        return data;
    }

    void point(byte[] array, int base) {
        this.array = array;
        this.base = base;
    }

    void ensureCapacity(int n) {
        if (offsets.length < n) {
            int cap = Math.max(n, offsets.length * 2);
            offsets = java.util.Arrays.copyOf(offsets, cap);
            lengths = java.util.Arrays.copyOf(lengths, cap);
        }
    }

    public int argc() {
        return argc;
    }

    public byte[] array() {
        return array;
    }

    public int offset(int i) {
        return base + offsets[i];
    }

    public int length(int i) {
        return lengths[i];
    }

    public boolean isLong(int i) {
        return Ascii.isLong(array, offset(i), lengths[i]);
    }

    /** Only after {@link #isLong} said yes. */
    public long longValue(int i) {
        return Ascii.parseLong(array, offset(i), lengths[i]);
    }

    /** Case-insensitive match of argument {@code i} against a lower-case token such as {@code "nx"}. */
    public boolean is(int i, byte[] lowerCaseToken) {
        return Ascii.equalsIgnoreCase(array, offset(i), lengths[i], lowerCaseToken);
    }

    /** A fresh copy of argument {@code i}. */
    public byte[] copy(int i) {
        return java.util.Arrays.copyOfRange(array, offset(i), offset(i) + lengths[i]);
    }

    /** Argument {@code i} decoded as text, for error messages and other cold paths. */
    public String string(int i) {
        return new String(array, offset(i), lengths[i], StandardCharsets.ISO_8859_1);
    }

    /** A copy that owns its bytes and survives the next parse, e.g. for a queued command. */
    public Request detach() {
        byte[][] args = new byte[argc][];
        for (int i = 0; i < argc; i++) {
            args[i] = copy(i);
        }
        return of(args);
    }
}

package io.nioredis.command;

import java.nio.charset.StandardCharsets;

/** Constant replies, encoded once and shared by every connection. */
public final class Replies {
    private Replies() {}

    public static final byte[] OK = encode("+OK\r\n");
    public static final byte[] PONG = encode("+PONG\r\n");
    public static final byte[] ZERO = encode(":0\r\n");
    public static final byte[] ONE = encode(":1\r\n");
    public static final byte[] MINUS_ONE = encode(":-1\r\n");
    public static final byte[] MINUS_TWO = encode(":-2\r\n");
    public static final byte[] EMPTY_ARRAY = encode("*0\r\n");
    /** Cursor 0 and no elements, for a SCAN-family command on a missing key. */
    public static final byte[] EMPTY_SCAN = encode("*2\r\n$1\r\n0\r\n*0\r\n");

    private static byte[] encode(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

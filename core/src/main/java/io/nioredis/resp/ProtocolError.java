package io.nioredis.resp;

import java.nio.charset.StandardCharsets;

/**
 * The protocol errors Redis replies with before it closes a connection, spelled as Redis 7.0 spells them
 * and encoded once.
 */
public final class ProtocolError {
    private ProtocolError() {}

    public static final byte[] INVALID_MULTIBULK_LENGTH = reply("invalid multibulk length");
    public static final byte[] INVALID_BULK_LENGTH = reply("invalid bulk length");
    public static final byte[] UNBALANCED_QUOTES = reply("unbalanced quotes in request");
    public static final byte[] TOO_BIG_INLINE_REQUEST = reply("too big inline request");
    public static final byte[] TOO_BIG_MBULK_COUNT = reply("too big mbulk count string");
    public static final byte[] TOO_BIG_BULK_COUNT = reply("too big bulk count string");
    public static final byte[] UNAUTHENTICATED_MULTIBULK_LENGTH = reply("unauthenticated multibulk length");
    public static final byte[] UNAUTHENTICATED_BULK_LENGTH = reply("unauthenticated bulk length");

    /** Redis prints the offending byte as is; a CR or LF would break the reply, so Redis turns it to a space. */
    public static byte[] expectedDollar(byte got) {
        byte[] r = reply("expected '$', got ' '");
        r[r.length - 4] = (got == '\r' || got == '\n') ? (byte) ' ' : got;
        return r;
    }

    private static byte[] reply(String what) {
        return ("-ERR Protocol error: " + what + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}

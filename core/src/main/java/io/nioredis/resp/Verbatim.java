package io.nioredis.resp;

import java.nio.charset.StandardCharsets;

/** Redis's addReplyVerbatim: RESP3 {@code =len\r\ntxt:...}, RESP2 a plain bulk string (INFO, CLIENT LIST). */
public final class Verbatim {
    private static final byte[] CRLF = {'\r', '\n'};

    private Verbatim() {}

    public static void text(RespWriter out, String text) {
        if (out.protocol() != 3) {
            out.bulk(text);
            return;
        }
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        out.raw(("=" + (b.length + 4) + "\r\ntxt:").getBytes(StandardCharsets.US_ASCII));
        out.raw(b);
        out.raw(CRLF);
    }
}

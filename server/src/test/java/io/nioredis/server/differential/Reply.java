package io.nioredis.server.differential;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One RESP reply as read off the wire: its raw bytes (what exact comparison uses), its type byte, its
 * scalar text (status, error, integer or bulk payload; null for nil) and, for arrays, the elements.
 */
final class Reply {
    final byte[] raw;
    final char type;
    final byte[] payload;
    final List<Reply> elements;

    Reply(byte[] raw, char type, byte[] payload, List<Reply> elements) {
        this.raw = raw;
        this.type = type;
        this.payload = payload;
        this.elements = elements;
    }

    boolean isError() {
        return type == '-';
    }

    boolean isNil() {
        return payload == null && elements == null;
    }

    String text() {
        return payload == null ? null : new String(payload, StandardCharsets.ISO_8859_1);
    }

    /** The raw reply with control bytes escaped, for failure reports. */
    @Override
    public String toString() {
        return escape(raw);
    }

    static String escape(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(bytes.length, 2000);
        for (int i = 0; i < shown; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\r') {
                b.append("\\r");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c >= 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else if (c == '\\') {
                b.append("\\\\");
            } else {
                b.append((char) c);
            }
        }
        if (shown < bytes.length) {
            b.append("... (").append(bytes.length).append(" bytes)");
        }
        return b.toString();
    }
}

package io.nioredis.text;

import java.io.ByteArrayOutputStream;

/**
 * Redis's sdscatrepr: a byte string in double quotes with C escapes, as MONITOR and redis-cli show
 * arguments. Printable ASCII stays as it is; \\, ", \n, \r, \t, \a and \b are escaped by name and any
 * other byte as \xhh.
 */
public final class Repr {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Repr() {}

    /** The quoted form of a string's UTF-8 bytes. */
    public static String of(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 2);
        append(out, b, 0, b.length);
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static void append(ByteArrayOutputStream out, byte[] b, int off, int len) {
        out.write('"');
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\\':
                case '"':
                    out.write('\\');
                    out.write(c);
                    break;
                case '\n': escape(out, 'n'); break;
                case '\r': escape(out, 'r'); break;
                case '\t': escape(out, 't'); break;
                case 7: escape(out, 'a'); break;
                case '\b': escape(out, 'b'); break;
                default:
                    if (c >= 0x20 && c <= 0x7e) {
                        out.write(c);
                    } else {
                        out.write('\\');
                        out.write('x');
                        out.write(HEX[c >> 4]);
                        out.write(HEX[c & 15]);
                    }
            }
        }
        out.write('"');
    }

    private static void escape(ByteArrayOutputStream out, char name) {
        out.write('\\');
        out.write(name);
    }
}

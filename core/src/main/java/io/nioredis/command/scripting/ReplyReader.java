package io.nioredis.command.scripting;

import io.nioredis.scripting.ScriptReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the reply a command wrote for redis.call back into a {@link ScriptReply}, as Redis's
 * redisProtocolToLuaType parses the script client's output buffer: every RESP2 and RESP3 type a command
 * writes. The bytes are always one complete, well-formed reply.
 */
final class ReplyReader {
    private byte[] b;
    private int pos;

    /** The first reply in {@code b} starting at {@code from}; a reader serves one read after another. */
    ScriptReply read(byte[] b, int from) {
        this.b = b;
        this.pos = from;
        try {
            return next();
        } finally {
            this.b = null;
        }
    }

    private ScriptReply next() {
        byte type = b[pos++];
        switch (type) {
            case '+':
                return new ScriptReply.Status(line());
            case '-':
                return new ScriptReply.Error(line());
            case ':':
                return new ScriptReply.Int(number());
            case '$': {
                long len = number();
                return len < 0 ? ScriptReply.NULL : new ScriptReply.Bulk(bytes((int) len));
            }
            case '*': {
                long n = number();
                return n < 0 ? ScriptReply.NULL : new ScriptReply.Array(items(n));
            }
            case '_':
                line();
                return ScriptReply.NULL;
            case ',':
                return new ScriptReply.Double(parseDouble(line()));
            case '#':
                return new ScriptReply.Bool(line().equals("t"));
            case '(':
                return new ScriptReply.BigNumber(line());
            case '=': {
                byte[] text = bytes((int) number());
                return new ScriptReply.Verbatim(new String(text, 0, 3, StandardCharsets.ISO_8859_1),
                        Arrays.copyOfRange(text, 4, text.length));
            }
            case '%':
                return new ScriptReply.MapReply(items(2 * number()));
            case '~':
                return new ScriptReply.SetReply(items(number()));
            default:
                throw new IllegalStateException("not a reply type: " + (char) type);
        }
    }

    private List<ScriptReply> items(long n) {
        List<ScriptReply> items = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            items.add(next());
        }
        return items;
    }

    private static double parseDouble(String text) {
        switch (text) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(text);
        }
    }

    private String line() {
        int start = pos;
        while (b[pos] != '\r') {
            pos++;
        }
        String text = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
        pos += 2;
        return text;
    }

    private long number() {
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        long v = 0;
        while (b[pos] != '\r') {
            v = v * 10 + (b[pos++] - '0');
        }
        pos += 2;
        return negative ? -v : v;
    }

    private byte[] bytes(int len) {
        byte[] value = Arrays.copyOfRange(b, pos, pos + len);
        pos += len + 2;
        return value;
    }
}

package io.nioredis.config;

import java.util.ArrayList;
import java.util.List;

/**
 * redis.conf line syntax: splitting a line into words (blanks separate, double quotes take C escapes, single
 * quotes none) and quoting a value back as Redis's sdscatrepr does for CONFIG REWRITE.
 */
public final class ConfigLine {
    private ConfigLine() {}

    /** The words, or null if a quote is not closed. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == n) {
                return words;
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (quote == 0) {
                    if (Character.isWhitespace(c)) {
                        break;
                    }
                    if (c == '"' || c == '\'') {
                        quote = c;
                    } else {
                        word.append(c);
                    }
                } else if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 3 < n && line.charAt(i + 1) == 'x'
                        && isHex(line.charAt(i + 2)) && isHex(line.charAt(i + 3))) {
                    word.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
                    i += 3;
                } else if (c == '\\' && quote == '"' && i + 1 < n) {
                    char e = line.charAt(++i);
                    word.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e == 'b' ? '\b'
                            : e == 'a' ? (char) 7 : e);
                } else {
                    word.append(c);
                }
                i++;
            }
            if (quote != 0) {
                return null;
            }
            words.add(word.toString());
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@code "value"} with C escapes for quotes, backslashes and control bytes, as sdscatrepr writes it. */
    public static String quote(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\': s.append("\\\\"); break;
                case '"': s.append("\\\""); break;
                case '\n': s.append("\\n"); break;
                case '\r': s.append("\\r"); break;
                case '\t': s.append("\\t"); break;
                case 7: s.append("\\a"); break;
                case '\b': s.append("\\b"); break;
                default:
                    if (c < 0x20 || c >= 0x7f) {
                        s.append(String.format("\\x%02x", (int) c & 0xff));
                    } else {
                        s.append(c);
                    }
            }
        }
        return s.append('"').toString();
    }
}

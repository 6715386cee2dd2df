package io.nioredis.server;

import java.util.ArrayList;
import java.util.List;

/** Splits a redis.conf line into words: blanks separate, double quotes take C escapes, single quotes none. */
final class ConfigLine {
    private ConfigLine() {}

    /** The words, or null if a quote is not closed. */
    static List<String> split(String line) {
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
                } else if (c == '\\' && quote == '"' && i + 1 < n) {
                    char e = line.charAt(++i);
                    word.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
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
}

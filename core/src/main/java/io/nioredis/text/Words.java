package io.nioredis.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Words separated by runs of blanks, as {@code String.split("[ \t]+")} gives them but without a regular
 * expression: start-up parses settings this way, and compiling its first pattern loads and links the regex
 * engine (see io.nioredis.config.Config on start-up code).
 */
public final class Words {
    /** The characters of a regular expression's {@code \\s}. */
    public static final String WHITESPACE = " \t\n\u000B\f\r";

    private Words() {}

    /** As {@code split(text, WHITESPACE)}: the words {@code text.trim().split("\\s+")} gives for a text not blank. */
    public static String[] split(String text) {
        return split(text, WHITESPACE);
    }

    /**
     * The words of {@code text}, split at runs of the characters in {@code blanks}. Blanks at either end
     * make no empty word, so a text of blanks alone has none.
     */
    public static String[] split(String text, String blanks) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || blanks.indexOf(text.charAt(i)) >= 0;
            if (blank && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return words.toArray(new String[0]);
    }
}

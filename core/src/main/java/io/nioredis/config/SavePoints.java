package io.nioredis.config;

/**
 * The {@code save} parameter's syntax, as Redis's setConfigSaveOption checks it: pairs of seconds (at least
 * 1) and changes (at least 0), written as {@code "3600 1 300 100"}; {@code ""} is no save points.
 */
final class SavePoints {
    static final String INVALID = "Invalid save parameters";

    private SavePoints() {}

    /**
     * The canonical text of the save points in {@code text}, split on single spaces as Redis splits a CONFIG
     * SET value (so a doubled space makes an empty, invalid word).
     */
    static String normalize(String text) throws Param.Refused {
        if (text.isEmpty()) {
            return "";
        }
        String[] words = text.split(" ", -1);
        if (words.length % 2 != 0) {
            throw new Param.Refused(INVALID);
        }
        StringBuilder canonical = new StringBuilder();
        for (int j = 0; j < words.length; j++) {
            long v = strtoll(words[j], INVALID);
            if ((j % 2 == 0 && v < 1) || (j % 2 == 1 && v < 0)) {
                throw new Param.Refused(INVALID);
            }
            if (j > 0) {
                canonical.append(' ');
            }
            // Redis keeps the seconds as time_t and the changes as an int.
            canonical.append(j % 2 == 0 ? v : (int) v);
        }
        return canonical.toString();
    }

    /**
     * C's strtoll with the whole word required: an optional sign, digits, saturating on overflow; anything
     * else is refused with {@code invalid}.
     */
    static long strtoll(String word, String invalid) throws Param.Refused {
        int i = 0;
        boolean negative = false;
        if (i < word.length() && (word.charAt(i) == '+' || word.charAt(i) == '-')) {
            negative = word.charAt(i) == '-';
            i++;
        }
        if (i == word.length() && !word.isEmpty() && i > 0) {
            throw new Param.Refused(invalid);
        }
        long v = 0;
        for (; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                throw new Param.Refused(invalid);
            }
            v = v > (Long.MAX_VALUE - (c - '0')) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }
}

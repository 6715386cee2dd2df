package io.nioredis.config;

/**
 * The {@code oom-score-adj-values} parameter, as Redis's setConfigOOMScoreAdjValuesOption reads it: three
 * integers between -2000 and 2000, for a master, a replica and a background child (nioredis forks none, so
 * the third is kept only as Redis keeps it).
 */
public final class OomScoreAdjValues {
    static final String INVALID = "Invalid oom-score-adj-values, elements must be between -2000 and 2000.";

    public static final int MASTER = 0;
    public static final int REPLICA = 1;
    public static final int BACKGROUND_CHILD = 2;

    private OomScoreAdjValues() {}

    /** The three values of a stored (normalized) text. */
    public static int[] parse(String normalized) {
        String[] words = normalized.split(" ");
        return new int[] {Integer.parseInt(words[0]), Integer.parseInt(words[1]), Integer.parseInt(words[2])};
    }

    /** Whether a process without privileges could set them: each class's value no lower than the one before. */
    public static boolean ascending(int[] values) {
        return values[REPLICA] >= values[MASTER] && values[BACKGROUND_CHILD] >= values[REPLICA];
    }

    /** The canonical text of the values in {@code text}, the words split on blanks as CONFIG SET splits them. */
    static String normalize(String text) throws Param.Refused {
        String trimmed = text.strip();
        String[] words = io.nioredis.text.Words.split(trimmed, " \t");
        if (words.length != 3) {
            throw new Param.Refused("wrong number of arguments");
        }
        StringBuilder canonical = new StringBuilder();
        for (String word : words) {
            long v = SavePoints.strtoll(word, INVALID);
            if (v < -2000 || v > 2000) {
                throw new Param.Refused(INVALID);
            }
            canonical.append(canonical.length() == 0 ? "" : " ").append(v);
        }
        return canonical.toString();
    }
}

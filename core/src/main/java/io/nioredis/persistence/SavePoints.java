package io.nioredis.persistence;

/**
 * The {@code save <seconds> <changes> ...} points: a snapshot is due when at least {@code changes} writes
 * happened and at least {@code seconds} passed since the last successful save.
 */
final class SavePoints {
    private final long[] seconds;
    private final long[] changes;

    private SavePoints(long[] seconds, long[] changes) {
        this.seconds = seconds;
        this.changes = changes;
    }

    /** The config value, already validated as pairs of numbers; empty for none. */
    static SavePoints parse(String value) {
        String trimmed = value.trim();
        String[] words = io.nioredis.text.Words.split(trimmed); // no regex: start-up code
        long[] s = new long[words.length / 2];
        long[] c = new long[words.length / 2];
        for (int i = 0; i + 1 < words.length; i += 2) {
            s[i / 2] = Long.parseLong(words[i]);
            c[i / 2] = Long.parseLong(words[i + 1]);
        }
        return new SavePoints(s, c);
    }

    boolean isEmpty() {
        return seconds.length == 0;
    }

    /** The index of the first point that is due, or -1. */
    int due(long changesSinceSave, long secondsSinceSave) {
        for (int i = 0; i < seconds.length; i++) {
            if (changesSinceSave >= changes[i] && secondsSinceSave > seconds[i]) {
                return i;
            }
        }
        return -1;
    }

    long seconds(int i) {
        return seconds[i];
    }

    long changes(int i) {
        return changes[i];
    }
}

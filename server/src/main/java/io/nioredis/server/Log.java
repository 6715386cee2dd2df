package io.nioredis.server;

import io.nioredis.store.ProcessId;
import java.io.PrintStream;
import java.util.TimeZone;

/**
 * Log lines in redis-server's format, {@code pid:role date level-mark message}, so log tooling built for
 * Redis reads ours. Levels and marks as Redis: debug {@code .}, verbose {@code -}, notice {@code *},
 * warning {@code #}. It is also where core's lines go ({@link io.nioredis.ServerLog}, whose levels are these).
 */
public final class Log implements io.nioredis.ServerLog {
    public static final int DEBUG = 0;
    public static final int VERBOSE = 1;
    public static final int NOTICE = 2;
    public static final int WARNING = 3;

    private static final char[] MARKS = {'.', '-', '*', '#'};
    private static final String[] MONTHS =
        {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final PrintStream out;
    private final long pid = ProcessId.current();
    /** The zone of the timestamps; null for UTC (see LocalZone). */
    private final TimeZone zone = LocalZone.forLog();
    private volatile int level;

    public Log(PrintStream out, int level) {
        this.out = out;
        this.level = level;
    }

    public static int parseLevel(String name) {
        switch (name) {
            case "debug": return DEBUG;
            case "verbose": return VERBOSE;
            case "warning": return WARNING;
            default: return NOTICE;
        }
    }

    public void level(int level) {
        this.level = level;
    }

    public boolean enabled(int at) {
        return at >= level;
    }

    public void debug(String message) {
        log(DEBUG, message);
    }

    public void verbose(String message) {
        log(VERBOSE, message);
    }

    @Override
    public void notice(String message) {
        log(NOTICE, message);
    }

    @Override
    public void warning(String message) {
        log(WARNING, message);
    }

    @Override
    public void log(int at, String message) {
        if (at < level) {
            return;
        }
        out.println(pid + ":M " + timestamp(System.currentTimeMillis(), zone) + " " + MARKS[at] + " "
                + message);
        out.flush();
    }

    /** Text written as it is, without the line's prefix, at {@code at}'s level (Redis's LL_RAW). */
    public void raw(int at, String text) {
        if (at < level) {
            return;
        }
        out.print(text);
        out.flush();
    }

    /**
     * {@code 27 Nov 2026 20:15:29.331} in the given zone (null for UTC), as Redis stamps its log lines.
     * Written out by hand: java.time's DateTimeFormatter loads locale data and spins method handles on first
     * use, which was the largest single cost of start-up.
     */
    static String timestamp(long millis, TimeZone zone) {
        long local = millis + (zone == null ? 0 : zone.getOffset(millis));
        long days = Math.floorDiv(local, 86_400_000L);
        int ms = (int) Math.floorMod(local, 86_400_000L);
        // The civil date of a day number (Howard Hinnant's days_from_civil, inverted): years of March to
        // February, so the leap day is the last of its year, in 400-year eras of 146,097 days.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153; // 0 is March
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder s = new StringBuilder(24);
        twoDigits(s, day).append(' ').append(MONTHS[month - 1]).append(' ').append(year).append(' ');
        twoDigits(s, ms / 3_600_000).append(':');
        twoDigits(s, ms / 60_000 % 60).append(':');
        twoDigits(s, ms / 1000 % 60).append('.');
        int fraction = ms % 1000;
        return s.append((char) ('0' + fraction / 100)).append((char) ('0' + fraction / 10 % 10))
                .append((char) ('0' + fraction % 10)).toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}

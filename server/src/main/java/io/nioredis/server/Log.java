package io.nioredis.server;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Log lines in redis-server's format, {@code pid:role date level-mark message}, so log tooling built for
 * Redis reads ours. Levels and marks as Redis: debug {@code .}, verbose {@code -}, notice {@code *},
 * warning {@code #}.
 */
public final class Log {
    public static final int DEBUG = 0;
    public static final int VERBOSE = 1;
    public static final int NOTICE = 2;
    public static final int WARNING = 3;

    private static final char[] MARKS = {'.', '-', '*', '#'};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH);

    private final PrintStream out;
    private final long pid = ProcessHandle.current().pid();
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

    public void notice(String message) {
        log(NOTICE, message);
    }

    public void warning(String message) {
        log(WARNING, message);
    }

    public void log(int at, String message) {
        if (at < level) {
            return;
        }
        out.println(pid + ":M " + LocalDateTime.now().format(TIME) + " " + MARKS[at] + " " + message);
        out.flush();
    }
}

package io.nioredis.stats;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the process has used, for INFO cpu: user and system time of the process and of its waited-for
 * children from {@code /proc/self/stat} (Linux; elsewhere unknown), and of the calling thread, which for
 * INFO is the event loop, Redis's main thread.
 */
public final class ProcessCpu {
    /**
     * /proc reports times in USER_HZ ticks, which Linux fixes at 100 per second for user space on every
     * architecture it supports, whatever the kernel's internal tick rate.
     */
    private static final long USER_HZ = 100;
    private static final Path STAT = Path.of("/proc/self/stat");

    /** Process times in microseconds: user, system, children's user, children's system. */
    public record Times(long userMicros, long systemMicros, long childrenUserMicros, long childrenSystemMicros) {}

    private ProcessCpu() {}

    /** The process's times, or null where {@code /proc/self/stat} cannot be read. */
    public static Times process() {
        try {
            return parse(Files.readString(STAT));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads fields 14-17 (utime, stime, cutime, cstime) of a {@code /proc/<pid>/stat} line. The command name
     * in parentheses may hold spaces and parentheses itself, so fields are counted from the last ')'.
     */
    static Times parse(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state), so field n is f[n - 3]
        return new Times(ticks(f[11]), ticks(f[12]), ticks(f[13]), ticks(f[14]));
    }

    private static long ticks(String field) {
        return Long.parseLong(field) * (1_000_000 / USER_HZ);
    }

    /** The calling thread's user and system time in microseconds, or null if the JVM does not measure it. */
    public static long[] currentThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return null;
        }
        long total = threads.getCurrentThreadCpuTime();
        long user = threads.getCurrentThreadUserTime();
        if (total < 0 || user < 0) {
            return null;
        }
        return new long[] {user / 1000, Math.max(0, total - user) / 1000};
    }

    /** Redis's {@code %ld.%06ld} of a timeval. */
    public static String seconds(long micros) {
        return micros / 1_000_000 + "." + String.format(java.util.Locale.ROOT, "%06d", micros % 1_000_000);
    }
}

package io.nioredis.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the process has used, for INFO cpu: user and system time of the process and of its waited-for
 * children from {@code /proc/self/stat} (Linux; elsewhere unknown), and of the calling thread, which for
 * INFO is the event loop, Redis's main thread. All of it is read from /proc, as the JVM's management beans
 * would read it: those bring some ninety classes of their own into the server (and into its class-data
 * archive, every page of which is resident), and a module into the jlink image.
 */
public final class ProcessCpu {
    /**
     * /proc reports times in USER_HZ ticks, which Linux fixes at 100 per second for user space on every
     * architecture it supports, whatever the kernel's internal tick rate.
     */
    private static final long USER_HZ = 100;
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");
    private static final Path THREAD_SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

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

    /**
     * The calling thread's user and system time in microseconds, or null where /proc does not tell them.
     * The total is the scheduler's, to the nanosecond ({@code schedstat}); it is split between user and
     * system in the ratio of the tick counts ({@code stat}), as the kernel's cputime_adjust splits it for
     * getrusage(RUSAGE_THREAD), which Redis reads.
     */
    public static long[] currentThread() {
        try {
            long totalNanos = Long.parseLong(Files.readString(THREAD_SCHEDSTAT).trim().split(" ")[0]);
            Times ticks = parse(Files.readString(THREAD_STAT));
            return split(totalNanos / 1000, ticks.userMicros(), ticks.systemMicros());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code totalMicros} shared as user:system ticks; all of it user time while no tick was counted. */
    static long[] split(long totalMicros, long userTicks, long systemTicks) {
        if (systemTicks == 0) {
            return new long[] {totalMicros, 0};
        }
        if (userTicks == 0) {
            return new long[] {0, totalMicros};
        }
        long system = (long) ((double) totalMicros * systemTicks / (userTicks + systemTicks));
        return new long[] {totalMicros - system, system};
    }

    /** Redis's {@code %ld.%06ld} of a timeval. */
    public static String seconds(long micros) {
        String fraction = Long.toString(1_000_000 + micros % 1_000_000); // 1 and six digits, zeros kept
        return micros / 1_000_000 + "." + fraction.substring(1);
    }
}

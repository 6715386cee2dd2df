package io.nioredis.server;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program from outside the build (redis-server, redis-cli, Debian's Python packages...)
 * call {@link #require}: on a developer's machine without it they are skipped, but where CI runs
 * (environment CI=true) a missing tool fails the test instead of letting it pass silently.
 */
public final class ExternalTools {
    private ExternalTools() {}

    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(what + " is missing, and CI must run this test: install it in .ci/run");
        }
        Assumptions.abort(what + " is not installed");
    }

    /**
     * The absolute path of a program on the PATH (redis-server, redis-cli, redis-benchmark), as
     * {@link #require} treats a missing one: skipped on a developer's machine, failed under CI.
     */
    public static String program(String name) {
        return program(name, "apt-get install redis-server redis-tools");
    }

    /** As {@link #program(String)}, for a program that {@code installation} provides. */
    public static String program(String name, String installation) {
        String found = find(name);
        require(found != null, name + " (" + installation + ")");
        return found;
    }

    private static String find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}

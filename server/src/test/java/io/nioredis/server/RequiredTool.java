package io.nioredis.server;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis tools some tests run (redis-server, redis-cli, redis-benchmark). On a developer's machine
 * without them those tests are skipped; where the environment variable CI is "true" (as CI runs its
 * tests) a missing tool fails the test, so that a CI machine that lost a package cannot pass by skipping.
 */
public final class RequiredTool {
    private RequiredTool() {}

    /** The tool's absolute path on the PATH; otherwise skips the calling test, or fails it under CI. */
    public static String require(String tool) {
        String path = find(tool);
        if (path != null) {
            return path;
        }
        String why = tool + " is not on the PATH (apt-get install redis-server redis-tools)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; CI=true, so this test fails instead of being skipped");
        }
        Assumptions.abort(why);
        return null;
    }

    private static String find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, tool);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}

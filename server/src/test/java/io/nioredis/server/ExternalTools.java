package io.nioredis.server;

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
}

package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * redis-py's Lock (Debian's python3-redis) against nioredis: acquire, extend, reacquire and release run as
 * EVALSHA scripts. Skipped where the module is missing, except in CI (env CI=true), where it must run.
 */
class RedisPyLockIT {
    private static final Path SCRIPT = Path.of("src", "test", "python", "redis_py_lock.py");

    /** Debian's module is installed for the system interpreter, which may not be the first python3 on PATH. */
    private static String pythonWithRedis() throws Exception {
        for (String python : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import redis").redirectErrorStream(true).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (java.io.IOException notThere) {
                // try the next
            }
        }
        return null;
    }

    @Test
    void lockAcquiresExtendsAndReleasesThroughScripts() throws Exception {
        String python = pythonWithRedis();
        ExternalTools.require(python != null, "python3 with the redis module (python3-redis)");
        try (TestServer server = TestServer.start()) {
            Path out = Files.createTempFile("redis-py-lock", ".log");
            out.toFile().deleteOnExit();
            Process p = new ProcessBuilder(python, SCRIPT.toString(), Integer.toString(server.port()))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("redis-py finished").isTrue();
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output.trim()).isEqualTo("OK");
        }
    }
}

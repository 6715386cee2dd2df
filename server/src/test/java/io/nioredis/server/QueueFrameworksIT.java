package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real job queues from Debian's packages (Celery with its Redis transport and result backend, RQ) enqueue
 * and process jobs against nioredis. Until every command they use exists, a run that fails only on unknown
 * commands is reported as waiting for those commands (the test is skipped with their names); any other
 * failure fails the test.
 */
class QueueFrameworksIT {
    /** Debian's interpreter, where python3-celery, python3-rq and python3-redis install their modules. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPTS = Path.of("src/test/python/queues");
    private static final Pattern UNKNOWN = Pattern.compile("unknown command '([^']+)'");
    private static final int JOBS = 200;

    @Test
    void rqProcessesEveryJob() throws Exception {
        runQueue("rq", "rq_run.py");
    }

    @Test
    void celeryProcessesEveryTask() throws Exception {
        runQueue("celery", "celery_run.py");
    }

    private static void runQueue(String module, String script) throws Exception {
        ExternalTools.require(pythonHas(module), "Debian's python3-" + module + " (" + PYTHON + ")");
        try (TestServer server = TestServer.start()) {
            ProcessBuilder pb = new ProcessBuilder(PYTHON, "-u", script, Integer.toString(server.port()),
                    Integer.toString(JOBS)).directory(SCRIPTS.toFile()).redirectErrorStream(true);
            pb.environment().put("PYTHONPATH", SCRIPTS.toAbsolutePath().toString());
            Path log = Files.createTempFile("queue-" + module, ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (finished && p.exitValue() == 0) {
                assertThat(output).contains("processed " + JOBS + " of " + JOBS);
                return;
            }
            Set<String> missing = new TreeSet<>();
            Matcher m = UNKNOWN.matcher(output);
            while (m.find()) {
                missing.add(m.group(1).toUpperCase(java.util.Locale.ROOT));
            }
            if (!missing.isEmpty()) {
                System.out.println(module + " waits for commands nioredis lacks: " + missing);
                Assumptions.abort(module + " needs " + missing);
            }
            fail(module + (finished ? " failed" : " timed out") + ":\n" + tail(output));
        }
    }

    private static boolean pythonHas(String module) {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import redis, " + module).redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }
}

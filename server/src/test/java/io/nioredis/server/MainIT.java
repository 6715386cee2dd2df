package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a process: flags, config file, start-up log, bad configuration, SIGTERM. */
class MainIT {
    private static Process start(String... args) throws IOException {
        return startWith(List.of(), args);
    }

    private static Process startWith(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        // Output goes to a file: the process's pipes close when it is destroyed, the file stays readable.
        Path log = Files.createTempFile("nioredis-main", ".log");
        log.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LOGS.put(p, log);
        return p;
    }

    private static final java.util.Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String output(Process p) throws IOException {
        return Files.readString(LOGS.get(p), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void badFlagsExitWithCodeOneAndRedisStyleMessage() throws Exception {
        Process p = start("--foo", "bar");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(p)).contains("FATAL CONFIG FILE ERROR").contains(">>> 'foo \"bar\"'")
                .contains("Bad directive or wrong number of arguments");

        p = start("--port", "abc");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(p)).contains("argument couldn't be parsed into an integer");

        p = start("--loglevel", "loud");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(p)).contains("argument(s) must be one of the following: debug, verbose, notice, warning");

        p = start("--port");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(p)).contains("wrong number of arguments");
    }

    /** As redis-server with a module that fails to load: the reason and "server aborting" logged, exit code 1. */
    @Test
    void aModuleToLoadStopsStartUpAsAModuleThatFailsToLoadStopsRedis(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("modules.conf");
        Files.writeString(conf, "port " + freePort() + "\nloadmodule /nonexist.so a b\n");
        Process p = start(conf.toString());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(p)).contains("# Module /nonexist.so failed to load: /nonexist.so: cannot open shared "
                + "object file: No such file or directory").contains("# Can't load module from /nonexist.so: server "
                + "aborting").doesNotContain("Ready to accept connections");
    }

    @Test
    void startsFromAConfigFileLogsAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path conf = dir.resolve("test.conf");
        Files.writeString(conf, "# a comment\nport 1\nbind 127.0.0.1\nloglevel notice\ndir \"" + dir + "\"\n");
        Process p = start(conf.toString(), "--port", Integer.toString(port));
        try {
            assertThat(answersPing(port)).as("server answered PING on the flag's port").isTrue();
        } finally {
            p.destroy(); // SIGTERM
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = output(p);
        assertThat(log).contains("nioredis version=").contains("port=" + port).contains("pid=" + p.pid())
                .contains("Ready to accept connections").contains("bye bye");
    }

    /** As Redis 7.0: written once the server listens (relative to dir), removed at shutdown. */
    @Test
    void pidfileHoldsTheProcessIdWhileTheServerRuns(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path pidfile = dir.resolve("nioredis.pid");
        Process p = start("--port", Integer.toString(port), "--save", "", "--dir", dir.toString(),
                "--pidfile", "nioredis.pid");
        try {
            assertThat(answersPing(port)).isTrue();
            assertThat(Files.readString(pidfile)).isEqualTo(p.pid() + "\n");
        } finally {
            p.destroy(); // SIGTERM
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pidfile).doesNotExist();
        assertThat(output(p)).contains("* Removing the pid file.");

        Process unwritable = start("--port", Integer.toString(port), "--save", "", "--pidfile",
                dir.resolve("no-such-dir").resolve("x.pid").toString());
        try {
            assertThat(answersPing(port)).as("a pid file it cannot write does not stop the server").isTrue();
        } finally {
            unwritable.destroy();
        }
        assertThat(unwritable.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output(unwritable)).doesNotContain("PID file").contains("* Removing the pid file.");
    }

    /**
     * oom-score-adj moves the process's own score by its role, as Redis's setOOMScoreAdj: raising a score
     * needs no privilege, so the values here only go up from the score the process inherited.
     */
    @Test
    void oomScoreAdjSetsTheProcessScoreForItsRole() throws Exception {
        int base = Integer.parseInt(Files.readString(Path.of("/proc/self/oom_score_adj")).strip());
        int port = freePort();
        Process p = start("--port", Integer.toString(port), "--save", "", "--oom-score-adj", "relative",
                "--oom-score-adj-values", "10", "20", "800");
        Path score = Path.of("/proc", Long.toString(p.pid()), "oom_score_adj");
        try {
            assertThat(answersPing(port)).isTrue();
            assertThat(Files.readString(score).strip()).isEqualTo(Integer.toString(Math.min(1000, base + 10)));
            try (RawConnection c = new RawConnection(port)) {
                c.command("CONFIG", "SET", "oom-score-adj-values", "900 950 1000");
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
                c.command("CONFIG", "SET", "oom-score-adj", "absolute");
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
                assertThat(Files.readString(score).strip()).isEqualTo("900");
                c.command("REPLICAOF", "127.0.0.1", Integer.toString(freePort()));
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
                assertThat(Files.readString(score).strip()).isEqualTo("950");
                c.command("REPLICAOF", "NO", "ONE");
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
                assertThat(Files.readString(score).strip()).isEqualTo("900");
                c.command("CONFIG", "SET", "oom-score-adj", "no");
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
                assertThat(Files.readString(score).strip()).isEqualTo(Integer.toString(base));
                c.command("CONFIG", "SET", "oom-score-adj-values", "1 2");
                assertThat(c.readReply()).isEqualTo("-ERR CONFIG SET failed (possibly related to argument "
                        + "'oom-score-adj-values') - wrong number of arguments\r\n");
                c.command("CONFIG", "SET", "oom-score-adj-values", "0 3000 1");
                assertThat(c.readReply()).isEqualTo("-ERR CONFIG SET failed (possibly related to argument "
                        + "'oom-score-adj-values') - Invalid oom-score-adj-values, elements must be between -2000 and "
                        + "2000.\r\n");
                c.command("CONFIG", "GET", "oom-score-adj-values");
                assertThat(c.readReply()).isEqualTo("*2\r\n$20\r\noom-score-adj-values\r\n$12\r\n900 950 1000\r\n");
            }
        } finally {
            p.destroy();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unknownDirectiveInFileNamesTheLineAsRedisDoes(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "port 7000\nbogus yes\n");
        Process p = start(conf.toString());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(p)).contains("Reading the configuration file, at line 2\n>>> 'bogus yes'");
    }

    @Test
    void aRequestThatRunsTheHeapOutClosesOnlyItsConnection() throws Exception {
        int port = freePort();
        Process p = startWith(List.of("-Xmx64m"), "--port", Integer.toString(port), "--save", "");
        try {
            assertThat(answersPing(port)).isTrue();
            try (RawConnection other = new RawConnection(port); RawConnection greedy = new RawConnection(port)) {
                other.command("SET", "kept", "v");
                assertThat(other.readReply()).isEqualTo("+OK\r\n");
                // A 400 MB string cannot fit a 64 MB heap; Redis, with no maxmemory, would allocate it.
                greedy.command("SETRANGE", "huge", "400000000", "x");
                assertThat(greedy.closedByServer()).isTrue();
                other.command("GET", "kept");
                assertThat(other.readReply()).isEqualTo("$1\r\nv\r\n");
                other.command("EXISTS", "huge");
                assertThat(other.readReply()).isEqualTo(":0\r\n");
            }
            assertThat(answersPing(port)).isTrue();
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroy();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output(p)).contains("closing it: java.lang.OutOfMemoryError");
    }

    private static boolean answersPing(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (RawConnection c = new RawConnection(port)) {
                c.send("PING\r\n");
                if (c.readReply().equals("+PONG\r\n")) {
                    return true;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}

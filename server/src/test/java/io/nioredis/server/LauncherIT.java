package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/nioredis-server} as a user runs it, on the jar and class-data archive the
 * package phase built (integration tests run after it, in the server module's directory).
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "nioredis-server").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "nioredis-server.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void versionAndHelpAsRedisServer() throws Exception {
        Result version = run(LAUNCHER, Map.of(), "--version");
        assertThat(version.exit).isZero();
        assertThat(version.out).startsWith("nioredis server v=").contains("redis-compat=7.0.15");

        Result help = run(LAUNCHER, Map.of(), "--help");
        assertThat(help.exit).isZero();
        assertThat(help.err).startsWith("Usage: nioredis-server [/path/to/nioredis.conf] [options]")
                .contains("nioredis-server -v or --version");
    }

    @Test
    void scriptsRecurseAsDeepAsRedissLuaAllowsUnderTheLaunchersSmallThreadStacks() throws Exception {
        int port = freePort();
        Process server = start(LAUNCHER, Map.of(), "--port", Integer.toString(port), "--dir", dir.toString());
        try (RawConnection client = connect(server, port)) {
            // The first script after start-up, so luaj still runs interpreted, with its largest frames.
            client.command("EVAL", "local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end"
                    + " return f(19998)", "0");
            assertThat(client.readReply()).isEqualTo(":19998\r\n");
            client.command("EVAL", "return #cjson.encode(cjson.decode(string.rep('[', 1000) .. string.rep(']', 1000)))",
                    "0");
            assertThat(client.readReply()).isEqualTo(":2000\r\n");
            client.command("EVAL", "return cjson.decode(string.rep('[', 1001) .. string.rep(']', 1001))", "0");
            assertThat(client.readReply()).startsWith("-ERR user_script:1: Found too many nested data structures (1001)");
        }
    }

    @Test
    void configFileThenFlagsThatOverrideIt() throws Exception {
        int filePort = freePort();
        int flagPort = freePort();
        Path log = dir.resolve("server.log");
        Path conf = Files.writeString(dir.resolve("test.conf"),
                "port " + filePort + "\nbind 127.0.0.1\nloglevel verbose\nlogfile \"" + log + "\"\ndir \"" + dir
                        + "\"\n");
        Process server = start(LAUNCHER, Map.of(), conf.toString(), "--port", Integer.toString(flagPort));
        try (RawConnection client = connect(server, flagPort)) {
            client.command("CONFIG", "GET", "port");
            assertThat(client.readReply()).isEqualTo("*2\r\n$4\r\nport\r\n$" + Integer.toString(flagPort).length()
                    + "\r\n" + flagPort + "\r\n");
            client.command("CONFIG", "GET", "loglevel");
            assertThat(client.readReply()).isEqualTo("*2\r\n$8\r\nloglevel\r\n$7\r\nverbose\r\n");
        }
        assertThat(Files.readString(log)).contains("Ready to accept connections");
    }

    @Test
    void unknownDirectiveNamesItsLineAndExitsWithOne() throws Exception {
        Path conf = Files.writeString(dir.resolve("bad.conf"), "port 7000\nmaxmemroy 1gb\n");
        Result result = run(LAUNCHER, Map.of(), conf.toString());
        assertThat(result.exit).isEqualTo(1);
        assertThat(result.err).contains("*** FATAL CONFIG FILE ERROR")
                .contains("Reading the configuration file, at line 2")
                .contains(">>> 'maxmemroy 1gb'")
                .contains("Bad directive or wrong number of arguments");
    }

    @Test
    void serverClassesComeFromTheBuildArchive() throws Exception {
        Result result = run(LAUNCHER, Map.of("JAVA_OPTS", "-Xlog:class+load"), "--version");
        assertThat(result.exit).isZero();
        assertThat(result.out).contains("io.nioredis.server.Main source: shared objects file");
    }

    @Test
    void theWayToTheFirstReplyLinksNoLambdaOfOursCompilesNoRegexAndLeavesTheJarClosed() throws Exception {
        // What made start-up slow, each measured in the README's Footprint section: on JDK 17 every lambda
        // or method reference linked costs ~0.2 ms interpreted, compiling the first regex loads the regex
        // engine, and opening the jar reads its central directory (all classes come from the archive).
        int port = freePort();
        Path out = dir.resolve("trace.txt");
        Process server = command(LAUNCHER, Map.of("JAVA_OPTS",
                "-Xlog:class+load -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
                "--port", Integer.toString(port), "--dir", dir.toString())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("server-err.txt").toFile())
                .start();
        started.add(server);
        try (RawConnection client = connect(server, port)) {
            client.command("PING");
            assertThat(client.readReply()).isEqualTo("+PONG\r\n");
        }
        String trace = Files.readString(out);
        if (Runtime.version().feature() < 25) { // JDK 25's AOT cache links the JDK's own call sites ahead
            assertThat(trace).as("the trace is on").contains("linkCallSite java.");
        }
        assertThat(trace).doesNotContain("linkCallSite io.nioredis")
                .doesNotContain("java.util.regex.Pattern source")
                .doesNotContain("URLClassPath$JarLoader source")
                .doesNotContain("source: file:");
    }

    @Test
    void hugePagesAskedForExactlyWhereTheKernelGivesThemOnRequest() throws Exception {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
        Result result = run(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(result.exit).isZero();
        assertThat(result.out).containsPattern("UseTransparentHugePages +=  *" + madvise + " ");
    }

    @Test
    void nativeHeapTrimmedEverySecondWhereTheJdkCanDoIt() throws Exception {
        Runtime.Version v = Runtime.version();
        boolean musl;
        try (var loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            musl = loaders.iterator().hasNext();
        }
        boolean supported = !musl && (v.feature() >= 22 || (v.feature() == 21 && v.update() >= 1)
                || (v.feature() == 17 && v.update() >= 9));
        Result result = run(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(result.exit).isZero();
        if (supported) {
            assertThat(result.out).containsPattern("TrimNativeHeapInterval += 1000 ");
        } else {
            assertThat(result.out).doesNotContainPattern("TrimNativeHeapInterval += [1-9]");
        }
    }

    @Test
    void printsItsJvmFlagsForTheBenchToolsWithoutStartingAServer() throws Exception {
        Result result = run(LAUNCHER, Map.of("NIOREDIS_PRINT_JVM_FLAGS", "1"), "--port", "1");
        assertThat(result.exit).isZero();
        assertThat(result.out.trim()).startsWith("-XX:+UseSerialGC ").doesNotContain("SharedArchiveFile", "AOTCache")
                .doesNotContain("\n");
    }

    @Test
    void aCollectorNamedInJavaOptsReplacesTheSerialOne() throws Exception {
        // The JVM refuses two collectors: without the launcher stepping aside this would not start.
        Result result = run(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+UseG1GC -XX:+PrintFlagsFinal"), "--version");
        assertThat(result.exit).as(result.err).isZero();
        assertThat(result.out).containsPattern("UseG1GC += true ").containsPattern("UseSerialGC += false ")
                .contains("nioredis server v=");
        Result serial = run(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+UseSerialGC -XX:+PrintFlagsFinal"), "--version");
        assertThat(serial.out).as("naming the serial collector keeps its sizing")
                .containsPattern("MaxNewSize += 8388608 ");
    }

    @Test
    void archiveMadeForAnotherJarIsNotHandedToTheJvm() throws Exception {
        // A copy of the installation elsewhere: the archive's key names the original jar, so the launcher
        // must start without it (the JVM would otherwise refuse it, on some JDKs with all sharing off).
        Path bin = Files.createDirectories(dir.resolve("copy/bin"));
        Path lib = Files.createDirectories(dir.resolve("copy/lib"));
        Files.copy(LAUNCHER, bin.resolve("nioredis-server"));
        Files.copy(JAR, lib.resolve("nioredis-server.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String sidecar : new String[] {"nioredis-server.jsa", "nioredis-server.jsa.key"}) {
            Files.copy(JAR.resolveSibling(sidecar), lib.resolve(sidecar));
        }
        Result result = run(bin.resolve("nioredis-server"), Map.of("JAVA_OPTS", "-Xlog:class+load"), "--version");
        assertThat(result.exit).isZero();
        assertThat(result.out).contains("nioredis server v=")
                .contains("io.nioredis.server.Main source: file:")
                .contains("java.lang.Object source: shared objects file"); // the JDK's own archive still serves
    }

    private record Result(int exit, String out, String err) {}

    private Result run(Path launcher, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = command(launcher, env, args)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = builder.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private Process start(Path launcher, Map<String, String> env, String... args) throws IOException {
        Process p = command(launcher, env, args)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("server-err.txt").toFile())
                .start();
        started.add(p);
        return p;
    }

    private static ProcessBuilder command(Path launcher, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_OPTS");
        // The JDK running the tests is the one the build made the archive with.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Connects once the server listens; fails if it exits first or takes more than 20 s. */
    private RawConnection connect(Process server, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            assertThat(server.isAlive()).as("server running; stderr: %s", Files.readString(dir.resolve("server-err.txt")))
                    .isTrue();
            try {
                return new RawConnection(port);
            } catch (IOException notYet) {
                assertThat(System.nanoTime()).as("server listening within 20 s").isLessThan(deadline);
                Thread.sleep(20); // waiting for another process to start listening, not for time to pass
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

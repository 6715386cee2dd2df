package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a server loads only when a client first needs it, read from the JVM's own class-loading log of a
 * server process: the Lua engine with the first script, a command's class with its first call, so that
 * neither costs start-up time or memory before a client asks for it.
 */
class ClassLoadingIT {

    @Test
    void theLuaEngineLoadsOnlyWithTheFirstScript() throws Exception {
        try (LoggedServer server = LoggedServer.start(); RawConnection conn = server.connect()) {
            assertThat(conn.command("SET", "k", "v").readReply()).isEqualTo("+OK\r\n");
            assertThat(conn.command("INFO", "memory").readReply()).contains("used_memory_lua:0\r\n");
            assertThat(conn.command("SCRIPT", "EXISTS", "a").readReply()).isEqualTo("*1\r\n:0\r\n");
            assertThat(server.classLog()).doesNotContain("org.luaj");
            assertThat(conn.command("EVAL", "return redis.call('get', KEYS[1])", "1", "k").readReply())
                    .isEqualTo("$1\r\nv\r\n");
            assertThat(server.classLog()).contains("org.luaj");
        }
    }

    @Test
    void aCommandsClassLoadsWithItsFirstCall() throws Exception {
        String geoadd = "io.nioredis.command.geo.GeoaddCommand ";
        String geosearch = "io.nioredis.command.geo.GeoSearchCommand ";
        try (LoggedServer server = LoggedServer.start(); RawConnection conn = server.connect()) {
            assertThat(conn.command("PING").readReply()).isEqualTo("+PONG\r\n");
            assertThat(conn.command("COMMAND", "INFO", "GEOADD").readReply()).contains("geoadd");
            assertThat(server.classLog()).doesNotContain(geoadd).doesNotContain(geosearch);
            assertThat(conn.command("GEOADD", "places", "13.361389", "38.115556", "Palermo").readReply())
                    .isEqualTo(":1\r\n");
            assertThat(server.classLog()).contains(geoadd).doesNotContain(geosearch);
        }
    }

    /** A server process started with {@code -verbose:class}, its output in a temporary file. */
    private static final class LoggedServer implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;

        private LoggedServer(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static LoggedServer start() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Files.createTempFile("nioredis-classes", ".log");
            log.toFile().deleteOnExit();
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new LoggedServer(p, log, port);
        }

        /** A connection once the server accepts one (within 20 s). */
        RawConnection connect() throws IOException, InterruptedException {
            long deadline = System.currentTimeMillis() + 20_000;
            while (true) {
                try {
                    return new RawConnection(port);
                } catch (IOException e) {
                    if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                        throw new IOException("the server did not start on port " + port, e);
                    }
                    Thread.sleep(50);
                }
            }
        }

        String classLog() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

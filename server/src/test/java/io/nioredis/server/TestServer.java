package io.nioredis.server;

import io.nioredis.store.Clock;
import io.nioredis.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import redis.clients.jedis.Jedis;

/**
 * A real server on an ephemeral loopback port, running its event loop on its own thread, for integration
 * tests: {@code try (TestServer server = TestServer.start()) { ... }}.
 */
public final class TestServer implements AutoCloseable {
    private final Server server;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    private TestServer(Config config, Clock clock) throws IOException {
        Log log = new Log(new PrintStream(logs, true), Log.WARNING);
        server = new Server(config, clock, log).start();
    }

    /** Starts with default settings on port 0; {@code settings} are name/value pairs as for CONFIG SET. */
    public static TestServer start(String... settings) throws IOException {
        return start(Clock.SYSTEM, settings);
    }

    public static TestServer start(Clock clock, String... settings) throws IOException {
        Config config = new Config();
        config.set("port", "0");
        config.set("bind", "127.0.0.1");
        // Each server its own directory, so no test loads a snapshot another one left behind.
        config.set("dir", scratchDirectory());
        for (int i = 0; i < settings.length; i += 2) {
            String problem = config.set(settings[i], settings[i + 1]);
            if (problem != null) {
                throw new IllegalArgumentException(settings[i] + ": " + problem);
            }
        }
        return new TestServer(config, clock);
    }

    private static String scratchDirectory() throws IOException {
        java.io.File dir = java.nio.file.Files.createTempDirectory("nioredis-it").toFile();
        dir.deleteOnExit();
        return dir.toString();
    }

    /**
     * Starts as {@code nioredis-server FILE [--flag value ...]} would, so CONFIG REWRITE has a file; the
     * file should say {@code port 0}.
     */
    public static TestServer fromFile(java.nio.file.Path file, String... flags) throws IOException {
        String[] args = new String[flags.length + 1];
        args[0] = file.toString();
        System.arraycopy(flags, 0, args, 1, flags.length);
        try {
            return new TestServer(ServerConfig.parse(args), Clock.SYSTEM);
        } catch (ServerConfig.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public int port() {
        return server.port();
    }

    public Server server() {
        return server;
    }

    public Jedis jedis() {
        return new Jedis("127.0.0.1", port(), 5000);
    }

    public RawConnection raw() throws IOException {
        return new RawConnection(port());
    }

    public String logs() {
        return logs.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}

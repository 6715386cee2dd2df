package io.nioredis.server.twemproxy;

import io.nioredis.server.ExternalTools;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * twemproxy (Debian's {@code nutcracker}) started from the repository's configuration,
 * {@code bench/twemproxy/nutcracker.yml}, with its listen address and its three servers' addresses replaced
 * by the ports of the servers under test, and its stats port answering on loopback.
 */
final class Nutcracker implements AutoCloseable {
    /** The configuration the README and the bench script use; tests run from the server module's folder. */
    static final Path CONFIGURATION = Path.of("..", "bench", "twemproxy", "nutcracker.yml");
    static final String POOL = "nioredis";
    static final List<String> SERVER_NAMES = List.of("nioredis-1", "nioredis-2", "nioredis-3");

    private static final String LISTEN = "127.0.0.1:22121";
    private static final List<String> SERVERS = List.of("127.0.0.1:6380", "127.0.0.1:6381", "127.0.0.1:6382");

    private final Process process;
    private final Path directory;
    private final int port;
    private final int statsPort;

    private Nutcracker(Process process, Path directory, int port, int statsPort) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.statsPort = statsPort;
    }

    /** Starts the proxy in front of servers on {@code serverPorts} (three) and waits until it accepts. */
    static Nutcracker start(int... serverPorts) throws IOException, InterruptedException {
        return start(List.of(), serverPorts);
    }

    /** As {@link #start(int...)}, with settings added to the pool's (e.g. {@code redis_auth: secret}). */
    static Nutcracker start(List<String> poolSettings, int... serverPorts) throws IOException, InterruptedException {
        String program = program();
        String configuration = Files.readString(CONFIGURATION);
        StringBuilder added = new StringBuilder("  redis: true\n");
        poolSettings.forEach(setting -> added.append("  ").append(setting).append('\n'));
        configuration = replaceOnce(configuration, "  redis: true\n", added.toString());
        int port = freePort();
        int statsPort = freePort();
        configuration = replaceOnce(configuration, LISTEN, "127.0.0.1:" + port);
        for (int i = 0; i < SERVERS.size(); i++) {
            configuration = replaceOnce(configuration, SERVERS.get(i), "127.0.0.1:" + serverPorts[i]);
        }
        Path directory = Files.createTempDirectory("nutcracker");
        Path file = directory.resolve("nutcracker.yml");
        Files.writeString(file, configuration);
        Path log = directory.resolve("nutcracker.log");
        // Stats aggregated every 100 ms rather than every 30 s, so a test reads them soon after its load.
        Process process = new ProcessBuilder(program, "-c", file.toString(), "-o", log.toString(),
                "-s", Integer.toString(statsPort), "-a", "127.0.0.1", "-i", "100")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nutcracker.out").toFile())
                .start();
        Nutcracker proxy = new Nutcracker(process, directory, port, statsPort);
        try {
            proxy.awaitListening();
        } catch (IOException | RuntimeException | InterruptedException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    /** Debian installs the daemon in /usr/sbin, which a non-root user's PATH may not hold. */
    private static String program() {
        File sbin = new File("/usr/sbin/nutcracker");
        if (sbin.canExecute()) {
            return sbin.getPath();
        }
        return ExternalTools.program("nutcracker", "apt-get install nutcracker");
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException(CONFIGURATION + " should name " + target + " exactly once");
        }
        return text.replace(target, replacement);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nutcracker exited with " + process.exitValue() + ": " + log());
            }
            if (log().contains("nutcracker-0.5") && accepts(port) && accepts(statsPort)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nutcracker did not start: " + log());
            }
            Thread.sleep(20);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    /** Its log: the start line, and a line for every error it met on a server connection. */
    String log() throws IOException {
        Path log = directory.resolve("nutcracker.log");
        String out = Files.readString(directory.resolve("nutcracker.out"));
        return (Files.exists(log) ? Files.readString(log) : "") + out;
    }

    /** The pool's stats as the stats port gives them: one JSON document, the pool's object under its name. */
    JSONObject poolStats() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", statsPort)) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new JSONObject(json).getJSONObject(POOL);
        }
    }

    /** A counter summed over the three servers (requests, server_err...). */
    static long sumOverServers(JSONObject pool, String counter) {
        long sum = 0;
        for (String name : SERVER_NAMES) {
            sum += pool.getJSONObject(name).getLong(counter);
        }
        return sum;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}

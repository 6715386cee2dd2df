package io.nioredis.server.differential;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, for comparing replies. Redis
 * cannot bind port 0, so a free port is found by binding one briefly first (and retried if lost).
 */
final class RedisServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one; {@code extraArguments} are further redis-server flags, e.g. {@code --enable-debug-command yes}. */
    static RedisServerProcess start(String... extraArguments) throws IOException, InterruptedException {
        return start((java.nio.file.Path) null, extraArguments);
    }

    /**
     * Starts one from {@code configFile} (which CONFIG REWRITE then rewrites), the flags of {@link #start}
     * overriding it.
     */
    static RedisServerProcess start(java.nio.file.Path configFile, String... extraArguments)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            // A directory of its own: Redis loads any dump.rdb in its working directory at start, and a
            // file another test left there would put keys into a server that must start empty.
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("redis-server");
            dir.toFile().deleteOnExit();
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("redis-server"));
            if (configFile != null) {
                command.add(configFile.toString());
            }
            command.addAll(java.util.List.of("--port",
                    Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--daemonize", "no", "--loglevel", "warning", "--dir", dir.toString()));
            command.addAll(java.util.List.of(extraArguments));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            RedisServerProcess server = new RedisServerProcess(p, port);
            try {
                server.awaitReady();
                return server;
            } catch (IOException e) {
                last = e;
                server.close();
            }
        }
        throw last;
    }

    int port() {
        return port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue());
            }
            try (RespConnection c = new RespConnection(port)) {
                if ("PONG".equals(c.call("PING").text())) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(20); // waiting for another process to listen, not for time to pass in a test
            }
        }
        throw new IOException("redis-server did not answer PING on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
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
            process.destroyForcibly();
        }
    }
}

package io.nioredis.server.sentinel;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.Main;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * One data server Sentinel monitors, in a process of its own so the test can SIGKILL it: nioredis (the
 * server under test) or a real redis-server (the same harness run against Redis, to know the harness is
 * sound and to compare failover times). Each starts from a config file in its own directory, because
 * Sentinel sends CONFIG REWRITE with every SLAVEOF it gives.
 */
final class DataNode implements AutoCloseable {
    enum Kind { NIOREDIS, REDIS }

    private final Kind kind;
    private final Path dir;
    private final int port;
    private final Process process;

    private DataNode(Kind kind, Path dir, int port, Process process) {
        this.kind = kind;
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static DataNode start(Kind kind, Path parent, String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(parent.resolve(name));
        int port = freePort();
        Path config = dir.resolve("server.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "save \"\"",
                "appendonly no",
                "dir " + dir,
                "loglevel notice",
                "logfile " + dir.resolve("server.log"),
                ""), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        if (kind == Kind.REDIS) {
            command.add(ExternalTools.program("redis-server"));
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.add(config.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        DataNode node = new DataNode(kind, dir, port, process);
        node.awaitPing();
        return node;
    }

    int port() {
        return port;
    }

    String name() {
        return kind + "@" + port;
    }

    Jedis connect() {
        return new Jedis("127.0.0.1", port, 5000);
    }

    /** REPLICAOF the given master, as an operator would before handing the set to Sentinel. */
    void replicaOf(DataNode master) {
        try (Jedis j = connect()) {
            j.replicaof("127.0.0.1", master.port());
        }
    }

    /** The value of one INFO field, or null. */
    String info(String section, String field) {
        try (Jedis j = connect()) {
            return InfoFields.field(j.info(section), field);
        }
    }

    /** SIGKILL: no chance to flush anything to its replicas or to answer anyone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String logTail() {
        return LogFiles.tail(dir.resolve("server.log"), 40);
    }

    private void awaitPing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name() + " exited with " + process.exitValue() + ":\n" + logTail()
                        + LogFiles.tail(dir.resolve("stdout.log"), 40));
            }
            try (Jedis j = connect()) {
                if ("PONG".equals(j.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(20); // waiting for another process to listen, not for time to pass in a test
            }
        }
        throw new IOException(name() + " did not answer PING:\n" + logTail());
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
    }
}

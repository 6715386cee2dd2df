package io.nioredis.server.sentinel;

import io.nioredis.server.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A real redis-sentinel (Redis 7.0's) watching one master, in a directory of its own: Sentinel rewrites its
 * config file with every change it learns, so no two may share one. Timings are short so a failover fits in
 * a test: down after one second, a failover that stalls is retried after a few.
 */
final class SentinelProcess implements AutoCloseable {
    static final String MASTER_NAME = "mymaster";

    private final Path dir;
    private final int port;
    private final Process process;

    private SentinelProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static SentinelProcess start(Path parent, String name, DataNode master, int quorum)
            throws IOException, InterruptedException {
        String program = ExternalTools.program("redis-sentinel", "apt-get install redis-sentinel");
        Path dir = Files.createDirectories(parent.resolve(name));
        int port = DataNode.freePort();
        Path config = dir.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "daemonize no",
                "dir " + dir,
                "loglevel verbose",
                "logfile " + dir.resolve("sentinel.log"),
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " " + quorum,
                "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                "sentinel failover-timeout " + MASTER_NAME + " 4000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(program, config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        SentinelProcess sentinel = new SentinelProcess(dir, port, process);
        sentinel.awaitPing();
        return sentinel;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** SENTINEL MASTER's fields: num-slaves, num-other-sentinels, flags... */
    Map<String, String> master() {
        try (Jedis j = connect()) {
            return j.sentinelMaster(MASTER_NAME);
        }
    }

    /** The port SENTINEL GET-MASTER-ADDR-BY-NAME gives now. */
    int masterPort() {
        try (Jedis j = connect()) {
            List<String> addr = j.sentinelGetMasterAddrByName(MASTER_NAME);
            return Integer.parseInt(addr.get(1));
        }
    }

    String log() {
        try {
            Path log = dir.resolve("sentinel.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String logTail() {
        return LogFiles.tail(dir.resolve("sentinel.log"), 60);
    }

    private Jedis connect() {
        return new Jedis("127.0.0.1", port, 5000);
    }

    private void awaitPing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-sentinel exited with " + process.exitValue() + ":\n" + logTail()
                        + LogFiles.tail(dir.resolve("stdout.log"), 20));
            }
            try (Jedis j = connect()) {
                if ("PONG".equals(j.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(20); // waiting for another process to listen, not for time to pass in a test
            }
        }
        throw new IOException("redis-sentinel did not answer PING:\n" + logTail());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

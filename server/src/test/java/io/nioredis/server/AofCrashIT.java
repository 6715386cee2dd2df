package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash safety, proved the hard way: the real server runs as a child process with {@code appendonly yes}
 * while a writer sends SET, INCR and RPUSH and records each acknowledged write; the process is killed with
 * SIGKILL at a random moment (at times just after a BGREWRITEAOF or BGSAVE was asked for, and the small
 * auto-rewrite threshold makes rewrites frequent), restarted on the same directory, and checked. With
 * {@code appendfsync always} every acknowledged write must be there; with {@code everysec} only writes
 * acknowledged in the last two seconds before the kill may be missing. Every restart must succeed (a
 * torn last command is cut off as {@code aof-load-truncated yes} does) and the data must be a prefix of
 * what was sent: nothing invented, nothing out of order.
 *
 * <p>A SIGKILL ends the process, not the machine: what was written to the file survives in the page cache
 * even unsynced, so this proves the write-before-reply order and the file handling, not the fsync itself.
 */
class AofCrashIT {
    private static final int KILLS_ALWAYS = Integer.getInteger("aofcrash.kills.always", 10);
    private static final int KILLS_EVERYSEC = Integer.getInteger("aofcrash.kills.everysec", 4);

    /** What the writer sent and what the server acknowledged, write by write. */
    private static final class History {
        long nextOp;
        /** Acknowledgement time of each op number, or 0 if it was sent but not acknowledged. */
        final List<Long> ackedAt = new ArrayList<>();
        long acknowledged;
    }

    private long kills;
    private long killsMidRewrite;
    private long killsMidBgsave;
    private long checked;
    private long lost;

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        long seed = Long.getLong("aofcrash.seed", new Random().nextLong());
        System.out.println("AofCrashIT seed " + seed);
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("nioredis-aof-crash");
        History history = new History();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(55);
        try {
            for (int round = 0; round < KILLS_ALWAYS + KILLS_EVERYSEC && System.nanoTime() < deadline; round++) {
                String fsync = round < KILLS_ALWAYS ? "always" : "everysec";
                int logLines = logLines(dir);
                current = start(dir, fsync);
                int port = awaitPort(current, dir, logLines);
                verify(port, history, fsync, lastKillMillis, seed);
                if (round == 0) {
                    ballast(port);
                }
                lastKillMillis = writeAndKill(current, port, history, random, dir);
            }
            int logLines = logLines(dir);
            current = start(dir, "everysec");
            int port = awaitPort(current, dir, logLines);
            verify(port, history, "everysec", lastKillMillis, seed);
            current.destroy();
            current.waitFor(10, TimeUnit.SECONDS);
        } finally {
            if (current != null && current.isAlive()) {
                current.destroyForcibly(); // a failed check must not leave a server behind
            }
        }
        System.out.println("AofCrashIT: kills " + kills + " (" + killsMidRewrite + " mid-rewrite, " + killsMidBgsave
                + " mid-BGSAVE), writes acknowledged " + history.acknowledged + ", acknowledged writes checked after"
                + " restarts " + checked + ", lost " + lost);
        assertThat(kills).isGreaterThanOrEqualTo(3);
        assertThat(history.acknowledged).isPositive();
    }

    private long lastKillMillis;
    private Process current;
    private volatile AssertionError writerFailure;

    private Process start(Path dir, String fsync) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "",
                "--appendonly", "yes", "--appendfsync", fsync, "--aof-load-truncated", "yes",
                "--auto-aof-rewrite-percentage", "100", "--auto-aof-rewrite-min-size", "64kb",
                "--loglevel", "notice", "--logfile", dir.resolve("server.log").toString()));
        // Port 0: the log says which port was bound.
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
    }

    private static int logLines(Path dir) throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).size() : 0;
    }

    /**
     * The port from the start-up log line this run wrote after line {@code from}; fails if the server exits
     * instead (it must always start).
     */
    private static int awaitPort(Process server, Path dir, int from) throws Exception {
        Path log = dir.resolve("server.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server starts after a kill; its log:\n%s", tail(dir)).isTrue();
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= from; i--) {
                    String line = lines.get(i);
                    if (line.contains("Running mode=standalone, port=")) {
                        int at = line.indexOf("port=") + 5;
                        int end = at;
                        while (end < line.length() && Character.isDigit(line.charAt(end))) {
                            end++;
                        }
                        int port = Integer.parseInt(line.substring(at, end));
                        if (lines.subList(i, lines.size()).stream().anyMatch(l -> l.contains("Ready to accept"))) {
                            return port;
                        }
                        break;
                    }
                }
            }
            Thread.sleep(20); // waiting for another process to start, not for time to pass in a test
        }
        throw new AssertionError("the server did not start in time; its log:\n" + tail(dir));
    }

    private static String tail(Path dir) throws IOException {
        Path log = dir.resolve("server.log");
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /**
     * Writes one op after another until the killer (this thread, after a random delay) kills the server;
     * returns the time of the kill.
     */
    private long writeAndKill(Process server, int port, History history, Random random, Path dir)
            throws Exception {
        long delay = 150 + random.nextInt(900);
        int extra = random.nextInt(4); // 0: nothing, 1: BGREWRITEAOF, 2: BGSAVE, 3: both, shortly before the kill
        long extraAfter = random.nextInt((int) delay);
        Thread writer = new Thread(() -> {
            try (RawConnection c = new RawConnection(port)) {
                while (true) {
                    long op = history.nextOp;
                    history.ackedAt.add(0L);
                    history.nextOp++;
                    c.command(command(op));
                    String reply = c.readReply();
                    if (reply.startsWith("-")) {
                        throw new AssertionError("write " + op + " refused: " + reply);
                    }
                    history.ackedAt.set((int) op, System.currentTimeMillis());
                    history.acknowledged++;
                }
            } catch (IOException killed) {
                // the server is gone: the write in flight was sent, maybe applied, never acknowledged
            } catch (AssertionError refused) {
                writerFailure = refused;
            }
        }, "aof-crash-writer");
        writer.start();
        Thread.sleep(extraAfter); // a random moment in the writing, chosen by the seed
        if (extra != 0) {
            try (RawConnection admin = new RawConnection(port)) {
                if ((extra & 2) != 0 && extra == 3 && random.nextBoolean()) {
                    admin.command("BGSAVE"); // first, so the rewrite is scheduled behind it
                    assertThat(admin.readReply()).matches( // an automatic rewrite may be running: Redis refuses
                            "\\+Background saving started\r\n"
                            + "|-ERR Another child process is active \\(AOF\\?\\): can't BGSAVE right now\\. .*\r\n");
                    extra = 1;
                }
                if ((extra & 1) != 0) {
                    admin.command("BGREWRITEAOF");
                    assertThat(admin.readReply()).matches( // an automatic rewrite may be running already
                            "\\+Background append only file rewriting (started|scheduled)\r\n"
                            + "|-ERR Background append only file rewriting already in progress\r\n");
                }
                if ((extra & 2) != 0) {
                    admin.command("BGSAVE", "SCHEDULE");
                    assertThat(admin.readReply()).startsWith("+Background saving");
                }
            }
        }
        // Right after asking for a rewrite or a save, so the kill often lands while it writes its file.
        Thread.sleep(extra != 0 ? random.nextInt(40) : delay - extraAfter);
        server.destroyForcibly(); // SIGKILL
        long killedAt = System.currentTimeMillis();
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        writer.join(10_000);
        if (writerFailure != null) {
            throw writerFailure;
        }
        kills++;
        // What the kill interrupted shows in the temporary files it left: counted, then cleared away.
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("temp-rewriteaof-")) { // the base being written, or written and not yet moved
                    killsMidRewrite++;
                    Files.delete(f);
                } else if (name.startsWith("temp-") && name.endsWith(".rdb")) {
                    killsMidBgsave++;
                    Files.delete(f);
                }
            }
        }
        return killedAt;
    }

    private static final int BALLAST_KEYS = 100;
    private static final int BALLAST_BYTES = 64 * 1024;

    /** Some megabytes of big values, so a rewrite or a save takes long enough to be killed in the middle. */
    private static void ballast(int port) throws IOException {
        // Letters from a generator seeded by the port: their exact values do not matter, their size does.
        try (RawConnection c = new RawConnection(port)) {
            Random letters = new Random(port);
            for (int i = 0; i < BALLAST_KEYS; i++) {
                StringBuilder value = new StringBuilder(BALLAST_BYTES);
                for (int j = 0; j < BALLAST_BYTES; j++) {
                    value.append((char) ('a' + letters.nextInt(26))); // incompressible enough for LZF
                }
                c.command("SET", "ballast:" + i, value.toString());
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
            }
        }
    }

    /** Op {@code n}: a SET of its own key, an INCR of the one counter, or an RPUSH of n onto the one list. */
    private static String[] command(long n) {
        return switch ((int) (n % 3)) {
            case 0 -> new String[] {"SET", "key:" + n, Long.toString(n)};
            case 1 -> new String[] {"INCR", "counter"};
            default -> new String[] {"RPUSH", "list", Long.toString(n)};
        };
    }

    /**
     * After a restart: the data must be exactly the effect of ops 0..k-1 for some k, with every op that was
     * acknowledged (always) or acknowledged more than two seconds before the kill (everysec) within it.
     * The history is then cut back to what the server really has.
     */
    private void verify(int port, History history, String fsync, long killedAt, long seed) throws IOException {
        try (RawConnection c = new RawConnection(port)) {
            c.command("LRANGE", "list", "0", "-1");
            List<String> list = elements(c.readReply());
            c.command("GET", "counter");
            String counterReply = c.readReply();
            long counter = counterReply.startsWith("$-1") ? 0 : Long.parseLong(counterReply.split("\r\n")[1]);
            if (kills > 0) {
                for (int i = 0; i < BALLAST_KEYS; i++) {
                    c.command("STRLEN", "ballast:" + i);
                    assertThat(c.readReply()).as("seed %d: ballast:%d", seed, i).isEqualTo(":" + BALLAST_BYTES + "\r\n");
                }
            }
            // The list holds the RPUSH ops in order, so it tells how far the data reaches.
            for (int i = 0; i < list.size(); i++) {
                assertThat(Long.parseLong(list.get(i))).as("seed %d: list element %d", seed, i).isEqualTo(3L * i + 2);
            }
            long present = 0;
            for (long op = 0; op < history.nextOp; op++) {
                boolean there;
                switch ((int) (op % 3)) {
                    case 0 -> {
                        c.command("GET", "key:" + op);
                        there = c.readReply().equals("$" + Long.toString(op).length() + "\r\n" + op + "\r\n");
                    }
                    case 1 -> there = op / 3 < counter;
                    default -> there = op / 3 < list.size();
                }
                if (there) {
                    present = op + 1;
                }
                long acked = history.ackedAt.get((int) op);
                if (acked == 0) {
                    continue;
                }
                checked++;
                if (!there) {
                    lost++;
                    assertThat(fsync).as("seed %d: op %d acknowledged and lost with appendfsync always", seed, op)
                            .isEqualTo("everysec");
                    assertThat(killedAt - acked).as("seed %d: op %d lost though acknowledged %d ms before the kill",
                            seed, op, killedAt - acked).isLessThanOrEqualTo(2500);
                }
            }
            // A prefix: every op before the last one present is present too.
            for (long op = 0; op < present; op++) {
                boolean there = switch ((int) (op % 3)) {
                    case 1 -> op / 3 < counter;
                    case 2 -> op / 3 < list.size();
                    default -> true; // checked above through the SETs that were present
                };
                assertThat(there).as("seed %d: op %d missing before op %d that is there", seed, op, present - 1)
                        .isTrue();
            }
            assertThat(counter).as("seed %d: counter", seed).isLessThanOrEqualTo((history.nextOp + 1) / 3);
            // From here on the server's data is the truth: ops never applied are forgotten.
            while (history.nextOp > present) {
                history.nextOp--;
                history.ackedAt.remove((int) history.nextOp);
            }
        }
    }

    private static List<String> elements(String arrayReply) {
        String[] lines = arrayReply.split("\r\n");
        List<String> out = new ArrayList<>();
        for (int i = 2; i < lines.length; i += 2) {
            out.add(lines[i]);
        }
        return out;
    }
}

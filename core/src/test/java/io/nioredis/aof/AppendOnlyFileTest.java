package io.nioredis.aof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Dispatcher;
import io.nioredis.command.ScratchDirectory;
import io.nioredis.command.builtin.BuiltinCommands;
import io.nioredis.command.persistence.AofReplayClient;
import io.nioredis.config.Config;
import io.nioredis.persistence.PersistenceLog;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AOF fed by the dispatcher's propagation (and, for what no command propagates, directly as a sink):
 * the files it writes, byte for byte as Redis 7.0 writes them, and a server loading them back.
 */
class AppendOnlyFileTest {
    private final Path dir = ScratchDirectory.create();
    private final List<String> logLines = new ArrayList<>();

    /** A server over {@link #dir}, as the server module wires it. */
    private final class Node {
        final ServerState state;
        final Dispatcher dispatcher = new Dispatcher(BuiltinCommands.table());
        final Client client;
        final RespWriter out = new RespWriter(256);

        Node(String... settings) {
            Config config = new Config();
            config.set("dir", dir.toString());
            config.set("save", "");
            for (int i = 0; i < settings.length; i += 2) {
                assertThat(config.set(settings[i], settings[i + 1])).isNull();
            }
            state = new ServerState(config, new ManualClock());
            state.aof.log(new PersistenceLog() {
                @Override
                public void notice(String message) {
                    logLines.add(message);
                }

                @Override
                public void warning(String message) {
                    logLines.add(message);
                }
            });
            client = new Client(1, state);
        }

        Node open() throws IOException {
            state.aof.loadAndOpen(new AofReplayClient(dispatcher, state));
            return this;
        }

        String run(String... args) {
            out.reset();
            dispatcher.execute(client, Request.of(args), out);
            return new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
        }

        /** Runs a write; the dispatcher hands its effects to the AOF. */
        String write(String... args) {
            return run(args);
        }
    }

    private static byte[][] argv(String... args) {
        byte[][] a = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return a;
    }

    private Path aofDir() {
        return dir.resolve("appendonlydir");
    }

    private String read(String name) throws IOException {
        return Files.readString(aofDir().resolve(name), StandardCharsets.ISO_8859_1);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(aofDir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void startsAnEmptyAofAsRedisDoes() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        assertThat(files()).containsExactly("appendonly.aof.1.base.rdb", "appendonly.aof.1.incr.aof",
                "appendonly.aof.manifest");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
        assertThat(read("appendonly.aof.1.base.rdb")).startsWith("REDIS0010");
        assertThat(read("appendonly.aof.1.base.rdb")).contains("aof-base\u00c0\u0001");
        assertThat(logLines).contains("Creating AOF base file appendonly.aof.1.base.rdb on server start",
                "Creating AOF incr file appendonly.aof.1.incr.aof on server start");
        assertThat(n.state.aof.enabled()).isTrue();
        assertThat(n.run("INFO", "persistence")).contains("aof_enabled:1\r\n").contains("aof_current_size:0\r\n")
                .contains("aof_pending_bio_fsync:0\r\naof_delayed_fsync:0\r\n");
    }

    @Test
    void writesTheTurnBeforeRepliesAndLoadsItBack() throws IOException {
        Node n = new Node("appendonly", "yes", "appendfsync", "always").open();
        n.write("set", "a", "1");
        n.write("SET", "b", "2", "PXAT", "4102444800000");
        n.run("SELECT", "3");
        n.write("incr", "c");
        assertThat(read("appendonly.aof.1.incr.aof")).isEmpty(); // buffered until the turn's replies go out
        n.state.aof.beforeReplies();
        assertThat(read("appendonly.aof.1.incr.aof")).isEqualTo(
                "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n"
                + "*5\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n$4\r\nPXAT\r\n$13\r\n4102444800000\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*2\r\n$4\r\nincr\r\n$1\r\nc\r\n");
        n.state.aof.flushForShutdown();

        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("GET", "a")).isEqualTo("$1\r\n1\r\n");
        assertThat(again.run("PEXPIRETIME", "b")).isEqualTo(":4102444800000\r\n");
        again.run("SELECT", "3");
        assertThat(again.run("GET", "c")).isEqualTo("$1\r\n1\r\n");
        assertThat(logLines).contains("Opening AOF incr file appendonly.aof.1.incr.aof on server start");
        assertThat(logLines).anyMatch(l -> l.startsWith("DB loaded from incr file appendonly.aof.1.incr.aof: "));
    }

    @Test
    void rewriteMakesANewBaseAndIncrAndRemovesTheOldFiles() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.write("RPUSH", "list", "a", "b", "c");
        n.write("SET", "s", "v");
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        assertThat(n.run("BGREWRITEAOF"))
                .isEqualTo("-ERR Background append only file rewriting already in progress\r\n");
        n.write("SET", "after", "x"); // lands in the new incremental file
        n.state.aof.beforeReplies();
        n.state.aof.awaitRewrite();
        assertThat(files()).containsExactly("appendonly.aof.2.base.rdb", "appendonly.aof.2.incr.aof",
                "appendonly.aof.manifest");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.2.base.rdb seq 2 type b\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n");
        assertThat(read("appendonly.aof.2.incr.aof")).isEqualTo(
                "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$5\r\nafter\r\n$1\r\nx\r\n");
        assertThat(n.run("INFO", "persistence")).contains("aof_rewrites:1\r\n")
                .contains("aof_last_bgrewrite_status:ok\r\n");
        n.state.aof.flushForShutdown();

        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("LRANGE", "list", "0", "-1")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(again.run("GET", "after")).isEqualTo("$1\r\nx\r\n");
        assertThat(logLines).contains("Reading RDB base file on AOF loading...");
        assertThat(logLines).anyMatch(l -> l.startsWith("DB loaded from base file appendonly.aof.2.base.rdb: "));
    }

    @Test
    void configSetAppendonlyWritesABaseOfTheDatasetThenAppends() throws IOException {
        Node n = new Node();
        n.run("SET", "before", "1");
        assertThat(n.run("CONFIG", "SET", "appendonly", "yes")).isEqualTo("+OK\r\n");
        assertThat(n.state.aof.state()).isEqualTo(AppendOnlyFile.State.WAIT_REWRITE);
        assertThat(n.run("INFO", "persistence")).contains("aof_enabled:1\r\n");
        n.write("SET", "during", "2");
        n.state.aof.beforeReplies();
        n.state.aof.awaitRewrite();
        assertThat(n.state.aof.state()).isEqualTo(AppendOnlyFile.State.ON);
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
        assertThat(read("appendonly.aof.1.incr.aof")).contains("during");
        assertThat(n.run("CONFIG", "SET", "appendonly", "no")).isEqualTo("+OK\r\n");
        assertThat(n.run("INFO", "persistence")).contains("aof_enabled:0\r\n").doesNotContain("aof_current_size");
        n.write("SET", "off", "3");
        n.state.aof.beforeReplies();
        assertThat(read("appendonly.aof.1.incr.aof")).doesNotContain("off");

        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("MGET", "before", "during", "off")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n");
    }

    @Test
    void truncatedTailIsCutBackWhenAllowedAndRefusedWhenNot() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.write("SET", "k", "v");
        n.write("SET", "k2", "v2");
        n.state.aof.flushForShutdown();
        Path incr = aofDir().resolve("appendonly.aof.1.incr.aof");
        long whole = Files.size(incr);
        Files.write(incr, "*3\r\n$3\r\nSET\r\n$1\r\nx".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new Node("appendonly", "yes", "aof-load-truncated", "no").open())
                .hasMessageStartingWith("Unexpected end of file reading the append only file appendonly.aof.1.incr.aof."
                        + " You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix");

        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("MGET", "k", "k2", "x")).isEqualTo("*3\r\n$1\r\nv\r\n$2\r\nv2\r\n$-1\r\n");
        assertThat(Files.size(incr)).isEqualTo(whole);
        assertThat(logLines).contains("!!! Warning: short read while loading the AOF file appendonly.aof.1.incr.aof!!!",
                "!!! Truncating the AOF appendonly.aof.1.incr.aof at offset " + whole + " !!!",
                "AOF appendonly.aof.1.incr.aof loaded anyway because aof-load-truncated is enabled");
    }

    @Test
    void anUnfinishedTransactionIsRevertedWholeAndABadMiddleRefused() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.write("SET", "k", "v");
        n.state.aof.propagate(0, List.of(argv("MULTI"), argv("SET", "t1", "1")));
        n.state.aof.flushForShutdown();
        Path incr = aofDir().resolve("appendonly.aof.1.incr.aof");
        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("MGET", "k", "t1")).isEqualTo("*2\r\n$1\r\nv\r\n$-1\r\n");
        assertThat(logLines).contains("Revert incomplete MULTI/EXEC transaction in AOF file appendonly.aof.1.incr.aof");
        again.state.aof.flushForShutdown();

        Files.write(incr, "garbage\r\n*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.ISO_8859_1),
                StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new Node("appendonly", "yes").open()).hasMessage(
                "Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF"
                + " file, then use ./redis-check-aof --fix <filename.manifest>");
    }

    @Test
    void anUnknownCommandRefusesToStart() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.state.aof.propagate(0, List.<byte[][]>of(argv("NOSUCHCMD", "x")));
        n.state.aof.flushForShutdown();
        assertThatThrownBy(() -> new Node("appendonly", "yes").open())
                .hasMessage("Unknown command 'NOSUCHCMD' reading the append only file appendonly.aof.1.incr.aof");
    }

    /** After a rewrite, the incremental file is /dev/full: every write fails with ENOSPC, as on a full disk. */
    private Node onAFullDisk(String fsync, List<Integer> exits) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Node n = new Node("appendonly", "yes", "appendfsync", fsync).open();
        n.state.aof.exit(exits::add);
        n.write("SET", "saved", "1");
        n.state.aof.beforeReplies();
        Files.createSymbolicLink(aofDir().resolve("appendonly.aof.2.incr.aof"), Path.of("/dev/full"));
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        n.state.aof.awaitRewrite();
        return n;
    }

    @Test
    void aFullDiskRefusesWritesWithRedisErrorAndKeepsWhatWasSaved() throws IOException {
        List<Integer> exits = new ArrayList<>();
        Node n = onAFullDisk("everysec", exits);
        assertThat(n.write("SET", "k", "v")).isEqualTo("+OK\r\n");
        n.state.aof.beforeReplies();
        assertThat(logLines).contains("Error writing to the AOF file: No space left on device");
        assertThat(n.run("SET", "k2", "v")).isEqualTo("-MISCONF Errors writing to the AOF file: No space left on device\r\n");
        assertThat(n.run("PING")).isEqualTo("-MISCONF Errors writing to the AOF file: No space left on device\r\n");
        assertThat(n.run("GET", "k")).isEqualTo("$1\r\nv\r\n");
        assertThat(n.run("INFO", "persistence")).contains("aof_last_write_status:err\r\n");
        assertThat(n.state.aof.bufferLength()).isPositive(); // kept, to be written when the disk has room
        n.state.aof.cron(0); // retried on the tick, failing again
        assertThat(n.run("SET", "k2", "v")).startsWith("-MISCONF");
        assertThat(exits).isEmpty();

        // What was saved before the disk filled up is all there for the next start.
        Files.delete(aofDir().resolve("appendonly.aof.2.incr.aof"));
        Files.createFile(aofDir().resolve("appendonly.aof.2.incr.aof"));
        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("GET", "saved")).isEqualTo("$1\r\n1\r\n");
    }

    @Test
    void aFullDiskWithAppendfsyncAlwaysEndsTheProcessAsRedis() throws IOException {
        List<Integer> exits = new ArrayList<>();
        Node n = onAFullDisk("always", exits);
        n.write("SET", "k", "v");
        n.state.aof.beforeReplies();
        assertThat(exits).containsExactly(1);
        assertThat(logLines).contains("Error writing to the AOF file: No space left on device",
                "Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsTheRewriteWithRedisErrors() throws IOException {
        Node n = new Node();
        Files.writeString(aofDir(), "a file where the directory should be");
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("-ERR Can't execute an AOF background rewriting. Please check the"
                + " server logs for more information.\r\n");
        assertThat(n.run("CONFIG", "SET", "appendonly", "yes")).isEqualTo("-ERR CONFIG SET failed (possibly related to"
                + " argument 'appendonly') - Unable to turn on AOF. Check server logs.\r\n");
        assertThat(n.run("INFO", "persistence")).contains("aof_enabled:0\r\n")
                .contains("aof_last_bgrewrite_status:err\r\n");
        assertThat(logLines).anyMatch(l -> l.startsWith("Can't open or create append-only dir appendonlydir: "));
    }

    @Test
    void autoRewriteStartsOnGrowthPastTheMinimumSize() throws IOException {
        Node n = new Node("appendonly", "yes", "auto-aof-rewrite-min-size", "1kb", "auto-aof-rewrite-percentage", "100");
        n.open();
        for (int i = 0; i < 20; i++) {
            n.write("SET", "k" + i, "x".repeat(100));
        }
        n.state.aof.beforeReplies();
        n.state.aof.cron(0);
        assertThat(n.state.aof.rewriteInProgress()).isTrue();
        assertThat(logLines).anyMatch(l -> l.startsWith("Starting automatic rewriting of AOF on ") && l.endsWith("% growth"));
        n.state.aof.awaitRewrite();
        long base = n.state.aof.baseSize();
        assertThat(base).isEqualTo(n.state.aof.currentSize()).isPositive();
        n.state.aof.cron(0);
        assertThat(n.state.aof.rewriteInProgress()).isFalse(); // no growth since
    }

    @Test
    void bgsaveAndBgrewriteaofWaitForEachOther() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.run("SET", "k", "v");
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        assertThat(n.run("BGSAVE")).isEqualTo("-ERR Another child process is active (AOF?): can't BGSAVE right now."
                + " Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.\r\n");
        assertThat(n.run("BGSAVE", "SCHEDULE")).isEqualTo("+Background saving scheduled\r\n");
        n.state.aof.awaitRewrite();
        n.state.aof.cron(0);
        n.state.persistence.awaitBackgroundSave();
        assertThat(Files.exists(dir.resolve("dump.rdb"))).isTrue();

        assertThat(n.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        String reply = n.run("BGREWRITEAOF");
        if (n.state.persistence.backgroundSaveInProgress()) {
            assertThat(reply).isEqualTo("+Background append only file rewriting scheduled\r\n");
            assertThat(n.run("INFO", "persistence")).contains("aof_rewrite_scheduled:1\r\n");
        }
    }
}

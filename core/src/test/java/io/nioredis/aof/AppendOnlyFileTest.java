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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

    private static final String OLD_STYLE_COMMANDS = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
            + "*3\r\n$3\r\nSET\r\n$5\r\nafter\r\n$1\r\n1\r\n"
            + "*4\r\n$5\r\nRPUSH\r\n$1\r\nl\r\n$1\r\nx\r\n$1\r\ny\r\n";

    /** Redis 7.0's lines and files for an appendonly.aof found in dir (redis-server's, compared by hand). */
    @Test
    void anOldStyleAofOfCommandsIsMovedInAsTheBase() throws IOException {
        Files.writeString(dir.resolve("appendonly.aof"), OLD_STYLE_COMMANDS, StandardCharsets.ISO_8859_1);
        Node n = new Node("appendonly", "yes").open();
        assertThat(Files.exists(dir.resolve("appendonly.aof"))).isFalse();
        assertThat(files()).containsExactly("appendonly.aof", "appendonly.aof.1.incr.aof", "appendonly.aof.manifest");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
        assertThat(read("appendonly.aof")).isEqualTo(OLD_STYLE_COMMANDS);
        assertThat(logLines.get(0)).isEqualTo(
                "Successfully migrated an old-style AOF file (appendonly.aof) into the AOF directory (appendonlydir).");
        assertThat(logLines.get(1)).startsWith("DB loaded from base file appendonly.aof: ");
        assertThat(logLines).contains("Creating AOF incr file appendonly.aof.1.incr.aof on server start");
        assertThat(n.run("LRANGE", "l", "0", "-1")).isEqualTo("*2\r\n$1\r\nx\r\n$1\r\ny\r\n");
        n.write("SET", "later", "2");
        n.state.aof.flushForShutdown();
        Node again = new Node("appendonly", "yes").open(); // the upgraded directory loads as any other
        assertThat(again.run("DBSIZE")).isEqualTo(":3\r\n");
    }

    @Test
    void anOldStyleAofWithAnRdbPreambleKeepsItsCommandTail() throws IOException {
        Node source = new Node();
        source.run("SET", "p", "1");
        source.run("HSET", "h", "f", "v");
        byte[] rdb = source.state.persistence.snapshotBytes();
        byte[] tail = OLD_STYLE_COMMANDS.getBytes(StandardCharsets.ISO_8859_1);
        byte[] old = java.util.Arrays.copyOf(rdb, rdb.length + tail.length);
        System.arraycopy(tail, 0, old, rdb.length, tail.length);
        Files.write(dir.resolve("appendonly.aof"), old);
        Node n = new Node("appendonly", "yes").open();
        assertThat(Files.readAllBytes(aofDir().resolve("appendonly.aof"))).isEqualTo(old);
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
        assertThat(logLines).containsSubsequence(
                "Successfully migrated an old-style AOF file (appendonly.aof) into the AOF directory (appendonlydir).",
                "Reading RDB preamble from AOF file...", "Reading the remaining AOF tail...");
        assertThat(n.run("DBSIZE")).isEqualTo(":4\r\n");
        assertThat(n.run("HGET", "h", "f")).isEqualTo("$1\r\nv\r\n");
        assertThat(n.run("GET", "after")).isEqualTo("$1\r\n1\r\n");
    }

    @Test
    void anOldStyleAofIsLeftAloneWhenTheDirectoryHasItsOwnFiles() throws IOException {
        Node first = new Node("appendonly", "yes").open();
        first.write("SET", "k", "v");
        first.state.aof.flushForShutdown();
        Files.writeString(dir.resolve("appendonly.aof"), OLD_STYLE_COMMANDS, StandardCharsets.ISO_8859_1);
        Node n = new Node("appendonly", "yes").open();
        assertThat(Files.exists(dir.resolve("appendonly.aof"))).isTrue();
        assertThat(n.run("DBSIZE")).isEqualTo(":1\r\n");
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
    void startsAnEmptyAofInCommandFormAsRedisDoes() throws IOException {
        Node n = new Node("appendonly", "yes", "aof-use-rdb-preamble", "no").open();
        assertThat(files()).containsExactly("appendonly.aof.1.base.aof", "appendonly.aof.1.incr.aof",
                "appendonly.aof.manifest");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.1.base.aof seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
        assertThat(read("appendonly.aof.1.base.aof")).isEmpty(); // Redis's too: no SELECT for an empty database
        assertThat(logLines).contains("Creating AOF base file appendonly.aof.1.base.aof on server start");
        assertThat(n.state.aof.enabled()).isTrue();
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
    void withoutThePreambleTheRewrittenBaseIsCommands() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.write("RPUSH", "list", "a", "b", "c");
        n.write("SET", "s", "v", "PXAT", "4102444800000");
        assertThat(n.run("CONFIG", "SET", "aof-use-rdb-preamble", "no")).isEqualTo("+OK\r\n");
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        n.write("SET", "after", "x");
        n.state.aof.beforeReplies();
        n.state.aof.awaitRewrite();
        assertThat(files()).containsExactly("appendonly.aof.2.base.aof", "appendonly.aof.2.incr.aof",
                "appendonly.aof.manifest");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.2.base.aof seq 2 type b\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n");
        assertThat(read("appendonly.aof.2.base.aof")).startsWith("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n")
                .contains("*5\r\n$5\r\nRPUSH\r\n$4\r\nlist\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n")
                .contains("*3\r\n$3\r\nSET\r\n$1\r\ns\r\n$1\r\nv\r\n"
                        + "*3\r\n$9\r\nPEXPIREAT\r\n$1\r\ns\r\n$13\r\n4102444800000\r\n")
                .doesNotContain("after");
        n.state.aof.flushForShutdown();

        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("LRANGE", "list", "0", "-1")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(again.run("PEXPIRETIME", "s")).isEqualTo(":4102444800000\r\n");
        assertThat(again.run("GET", "after")).isEqualTo("$1\r\nx\r\n");
        assertThat(logLines).anyMatch(l -> l.startsWith("DB loaded from base file appendonly.aof.2.base.aof: "));

        // Turned back on, the next base is an RDB image again.
        assertThat(again.run("CONFIG", "SET", "aof-use-rdb-preamble", "yes")).isEqualTo("+OK\r\n");
        again.run("BGREWRITEAOF");
        again.state.aof.awaitRewrite();
        assertThat(read("appendonly.aof.manifest")).startsWith("file appendonly.aof.3.base.rdb seq 3 type b\n");
        assertThat(read("appendonly.aof.3.base.rdb")).startsWith("REDIS0010");
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

    // ---- the rewrite's base written by the background snapshot

    /** What the keys of one database hold, as the test's model sees them. */
    private static TreeMap<String, Object> emptyDb() {
        return new TreeMap<>();
    }

    private static List<TreeMap<String, Object>> copy(List<TreeMap<String, Object>> model) {
        List<TreeMap<String, Object>> c = new ArrayList<>();
        for (TreeMap<String, Object> db : model) {
            TreeMap<String, Object> d = new TreeMap<>();
            db.forEach((k, v) -> d.put(k, v instanceof String ? v : v instanceof List<?> l ? new ArrayList<>(l)
                    : new TreeMap<>((Map<?, ?>) v)));
            c.add(d);
        }
        return c;
    }

    /** One random write, applied to the node and to the model alike. */
    @SuppressWarnings("unchecked")
    private static void randomWrite(Node n, List<TreeMap<String, Object>> model, Random random) {
        int db = random.nextInt(model.size());
        n.run("SELECT", String.valueOf(db));
        TreeMap<String, Object> m = model.get(db);
        int i = random.nextInt(1500);
        String v = "v" + random.nextInt(1000);
        int op = random.nextInt(100);
        if (op < 30) {
            n.write("SET", "s:" + i, v);
            m.put("s:" + i, v);
        } else if (op < 40) {
            String k = "s:" + i;
            n.write("APPEND", k, v);
            m.put(k, (m.containsKey(k) ? (String) m.get(k) : "") + v);
        } else if (op < 55) {
            String k = "l:" + i;
            n.write("RPUSH", k, v);
            ((List<String>) m.computeIfAbsent(k, x -> new ArrayList<String>())).add(v);
        } else if (op < 62) {
            String k = "l:" + i;
            n.write("LPOP", k);
            List<String> l = (List<String>) m.get(k);
            if (l != null) {
                l.remove(0);
                if (l.isEmpty()) {
                    m.remove(k);
                }
            }
        } else if (op < 80) {
            String k = "h:" + i;
            String f = "f" + random.nextInt(8);
            n.write("HSET", k, f, v);
            ((Map<String, String>) m.computeIfAbsent(k, x -> new TreeMap<String, String>())).put(f, v);
        } else if (op < 97) {
            String k = (random.nextBoolean() ? "s:" : random.nextBoolean() ? "l:" : "h:") + i;
            n.write("DEL", k);
            m.remove(k);
        } else if (op < 99) {
            int other = random.nextInt(model.size());
            n.write("SWAPDB", String.valueOf(db), String.valueOf(other));
            TreeMap<String, Object> t = model.get(other);
            model.set(other, m);
            model.set(db, t);
        } else if (random.nextInt(10) == 0) {
            n.write("FLUSHDB");
            m.clear();
        }
    }

    /** The node holds exactly the model: every key with its value, and nothing else. */
    @SuppressWarnings("unchecked")
    private static void assertHolds(Node n, List<TreeMap<String, Object>> model, String as) {
        for (int db = 0; db < model.size(); db++) {
            n.run("SELECT", String.valueOf(db));
            TreeMap<String, Object> m = model.get(db);
            assertThat(n.run("DBSIZE")).as("%s: size of db %d", as, db).isEqualTo(":" + m.size() + "\r\n");
            for (Map.Entry<String, Object> e : m.entrySet()) {
                String k = e.getKey();
                if (e.getValue() instanceof String v) {
                    assertThat(n.run("GET", k)).as("%s: %s in db %d", as, k, db).isEqualTo(bulk(v));
                } else if (e.getValue() instanceof List<?> l) {
                    StringBuilder b = new StringBuilder("*" + l.size() + "\r\n");
                    l.forEach(x -> b.append(bulk((String) x)));
                    assertThat(n.run("LRANGE", k, "0", "-1")).as("%s: %s in db %d", as, k, db).isEqualTo(b.toString());
                } else {
                    Map<String, String> h = (Map<String, String>) e.getValue();
                    assertThat(n.run("HLEN", k)).as("%s: %s in db %d", as, k, db).isEqualTo(":" + h.size() + "\r\n");
                    h.forEach((f, v) -> assertThat(n.run("HGET", k, f)).as("%s: %s.%s", as, k, f).isEqualTo(bulk(v)));
                }
            }
        }
    }

    private static String bulk(String v) {
        return "$" + v.length() + "\r\n" + v + "\r\n";
    }

    @Test
    void writesBetweenTheRewritesSlicesLandInTheNewIncrAndTheBaseIsTheCut() throws IOException {
        rewriteIsTheCut("yes", ".rdb");
    }

    /** As above with the base in command form. */
    @Test
    void aBaseInCommandFormIsTheCutToo() throws IOException {
        rewriteIsTheCut("no", ".aof");
    }

    private void rewriteIsTheCut(String preamble, String suffix) throws IOException {
        long seed = Long.getLong("aof.seed", new Random().nextLong());
        System.out.println("AppendOnlyFileTest rewrite seed " + seed + " aof-use-rdb-preamble " + preamble);
        Random random = new Random(seed);
        Node n = new Node("appendonly", "yes", "databases", "3", "aof-use-rdb-preamble", preamble).open();
        List<TreeMap<String, Object>> model = new ArrayList<>(List.of(emptyDb(), emptyDb(), emptyDb()));
        for (int i = 0; i < 8000; i++) {
            randomWrite(n, model, random);
        }
        n.state.aof.beforeReplies();
        List<TreeMap<String, Object>> atCut = copy(model);
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.1.base" + suffix + " seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        deleteAKeyAheadOfTheWalk(n, model);
        int steps = 0;
        while (n.state.persistence.snapshotSerializing()) {
            for (int i = random.nextInt(30); i > 0; i--) {
                randomWrite(n, model, random);
            }
            n.state.aof.beforeReplies();
            n.state.persistence.snapshotSteps(1);
            steps++;
        }
        assertThat(steps).as("steps of the walk").isGreaterThan(1);
        n.state.aof.awaitRewrite();
        assertThat(n.run("INFO", "persistence")).contains("aof_last_bgrewrite_status:ok\r\n")
                .doesNotContain("aof_last_cow_size:0\r\n");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.2.base" + suffix + " seq 2 type b\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n");
        if (preamble.equals("yes")) {
            assertThat(read("appendonly.aof.2.base.rdb")).contains("aof-base\u00c0\u0001");
        } else {
            assertThat(read("appendonly.aof.2.base.aof")).startsWith("*2\r\n$6\r\nSELECT\r\n");
        }
        for (int i = 0; i < 50; i++) {
            randomWrite(n, model, random);
        }
        n.state.aof.flushForShutdown();
        assertHolds(new Node("appendonly", "yes", "databases", "3").open(), model, "base + incr");

        // The base alone is the dataset as it was when the rewrite started.
        Files.writeString(aofDir().resolve("appendonly.aof.manifest"), "file appendonly.aof.2.base" + suffix + " seq 2 type b\n");
        Files.delete(aofDir().resolve("appendonly.aof.2.incr.aof"));
        assertHolds(new Node("appendonly", "yes", "databases", "3").open(), atCut, "base alone");
    }

    /**
     * Before the walk's first step every key of the cut is still to be written, so deleting one writes it
     * ahead of the walk: aof_last_cow_size cannot be 0 then. The random writes alone may all miss the pending
     * keys when a late FLUSHDB or SWAPDB left the cut small.
     */
    private static void deleteAKeyAheadOfTheWalk(Node n, List<TreeMap<String, Object>> model) {
        for (int db = 0; db < model.size(); db++) {
            TreeMap<String, Object> m = model.get(db);
            if (!m.isEmpty()) {
                n.run("SELECT", String.valueOf(db));
                assertThat(n.write("DEL", m.firstKey())).isEqualTo(":1\r\n");
                m.remove(m.firstKey());
                return;
            }
        }
        throw new AssertionError("every database is empty at the cut");
    }

    @Test
    void theRewriteOfABigDatasetTakesManyTurnsAndClientsAreServedBetween() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        for (int i = 0; i < 60_000; i++) {
            n.write("SET", "key:" + i, "value:" + i);
        }
        n.state.aof.beforeReplies();
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        int slices = 0;
        while (n.state.persistence.snapshotSerializing()) {
            // One turn of the loop: a client's command, then the snapshot's slice of at most a millisecond.
            assertThat(n.write("SET", "key:" + slices, "changed")).isEqualTo("+OK\r\n");
            assertThat(n.run("INFO", "persistence")).contains("aof_rewrite_in_progress:1\r\n")
                    .contains("aof_current_rewrite_time_sec:0\r\n").contains("rdb_bgsave_in_progress:0\r\n");
            n.state.aof.beforeReplies();
            n.state.persistence.snapshotSlice();
            slices++;
        }
        assertThat(slices).as("loop turns the rewrite took").isGreaterThan(1);
        assertThat(read("appendonly.aof.manifest")).startsWith("file appendonly.aof.1.base.rdb seq 1 type b\n");
        n.state.aof.awaitRewrite();
        assertThat(n.run("INFO", "persistence")).contains("aof_rewrite_in_progress:0\r\n")
                .contains("aof_last_bgrewrite_status:ok\r\n").doesNotContain("aof_last_cow_size:0\r\n");
        n.state.aof.flushForShutdown();
        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("DBSIZE")).isEqualTo(":60000\r\n");
        assertThat(again.run("GET", "key:0")).isEqualTo("$7\r\nchanged\r\n");
        assertThat(again.run("GET", "key:" + slices)).isEqualTo(bulk("value:" + slices));
    }

    @Test
    void aRewriteThatCannotWriteItsBaseFailsAndTheOldFilesStayValid() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Node n = new Node("appendonly", "yes").open();
        n.write("SET", "before", "1");
        n.state.aof.beforeReplies();
        long pid = ProcessHandle.current().pid();
        Files.createSymbolicLink(dir.resolve("temp-rewriteaof-" + pid + ".aof"), Path.of("/dev/full"));
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        n.write("SET", "during", "2");
        n.state.aof.beforeReplies();
        n.state.aof.awaitRewrite();
        assertThat(logLines).contains("Write error writing append only file on disk: No space left on device",
                "Background AOF rewrite terminated with error");
        assertThat(n.run("INFO", "persistence")).contains("aof_last_bgrewrite_status:err\r\n")
                .contains("aof_rewrites_consecutive_failures:1\r\n").contains("aof_rewrite_in_progress:0\r\n");
        assertThat(read("appendonly.aof.manifest")).isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        assertThat(Files.exists(dir.resolve("temp-rewriteaof-bg-" + pid + ".aof"))).isFalse();
        n.write("SET", "after", "3");
        n.state.aof.flushForShutdown();
        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("MGET", "before", "during", "after")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
    }

    @Test
    void shutdownAbandonsARunningRewriteAndRemovesItsTemporaryFiles() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        for (int i = 0; i < 5000; i++) {
            n.write("SET", "key:" + i, "v");
        }
        n.state.aof.beforeReplies();
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        n.state.persistence.snapshotSteps(3);
        assertThat(n.state.persistence.snapshotSerializing()).isTrue();
        n.write("SET", "during", "x");
        n.state.aof.flushForShutdown();
        assertThat(logLines).contains("There is a child rewriting the AOF. Killing it!");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("appendonlydir");
        }
        assertThat(files()).containsExactly("appendonly.aof.1.base.rdb", "appendonly.aof.1.incr.aof",
                "appendonly.aof.2.incr.aof", "appendonly.aof.manifest");
        n.write("SET", "key:1", "changed"); // the keyspace no longer hooks into the abandoned rewrite
        Node again = new Node("appendonly", "yes").open();
        assertThat(again.run("DBSIZE")).isEqualTo(":5001\r\n");
        assertThat(again.run("GET", "during")).isEqualTo("$1\r\nx\r\n");
    }

    @Test
    void aSavePointWaitsForARunningRewrite() throws IOException {
        Node n = new Node("appendonly", "yes").open();
        n.state.config.set("save", "1 1");
        for (int i = 0; i < 5000; i++) {
            n.write("SET", "key:" + i, "v");
        }
        assertThat(n.run("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
        long later = n.state.clock.millis() + 10_000;
        n.state.persistence.cron(later);
        assertThat(n.state.persistence.backgroundSaveInProgress()).isFalse();
        n.state.aof.awaitRewrite();
        n.state.persistence.cron(later);
        assertThat(n.state.persistence.backgroundSaveInProgress()).isTrue();
        n.state.persistence.awaitBackgroundSave();
        assertThat(Files.exists(dir.resolve("dump.rdb"))).isTrue();
    }
}

package io.nioredis.server;

import io.nioredis.config.Config;
import io.nioredis.store.Clock;
import io.nioredis.store.ProcessId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run for the class-data-sharing archive the build makes: it goes through start-up as
 * {@link Main} does (flags, config, log, bind) and serves the common commands over a real socket, so that
 * the archive holds every class a server loads from launch to its first replies. It ends with a BGSAVE (in a
 * temporary directory), so the snapshot's classes come from the archive too: loading and initializing them on
 * the loop made a server's first BGSAVE stall clients for tens of milliseconds. Run by the build as
 * {@code java -XX:ArchiveClassesAtExit=nioredis-server.jsa -cp nioredis-server.jar ...CdsTraining}.
 */
public final class CdsTraining {
    private static final String[][] REQUESTS = {
        {"PING"}, {"ECHO", "hello"}, {"SET", "k", "v"}, {"SET", "t", "v", "PX", "60000"}, {"GET", "k"},
        {"EXISTS", "k"}, {"TTL", "t"}, {"PTTL", "t"}, {"EXPIRE", "k", "100"}, {"PERSIST", "k"}, {"TYPE", "k"},
        {"KEYS", "*"}, {"DBSIZE"}, {"DEL", "k", "t"}, {"SELECT", "1"}, {"FLUSHDB"}, {"INFO"},
        {"CONFIG", "GET", "save"}, {"CONFIG", "GET", "appendonly"}, {"COMMAND", "COUNT"}, {"NOSUCHCOMMAND"},
    };

    private static final String DONE = "cds-training-done";

    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Main.nameSelectorProvider();
        // The harness uses only what the server loads anyway (NIO sockets, plain files): its own classes
        // would be archived too, and every archived page is resident in every server (a temporary
        // directory from Files.createTempDirectory alone brought in SecureRandom and its providers).
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "nioredis-training-" + ProcessId.current());
        Files.createDirectories(dir);
        Config config = ServerConfig.parse(new String[] {"--port", "0", "--bind", "127.0.0.1", "--loglevel", "notice",
            "--save", "", "--dir", dir.toString()}); // no snapshot left behind in the build's directory
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Log log = new Log(discard, Log.parseLevel(config.get("loglevel")));
        log.notice("training");
        Server server = new Server(config, Clock.SYSTEM, log);
        // As Main starts it (pid file, loop thread, shutdown hook, banner), so that those classes are archived.
        Thread loop = Main.launch(server, config, log);
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()))) {
            StringBuilder frames = new StringBuilder();
            for (String[] request : REQUESTS) {
                frame(frames, request);
            }
            frame(frames, new String[] {"ECHO", DONE});
            send(socket, frames);
            awaitEcho(socket);
            backgroundSave(socket);
        } finally {
            server.close();
            loop.join();
            Files.deleteIfExists(dir.resolve(config.get("dbfilename")));
            Files.delete(dir);
        }
    }

    /** BGSAVE, then INFO persistence until the save is over, each batch closed by the ECHO awaitEcho waits for. */
    private static void backgroundSave(SocketChannel socket) throws IOException, InterruptedException {
        String[] status = {"INFO", "persistence"};
        StringBuilder frames = new StringBuilder();
        frame(frames, new String[] {"BGSAVE"});
        do {
            frame(frames, status);
            frame(frames, new String[] {"ECHO", DONE});
            send(socket, frames);
            frames.setLength(0);
            Thread.sleep(10);
        } while (awaitEcho(socket).contains("rdb_bgsave_in_progress:1"));
    }

    private static void frame(StringBuilder frames, String[] request) {
        frames.append('*').append(request.length).append("\r\n");
        for (String word : request) {
            frames.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
    }

    private static void send(SocketChannel socket, StringBuilder frames) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(frames.toString().getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            socket.write(out);
        }
    }

    /** Reads replies until the closing ECHO comes back, which means every request before it was served. */
    private static String awaitEcho(SocketChannel socket) throws IOException {
        String end = DONE + "\r\n";
        StringBuilder replies = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (replies.length() < end.length() || replies.lastIndexOf(end) != replies.length() - end.length()) {
            buffer.clear();
            if (socket.read(buffer) < 0) {
                throw new IOException("server closed the connection during training");
            }
            replies.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
        }
        return replies.toString();
    }
}

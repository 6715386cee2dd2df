package io.nioredis.server;

import io.nioredis.store.Clock;
import io.nioredis.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The training run for the class-data-sharing archive the build makes: it goes through start-up as
 * {@link Main} does (flags, config, log, bind) and serves the common commands over a real socket, so that
 * the archive holds every class a server loads from launch to its first replies. Run by the build as
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
        // Main is the real entry point but not this run's; loading it puts it in the archive as well.
        Class.forName("io.nioredis.server.Main");
        Config config = ServerConfig.parse(new String[] {"--port", "0", "--bind", "127.0.0.1", "--loglevel", "notice",
            "--save", ""}); // no snapshot left behind in the build's directory
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Log log = new Log(discard, Log.parseLevel(config.get("loglevel")));
        log.notice("training");
        Server server = new Server(config, Clock.SYSTEM, log).start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            StringBuilder frames = new StringBuilder();
            for (String[] request : REQUESTS) {
                frame(frames, request);
            }
            frame(frames, new String[] {"ECHO", DONE});
            socket.getOutputStream().write(frames.toString().getBytes(StandardCharsets.US_ASCII));
            awaitEcho(socket.getInputStream());
        } finally {
            server.close();
        }
    }

    private static void frame(StringBuilder frames, String[] request) {
        frames.append('*').append(request.length).append("\r\n");
        for (String word : request) {
            frames.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
    }

    /** Reads replies until the closing ECHO comes back, which means every request before it was served. */
    private static void awaitEcho(InputStream in) throws IOException {
        byte[] end = (DONE + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("server closed the connection during training");
            }
            replies.write(buffer, 0, n);
            byte[] all = replies.toByteArray();
            if (all.length >= end.length
                    && Arrays.equals(all, all.length - end.length, all.length, end, 0, end.length)) {
                return;
            }
        }
    }
}

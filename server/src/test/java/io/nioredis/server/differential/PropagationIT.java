package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.propagation.PropagationSink;
import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the same commands against a real redis-server, read through a replica connection (SYNC, then the
 * command stream), and against nioredis with a sink attached, and requires the same propagated stream: every
 * rewrite rule, units and MULTI/EXEC wrapping. Times the servers chose (PXAT deadlines, stream ids from "*",
 * XCLAIM's TIME) are compared as "&lt;now&gt;"; a marker write after each command tells where its effects end.
 */
class PropagationIT {
    private static final String[][] SCRIPT = {
        {"set", "a", "1"}, {"get", "a"}, {"set", "a", "1", "ex", "100"}, {"set", "a", "2", "px", "100000", "get"},
        {"set", "a", "3", "keepttl"}, {"set", "a", "3", "exat", "9999999999"},
        {"set", "a", "2", "pxat", "9999999999000", "get"}, {"set", "a", "1", "get"}, {"set", "a", "1", "xx", "GET"},
        {"setex", "b", "100", "x"}, {"psetex", "b", "100000", "x"}, {"getset", "a", "5"}, {"setnx", "n", "1"},
        {"setnx", "n", "1"}, {"expire", "a", "100"}, {"pexpire", "a", "100000"}, {"expireat", "a", "9999999999"},
        {"pexpireat", "a", "9999999999001"}, {"expire", "a", "200", "lt"}, {"expire", "a", "-1"},
        {"expire", "nokey", "10"}, {"set", "d", "1"}, {"getex", "d", "ex", "100"}, {"getex", "d", "persist"},
        {"getex", "d", "persist"}, {"getex", "d", "pxat", "9999999999000"}, {"getex", "d", "exat", "1"},
        {"set", "d", "1"}, {"getdel", "d"}, {"getdel", "d"}, {"set", "f", "1.5"}, {"incrbyfloat", "f", "1.1"},
        {"incrbyfloat", "f", "1e3"}, {"hincrbyfloat", "h", "x", "2.5"}, {"sadd", "s1", "x"}, {"spop", "s1"},
        {"sadd", "s", "a", "b"}, {"spop", "s", "5"}, {"spop", "s", "0"}, {"rpush", "l", "a", "b", "c", "d", "e", "f"},
        {"lpop", "l"}, {"blpop", "l", "0"}, {"brpop", "l", "0"}, {"blmove", "l", "l2", "left", "RIGHT", "0"},
        {"brpoplpush", "l", "l2", "0"}, {"lmpop", "2", "nokey", "l", "left", "count", "5"},
        {"blmpop", "0", "1", "l2", "right", "count", "1"}, {"zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d"},
        {"zmpop", "1", "z", "min", "count", "2"}, {"bzmpop", "0", "1", "z", "max"}, {"bzpopmin", "z", "0"},
        {"zpopmin", "z", "0"}, {"multi"}, {"set", "t", "1"}, {"exec"}, {"multi"}, {"get", "t"}, {"exec"},
        {"multi"}, {"rpush", "tl", "a"}, {"get", "t"}, {"rpush", "tl", "b"}, {"exec"},
        {"eval", "redis.call('set','k','v')", "0"}, {"eval", "redis.call('get','k')", "0"},
        {"eval", "redis.call('set','k','v','ex','100') redis.call('incrbyfloat','f','1.5')", "0"},
        {"eval", "redis.call('select','4') redis.call('set','k','v')", "0"},
        {"xadd", "x", "1-1", "a", "1"}, {"xadd", "x", "*", "a", "2"}, {"xadd", "x", "maxlen", "~", "1", "*", "a", "3"},
        {"xtrim", "x", "maxlen", "~", "0"}, {"xgroup", "create", "x", "g", "$", "mkstream"},
        {"xadd", "x", "5-1", "f", "v"}, {"xadd", "x", "6-1", "f", "w"},
        {"xreadgroup", "group", "g", "c", "count", "5", "streams", "x", ">"},
        {"xreadgroup", "group", "g", "c", "streams", "x", "0"}, {"xclaim", "x", "g", "c2", "0", "5-1", "9-9", "justid"},
        {"xdel", "x", "5-1"}, {"xautoclaim", "x", "g", "c3", "0", "0-0"}, {"xadd", "x", "7-1", "f", "u"},
        {"xreadgroup", "group", "g", "c", "noack", "streams", "x", ">"},
        {"xclaim", "x", "g", "c5", "0", "8-8", "lastid", "9-9"}, {"xgroup", "create", "x", "g2", "$"},
        {"xgroup", "setid", "x", "g2", "0"}, {"xgroup", "createconsumer", "x", "g", "c1"},
        {"xgroup", "createconsumer", "x", "g", "c1"}, {"xgroup", "delconsumer", "x", "g", "c1"},
        {"xgroup", "delconsumer", "x", "g", "nobody"}, {"xreadgroup", "group", "g2", "newc", "streams", "x", "9-9"},
        {"xreadgroup", "group", "g", "newc3", "streams", "x", ">"}, {"xack", "x", "g", "6-1"},
        {"xack", "x", "g", "6-1"}, {"xgroup", "destroy", "x", "g2"}, {"xgroup", "destroy", "x", "g2"},
        {"swapdb", "0", "0"}, {"set", "m", "1"}, {"move", "m", "2"}, {"copy", "k", "k2"}, {"flushdb", "async"},
        {"flushall"},
    };

    /** A Unix time in milliseconds, and the sequence of a stream id made from it, which depends on timing. */
    private static final Pattern MILLIS = Pattern.compile("\\b(1[0-9]{12})(-[0-9]+)?\\b");

    @Test
    void nioredisPropagatesWhatRedisPropagates() throws Exception {
        ExternalTools.program("redis-server");
        List<String> nioStream = Collections.synchronizedList(new ArrayList<>());
        try (RedisServerProcess redisServer = RedisServerProcess.start();
             TestServer nioServer = TestServer.start();
             Replica replica = new Replica(redisServer.port());
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            nioServer.server().state().propagation.attach(new Recorder(nioStream));
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            boolean inMulti = false;
            for (int i = 0; i < SCRIPT.length; i++) {
                String marker = "set __marker__ " + i;
                redis.call(SCRIPT[i]);
                nioredis.call(SCRIPT[i]);
                String name = SCRIPT[i][0];
                inMulti = name.equals("multi") || (inMulti && !name.equals("exec"));
                if (inMulti) {
                    continue; // a marker would be queued too: the transaction's effects are read after EXEC
                }
                redis.call("set", "__marker__", Integer.toString(i));
                nioredis.call("set", "__marker__", Integer.toString(i));
                String step = "after " + String.join(" ", SCRIPT[i]) + ":";
                expected.add(step);
                try {
                    expected.addAll(replica.until(marker));
                } catch (IOException e) {
                    throw new AssertionError("Redis's stream " + expected + " stopped " + step, e);
                }
                actual.add(step);
                actual.addAll(until(nioStream, marker));
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** What the sink received up to the marker, times normalised; waits for the server's loop to get there. */
    private static List<String> until(List<String> stream, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!stream.contains(marker)) {
            assertThat(System.nanoTime()).as("the marker %s reached the sink", marker).isLessThan(deadline);
            Thread.sleep(2); // waiting for the server thread, not for time to pass
        }
        List<String> lines = new ArrayList<>();
        synchronized (stream) {
            int at = stream.indexOf(marker);
            for (String line : stream.subList(0, at)) {
                lines.add(normalised(line));
            }
            stream.subList(0, at + 1).clear();
        }
        return lines;
    }

    static String normalised(String line) {
        long now = System.currentTimeMillis();
        Matcher m = MILLIS.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long value = Long.parseLong(m.group(1));
            m.appendReplacement(out, Math.abs(value - now) < 86_400_000L ? "<now>" : m.group());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The sink side: the replication stream a replica of nioredis would read, one command a line. */
    private static final class Recorder implements PropagationSink {
        private final List<String> lines;
        private int db = -1;

        Recorder(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void propagate(int db, List<byte[][]> commands) {
            if (db != this.db) {
                lines.add("SELECT " + db);
                this.db = db;
            }
            for (byte[][] argv : commands) {
                lines.add(line(argv));
            }
        }
    }

    static String line(byte[][] argv) {
        StringBuilder line = new StringBuilder();
        for (byte[] arg : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(new String(arg, StandardCharsets.ISO_8859_1));
        }
        return line.toString();
    }

    /** A replica's connection to the real Redis: SYNC, the RDB payload skipped, then commands one by one. */
    private static final class Replica implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        Replica(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nSYNC\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int c = in.read();
            while (c == '\n') {
                c = in.read(); // Redis keeps the connection alive with newlines while it prepares the RDB
            }
            assertThat((char) c).isEqualTo('$');
            long skip = Long.parseLong(readLine());
            while (skip > 0) {
                skip -= in.skip(skip);
            }
        }

        /** The commands received up to {@code marker}, times normalised, PINGs left out. */
        List<String> until(String marker) throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String line = readCommand();
                if (line.equals(marker)) {
                    return lines;
                }
                if (!line.equalsIgnoreCase("ping")) {
                    lines.add(normalised(line));
                }
            }
        }

        private String readCommand() throws IOException {
            int c = in.read();
            assertThat((char) c).isEqualTo('*');
            int n = Integer.parseInt(readLine());
            byte[][] argv = new byte[n][];
            for (int i = 0; i < n; i++) {
                assertThat((char) in.read()).isEqualTo('$');
                int len = Integer.parseInt(readLine());
                argv[i] = in.readNBytes(len);
                in.readNBytes(2);
            }
            return line(argv);
        }

        private String readLine() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                b.append((char) c);
            }
            in.read();
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

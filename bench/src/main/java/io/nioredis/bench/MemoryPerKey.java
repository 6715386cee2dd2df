package io.nioredis.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Loads {@code N} small keys ({@code key:<i>}, value {@code abc}, optionally {@code EX 1000000}) into a
 * running server over one pipelined connection and prints the memory they cost per key: the growth of the
 * process's resident set (VmRSS) and of INFO's {@code used_memory}. For a JVM server a full GC is run with
 * {@code jcmd <pid> GC.run} before each reading, so that the figure is live data plus whatever heap the JVM
 * keeps committed, not garbage that happens not to be collected yet. The same bytes go to nioredis and to
 * Redis; {@code bench/memory-per-key.sh} starts both and runs this once per server and case.
 *
 * <p>{@code MemoryPerKey <name> <port> <pid> <keys> <ttl:true|false> <jvm:true|false>} prints one line:
 * {@code name keys ttl rss_before rss_after rss_per_key used_before used_after used_per_key}.
 */
public final class MemoryPerKey {
    private static final int BATCH = 1000;
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private MemoryPerKey() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        long pid = Long.parseLong(args[2]);
        long keys = Long.parseLong(args[3]);
        boolean ttl = Boolean.parseBoolean(args[4]);
        boolean jvm = Boolean.parseBoolean(args[5]);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);

            settle(pid, jvm);
            long rssBefore = rssBytes(pid);
            long usedBefore = usedMemory(out, in);

            load(out, in, keys, ttl);

            settle(pid, jvm);
            long rssAfter = rssBytes(pid);
            long usedAfter = usedMemory(out, in);
            System.out.printf("%s keys=%d ttl=%s rss_before=%d rss_after=%d rss_per_key=%.1f"
                            + " used_before=%d used_after=%d used_per_key=%.1f%n",
                    name, keys, ttl, rssBefore, rssAfter, (rssAfter - rssBefore) / (double) keys,
                    usedBefore, usedAfter, (usedAfter - usedBefore) / (double) keys);
        }
    }

    /** SET key:i abc [EX 1000000] for every i, in pipelined batches; every reply must be +OK. */
    private static void load(OutputStream out, InputStream in, long keys, boolean ttl) throws IOException {
        byte[] reply = new byte[OK.length * BATCH];
        ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * BATCH);
        for (long from = 0; from < keys; from += BATCH) {
            long to = Math.min(keys, from + BATCH);
            batch.reset();
            for (long i = from; i < to; i++) {
                batch.writeBytes(ttl
                        ? Frames.command("SET", "key:" + i, "abc", "EX", "1000000")
                        : Frames.command("SET", "key:" + i, "abc"));
            }
            batch.writeTo(out);
            out.flush();
            int expected = (int) (to - from) * OK.length;
            readFully(in, reply, expected);
            for (int j = 0; j < expected; j++) {
                if (reply[j] != OK[j % OK.length]) {
                    throw new IOException("unexpected reply: "
                            + new String(reply, 0, expected, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    static long usedMemory(OutputStream out, InputStream in) throws IOException {
        out.write(Frames.command("INFO", "memory"));
        out.flush();
        String header = readLine(in);
        if (!header.startsWith("$")) {
            throw new IOException("unexpected INFO reply " + header);
        }
        byte[] body = new byte[Integer.parseInt(header.substring(1)) + 2];
        readFully(in, body, body.length);
        for (String line : new String(body, StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()));
            }
        }
        throw new IOException("no used_memory in INFO memory");
    }

    /**
     * Runs a full GC in a JVM server and gives any server a moment, so RSS shows live memory only: 1.5 s,
     * past the launcher's once-a-second trim of the native heap (bin/nioredis-server).
     */
    static void settle(long pid, boolean jvm) throws IOException, InterruptedException {
        if (jvm) {
            Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " GC.run failed");
            }
        }
        Thread.sleep(1500);
    }

    static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    private static void readFully(InputStream in, byte[] b, int len) throws IOException {
        int at = 0;
        while (at < len) {
            int n = in.read(b, at, len - at);
            if (n < 0) {
                throw new IOException("connection closed after " + at + " of " + len + " bytes");
            }
            at += n;
        }
    }
}

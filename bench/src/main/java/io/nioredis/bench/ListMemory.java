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

/**
 * Loads list elements into a running server over one pipelined connection and prints what they cost per
 * element: the growth of the resident set (after a full GC for a JVM server, as {@link MemoryPerKey}) and
 * of INFO's {@code used_memory}. Cases:
 * <ul>
 *   <li>{@code strings}: one list of N 10-byte strings;</li>
 *   <li>{@code integers}: one list of N small integers (0..99);</li>
 *   <li>{@code lists}: N/100 lists of 100 10-byte strings each.</li>
 * </ul>
 * Elements go 100 to an RPUSH. Up to 100,000 elements are loaded and flushed before the baseline is read,
 * so that the JIT's code is not charged to the elements. {@code bench/list-memory.sh} starts nioredis and Redis and runs each case.
 *
 * <p>{@code ListMemory <name> <port> <pid> <case> <elements> <jvm:true|false>} prints one line:
 * {@code name case elements rss_per_element used_per_element}.
 */
public final class ListMemory {
    private static final int PER_COMMAND = 100;
    private static final int COMMANDS_PER_BATCH = 100;
    private static final long WARM_UP = 100_000;

    private ListMemory() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        long pid = Long.parseLong(args[2]);
        String kind = args[3];
        long elements = Long.parseLong(args[4]);
        boolean jvm = Boolean.parseBoolean(args[5]);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);

            // A small first load, then FLUSHALL: the JIT's code is then in the baseline rather than
            // charged to the elements (a full-size one would leave the heap grown, as the JVM keeps it).
            load(out, in, kind, Math.min(elements, WARM_UP));
            out.write(Frames.command("FLUSHALL"));
            out.flush();
            MemoryPerKey.readLine(in);

            MemoryPerKey.settle(pid, jvm);
            long rssBefore = MemoryPerKey.rssBytes(pid);
            long usedBefore = MemoryPerKey.usedMemory(out, in);
            long heapBefore = jvm ? liveHeap(pid) : 0;

            load(out, in, kind, elements);

            MemoryPerKey.settle(pid, jvm);
            long rssAfter = MemoryPerKey.rssBytes(pid);
            long usedAfter = MemoryPerKey.usedMemory(out, in);
            String heap = jvm ? String.format(" live_heap_per_element=%.2f", (liveHeap(pid) - heapBefore) / (double) elements) : "";
            System.out.printf("%-8s %-8s elements=%d rss_per_element=%.2f used_per_element=%.2f%s%n", name, kind,
                    elements, (rssAfter - rssBefore) / (double) elements, (usedAfter - usedBefore) / (double) elements,
                    heap);
        }
    }

    /**
     * The JVM's heap in use right after the full GC of {@link MemoryPerKey#settle} (Serial GC's generations,
     * from {@code jcmd GC.heap_info}): the live data, which RSS shows only give or take the heap the JVM
     * keeps committed.
     */
    static long liveHeap(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor();
        long used = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("generation\\s+total \\d+K, used (\\d+)K").matcher(text);
        while (m.find()) {
            used += Long.parseLong(m.group(1)) * 1024;
        }
        if (used == 0) {
            throw new IOException("no generation sizes in GC.heap_info: " + text);
        }
        return used;
    }

    private static void load(OutputStream out, InputStream in, String kind, long elements) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 20);
        long commands = elements / PER_COMMAND;
        for (long from = 0; from < commands; from += COMMANDS_PER_BATCH) {
            long to = Math.min(commands, from + COMMANDS_PER_BATCH);
            batch.reset();
            for (long c = from; c < to; c++) {
                String key = kind.equals("lists") ? "list:" + c : "list";
                String[] args = new String[2 + PER_COMMAND];
                args[0] = "RPUSH";
                args[1] = key;
                for (int i = 0; i < PER_COMMAND; i++) {
                    long n = c * PER_COMMAND + i;
                    args[2 + i] = kind.equals("integers") ? Long.toString(n % 100) : String.format("e%09d", n);
                }
                batch.writeBytes(Frames.command(args));
            }
            batch.writeTo(out);
            out.flush();
            for (long c = from; c < to; c++) {
                String reply = MemoryPerKey.readLine(in);
                if (!reply.startsWith(":")) {
                    throw new IOException("unexpected reply " + reply);
                }
            }
        }
    }
}

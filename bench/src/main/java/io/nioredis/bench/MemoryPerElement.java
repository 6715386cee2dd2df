package io.nioredis.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Loads {@code N} keys of one type, each a hash, a set or a sorted set of 100 small elements, into a running
 * server and prints the memory they cost per element: the growth of the resident set (after a full GC for a
 * JVM server, as {@link MemoryPerKey}) and of INFO's {@code used_memory}, over N x 100 elements. Elements are
 * the same in every key: hash fields {@code f:<i>} with values {@code v:<i>}, set members {@code m:<i>},
 * sorted-set members {@code m:<i>} with score {@code i}, for i in 0..99, one HSET / SADD / ZADD per key. It
 * also prints the first key's OBJECT ENCODING, which must be the same on both servers for the figures to
 * compare like with like (Redis 7.0 at 100 elements: listpack for hash and zset, hashtable for a set of
 * non-integers). Up to 1000 keys are loaded and flushed before the baseline is read, so the JIT's code is not
 * charged to the elements. {@code bench/memory-per-element.sh} starts nioredis and Redis and runs each type.
 *
 * <p>{@code MemoryPerElement <name> <port> <pid> <hash|set|zset> <keys> <jvm:true|false>} prints one line.
 */
public final class MemoryPerElement {
    static final int ELEMENTS = 100;
    private static final int KEYS_PER_BATCH = 100;
    private static final long WARM_UP = 1000;

    private MemoryPerElement() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        long pid = Long.parseLong(args[2]);
        String type = args[3];
        long keys = Long.parseLong(args[4]);
        boolean jvm = Boolean.parseBoolean(args[5]);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);

            load(out, in, type, Math.min(keys, WARM_UP));
            out.write(Frames.command("FLUSHALL"));
            out.flush();
            MemoryPerKey.readLine(in);

            MemoryPerKey.settle(pid, jvm);
            long rssBefore = MemoryPerKey.rssBytes(pid);
            long usedBefore = MemoryPerKey.usedMemory(out, in);
            long heapBefore = jvm ? ListMemory.liveHeap(pid) : 0;

            load(out, in, type, keys);
            out.write(Frames.command("OBJECT", "ENCODING", type + ":0"));
            out.flush();
            MemoryPerKey.readLine(in); // $<length>
            String encoding = MemoryPerKey.readLine(in);

            MemoryPerKey.settle(pid, jvm);
            long rssAfter = MemoryPerKey.rssBytes(pid);
            long usedAfter = MemoryPerKey.usedMemory(out, in);
            double elements = keys * (double) ELEMENTS;
            String heap = jvm ? String.format(" live_heap_per_element=%.2f",
                    (ListMemory.liveHeap(pid) - heapBefore) / elements) : "";
            System.out.printf("%-8s %-4s keys=%d x %d encoding=%s rss_per_element=%.2f used_per_element=%.2f%s%n",
                    name, type, keys, ELEMENTS, encoding, (rssAfter - rssBefore) / elements,
                    (usedAfter - usedBefore) / elements, heap);
        }
    }

    /** One HSET / SADD / ZADD of 100 elements per key, keys {@code <type>:<k>}; every reply must be :100. */
    private static void load(OutputStream out, InputStream in, String type, long keys) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 20);
        for (long from = 0; from < keys; from += KEYS_PER_BATCH) {
            long to = Math.min(keys, from + KEYS_PER_BATCH);
            batch.reset();
            for (long k = from; k < to; k++) {
                batch.writeBytes(Frames.command(command(type, type + ":" + k)));
            }
            batch.writeTo(out);
            out.flush();
            for (long k = from; k < to; k++) {
                String reply = MemoryPerKey.readLine(in);
                if (!reply.equals(":" + ELEMENTS)) {
                    throw new IOException("unexpected reply " + reply);
                }
            }
        }
    }

    static String[] command(String type, String key) {
        switch (type) {
            case "hash": {
                String[] a = new String[2 + 2 * ELEMENTS];
                a[0] = "HSET";
                for (int i = 0; i < ELEMENTS; i++) {
                    a[2 + 2 * i] = "f:" + i;
                    a[3 + 2 * i] = "v:" + i;
                }
                a[1] = key;
                return a;
            }
            case "set": {
                String[] a = new String[2 + ELEMENTS];
                a[0] = "SADD";
                for (int i = 0; i < ELEMENTS; i++) {
                    a[2 + i] = "m:" + i;
                }
                a[1] = key;
                return a;
            }
            case "zset": {
                String[] a = new String[2 + 2 * ELEMENTS];
                a[0] = "ZADD";
                for (int i = 0; i < ELEMENTS; i++) {
                    a[2 + 2 * i] = Integer.toString(i);
                    a[3 + 2 * i] = "m:" + i;
                }
                a[1] = key;
                return a;
            }
            default:
                throw new IllegalArgumentException("type must be hash, set or zset: " + type);
        }
    }
}

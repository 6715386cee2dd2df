package io.nioredis.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a server costs to run, measured the same way for nioredis and Redis in one run: time from process
 * spawn to the first {@code +PONG} (median of several starts), resident memory when idle after start and
 * after 100k small keys, and size on disk. Each variant is a command line; the ones whose files are missing
 * (the jlink image is built only by its profile, the AOT cache only by a build on JDK 25) are skipped.
 *
 * <p>The JDK 25 row runs the launcher with {@code JAVA_HOME} set to {@code --java25 DIR} (or the
 * environment's {@code JAVA25_HOME}); it needs the AOT cache that a build on that JDK makes. To have both
 * rows from one jar, build on JDK 25 and then make the JDK 17 archive beside it with
 * {@code sh server/src/build/cds-archive.sh /path/to/jdk17/bin/java server/target/nioredis-server.jar}.
 *
 * <p>Run from the repository root through {@code bench/footprint.sh}.
 */
public final class Footprint {
    /** A server to measure: how to start it and which files it needs on disk beside a JDK. */
    record Variant(String name, List<String> command, List<Path> files, Map<String, String> environment) {
        Variant(String name, List<String> command, List<Path> files) {
            this(name, command, files, Map.of());
        }
    }

    /** The figures of one variant. */
    record Row(String name, long[] startMicrosSorted, long idleRssKb, long loadedRssKb, long diskBytes) {
        double medianStartMillis() {
            long[] s = startMicrosSorted;
            return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1000;
        }
    }

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int KEYS = 100_000;

    private final int port;
    private final int runs;
    private final String cpu;

    private Footprint(int port, int runs, String cpu) {
        this.port = port;
        this.runs = runs;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        int port = 7379;
        int runs = 10;
        String cpu = "0";
        Path out = Path.of("bench/results");
        List<String> only = new ArrayList<>();
        String java25 = System.getenv("JAVA25_HOME");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port": port = Integer.parseInt(args[++i]); break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--cpu": cpu = args[++i]; break;
                case "--out": out = Path.of(args[++i]); break;
                case "--only": only.add(args[++i]); break;
                case "--java25": java25 = args[++i]; break;
                default:
                    System.err.println("Usage: footprint.sh [--port P] [--runs N] [--cpu LIST|none] [--out DIR]"
                            + " [--only NAME ...] [--java25 JDK_DIR]");
                    System.exit(1);
            }
        }
        if (only.isEmpty() || only.stream().anyMatch(name -> name.startsWith("floor"))) {
            makeFloorCaches(java25);
        }
        Footprint footprint = new Footprint(port, runs, cpu);
        List<Variant> chosen = new ArrayList<>();
        for (Variant v : variants(port, java25)) {
            if (!only.isEmpty() && !only.contains(v.name())) {
                continue;
            }
            if (!v.files().stream().allMatch(Files::exists)) {
                System.err.println("skipping " + v.name() + ": " + v.files() + " not built");
                continue;
            }
            System.err.println("measuring " + v.name() + ": " + String.join(" ", v.command()));
            chosen.add(v);
        }
        List<Row> rows = footprint.measure(chosen);
        String table = footprint.table(rows);
        System.out.print(table);
        Files.createDirectories(out);
        Path file = out.resolve("footprint-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, table);
        System.err.println("written to " + file);
    }

    /**
     * The variants the issue compares, with the launcher's own defaults and no flags of ours but
     * {@code --save ""}: with the default save points a server stopped after the 100k keys would write a
     * dump.rdb that every later start (Redis's too) would load.
     */
    static List<Variant> variants(int port, String java25) {
        String p = Integer.toString(port);
        Path jar = Path.of("server/target/nioredis-server.jar");
        Path archive = Path.of("server/target/nioredis-server.jsa");
        Path image = Path.of("server/target/image");
        String redis = whichRedis();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("redis-server", List.of(redis, "--port", p, "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no"), List.of(Path.of(redis))));
        variants.add(new Variant("java -jar", List.of("java", "-jar", jar.toString(), "--port", p, "--bind",
                "127.0.0.1", "--save", ""), List.of(jar)));
        variants.add(new Variant("launcher+CDS", List.of("bin/nioredis-server", "--port", p, "--bind", "127.0.0.1", "--save", ""),
                List.of(Path.of("bin/nioredis-server"), jar, archive)));
        if (java25 != null) {
            variants.add(new Variant("launcher+AOT, JDK 25", List.of("bin/nioredis-server", "--port", p, "--bind",
                    "127.0.0.1", "--save", ""), List.of(Path.of("bin/nioredis-server"), jar,
                    Path.of("server/target/nioredis-server.aot")), Map.of("JAVA_HOME", java25)));
        }
        variants.addAll(floors(p, java25));
        variants.add(new Variant("jlink image", List.of(image.resolve("bin/nioredis-server").toString(), "--port", p,
                "--bind", "127.0.0.1", "--save", ""), List.of(image)));
        return variants;
    }

    /**
     * The JVM's floor ({@link PongFloor}) with the same JVM and flags as the launcher's rows: once with only
     * the JDK's default class-data archive, as any java process gets, and once with an archive (on JDK 25 an
     * AOT cache) made from its own training run the way the server's is, which is the fair comparison for
     * the launcher with its archive. {@code bench/footprint.sh} makes the floor's archive and cache.
     */
    static List<Variant> floors(String port, String java25) {
        Path bench = Path.of("bench/target/benchmarks.jar");
        List<String> flags = launcherFlags();
        List<Variant> floors = new ArrayList<>();
        String java17 = System.getenv("JAVA_HOME") != null ? System.getenv("JAVA_HOME") + "/bin/java" : "java";
        floors.add(floor("floor", java17, flags, List.of(), bench, port));
        Path archive = Path.of("bench/target/pong-floor.jsa");
        floors.add(floor("floor+CDS", java17, flags, List.of("-XX:SharedArchiveFile=" + archive), bench, port,
                archive));
        if (java25 != null) {
            String java = java25 + "/bin/java";
            floors.add(floor("floor, JDK 25", java, flags, List.of(), bench, port));
            // -Xms12m as the launcher gives it with its AOT cache, whose heap objects need the room.
            Path cache = Path.of("bench/target/pong-floor.aot");
            floors.add(floor("floor+AOT, JDK 25", java, flags, List.of("-Xms12m", "-XX:AOTCache=" + cache), bench,
                    port, cache));
        }
        return floors;
    }

    /**
     * Makes the floor's class-data archive (JDK 17) and AOT cache (JDK 25) afresh, from PongFloor's training
     * run, the way server/src/build makes the server's: a second or two, and never stale.
     */
    static void makeFloorCaches(String java25) throws IOException, InterruptedException {
        String jar = "bench/target/benchmarks.jar";
        String floor = PongFloor.class.getName();
        String java17 = System.getenv("JAVA_HOME") != null ? System.getenv("JAVA_HOME") + "/bin/java" : "java";
        Files.deleteIfExists(Path.of("bench/target/pong-floor.jsa"));
        run(java17, "-Xshare:off", "-XX:DumpLoadedClassList=bench/target/pong-floor.classlist", "-cp", jar, floor,
                "--train");
        run(java17, "-XX:+UseSerialGC", "-Xshare:dump", "-XX:SharedClassListFile=bench/target/pong-floor.classlist",
                "-XX:SharedArchiveFile=bench/target/pong-floor.jsa", "-Xlog:cds=error", "-cp", jar);
        if (java25 != null) {
            Files.deleteIfExists(Path.of("bench/target/pong-floor.aot"));
            run(java25 + "/bin/java", "-XX:+UseSerialGC", "-XX:AOTCacheOutput=bench/target/pong-floor.aot", "-cp",
                    jar, floor, "--train");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static Variant floor(String name, String java, List<String> flags, List<String> cache, Path jar,
                                 String port, Path... needs) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.addAll(cache);
        command.addAll(List.of("-cp", jar.toString(), PongFloor.class.getName(), port, "127.0.0.1"));
        List<Path> files = new ArrayList<>(List.of(jar));
        files.addAll(List.of(needs));
        return new Variant(name, command, files);
    }

    /**
     * The JVM flags bin/nioredis-server passes before its start-up cache, as it prints them
     * ({@code NIOREDIS_PRINT_JVM_FLAGS}), so that the floor runs with exactly the launcher's flags as they
     * are on this machine and JDK.
     */
    static List<String> launcherFlags() {
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "bin/nioredis-server").redirectErrorStream(true);
            builder.environment().put("NIOREDIS_PRINT_JVM_FLAGS", "1");
            Process launcher = builder.start();
            String out = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (launcher.waitFor() != 0 || !out.startsWith("-")) {
                throw new IllegalStateException("bin/nioredis-server did not print its JVM flags: " + out);
            }
            return List.of(out.split(" +"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String whichRedis() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return "redis-server";
    }

    /**
     * Start times round-robin over the variants (start 1 of each, then start 2 of each, ...), so that load
     * from elsewhere on the machine falls on all of them alike; then memory, one variant at a time.
     */
    List<Row> measure(List<Variant> variants) throws Exception {
        long[][] starts = new long[variants.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int v = 0; v < variants.size(); v++) {
                long began = System.nanoTime();
                Process process = spawn(variants.get(v));
                try {
                    starts[v][r] = TimeUnit.NANOSECONDS.toMicros(firstPongAt(process) - began);
                } finally {
                    stop(process);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Arrays.sort(starts[v]);
            rows.add(memory(variants.get(v), starts[v]));
        }
        return rows;
    }

    private Row memory(Variant v, long[] startMicrosSorted) throws Exception {
        Process process = spawn(v);
        try {
            firstPongAt(process);
            Thread.sleep(1000); // let start-up work (JIT, class loading) settle before reading "idle"
            long idle = rssKb(process);
            long loaded = -1;
            if (!v.command().contains(PongFloor.class.getName())) { // the floor stores nothing
                fill(KEYS);
                Thread.sleep(200);
                loaded = rssKb(process);
            }
            return new Row(v.name(), startMicrosSorted, idle, loaded, diskBytes(v.files()));
        } finally {
            stop(process);
        }
    }

    private Process spawn(Variant v) throws IOException {
        List<String> command = new ArrayList<>();
        if (!cpu.equals("none")) {
            command.addAll(List.of("taskset", "-c", cpu));
        }
        command.addAll(v.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(v.environment());
        return builder.start();
    }

    /** The nanoTime at which +PONG was read; polls the port until the server answers. */
    private long firstPongAt(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        byte[] reply = new byte[7];
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.getOutputStream().write(PING);
                readFully(socket.getInputStream(), reply);
                long at = System.nanoTime();
                if (!new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    throw new IllegalStateException("unexpected reply " + new String(reply, StandardCharsets.US_ASCII));
                }
                return at;
            } catch (IOException notYet) {
                Thread.sleep(0, 250_000);
            }
        }
        throw new IllegalStateException("no PONG within 20 s");
    }

    /** Pipelines SETs of small keys and values (10 bytes each, like redis-benchmark's keys) and waits for every reply. */
    private void fill(int keys) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] replies = new byte[5 * 1000];
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < keys; i += 1000) {
                batch.setLength(0);
                for (int k = i; k < i + 1000; k++) {
                    String key = String.format(Locale.ROOT, "key:%06d", k);
                    String value = String.format(Locale.ROOT, "value:%04d", k % 10_000);
                    batch.append("*3\r\n$3\r\nSET\r\n$").append(key.length()).append("\r\n").append(key)
                            .append("\r\n$").append(value.length()).append("\r\n").append(value).append("\r\n");
                }
                out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                readFully(in, replies); // 1000 times "+OK\r\n"
            }
        }
    }

    private static void readFully(InputStream in, byte[] into) throws IOException {
        int n = 0;
        while (n < into.length) {
            int r = in.read(into, n, into.length - n);
            if (r < 0) {
                throw new IOException("connection closed");
            }
            n += r;
        }
    }

    /** VmRSS of the server: the deepest descendant when the command is a wrapper (taskset, a launcher). */
    private static long rssKb(Process process) throws IOException {
        ProcessHandle target = process.toHandle();
        while (true) {
            List<ProcessHandle> children = target.children().toList();
            if (children.isEmpty()) {
                break;
            }
            target = children.get(0);
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + target.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for pid " + target.pid());
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static long diskBytes(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try (Stream<Path> all = Files.walk(f)) {
                total += all.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /**
     * Issue 16's ratios: the launcher's first PONG at most 1.25x the floor's and its idle RSS at most the
     * floor's + 4 MB, on the same JDK; on JDK 25 with the AOT cache, first PONG at most 0.6x JDK 17's.
     * The floor with its own archive is the one compared: the launcher runs with its own archive too.
     */
    static String againstTheFloor(List<Row> rows) {
        Map<String, Row> byName = new java.util.HashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        StringBuilder s = new StringBuilder();
        compare(s, byName.get("launcher+CDS"), byName.get("floor+CDS"), "JDK 17, both with their own CDS archive");
        compare(s, byName.get("launcher+CDS"), byName.get("floor"),
                "JDK 17, the floor with the JDK's default archive only");
        compare(s, byName.get("launcher+AOT, JDK 25"), byName.get("floor+AOT, JDK 25"),
                "JDK 25, both with their own AOT cache");
        Row aot = byName.get("launcher+AOT, JDK 25");
        Row cds = byName.get("launcher+CDS");
        if (aot != null && cds != null) {
            s.append(String.format(Locale.ROOT, "- launcher first PONG, JDK 25 with the AOT cache against JDK 17"
                    + " with CDS: %.2fx (aim <= 0.6x)%n", aot.medianStartMillis() / cds.medianStartMillis()));
        }
        return s.length() == 0 ? "" : "\nAgainst the JVM's floor (PongFloor, the launcher's JVM flags):\n\n" + s;
    }

    private static void compare(StringBuilder s, Row launcher, Row floor, String which) {
        if (launcher == null || floor == null) {
            return;
        }
        s.append(String.format(Locale.ROOT, "- %s: first PONG %.2fx the floor's (aim <= 1.25x), idle RSS %+.1f MB"
                        + " over the floor's (aim <= +4 MB)%n", which,
                launcher.medianStartMillis() / floor.medianStartMillis(),
                (launcher.idleRssKb() - floor.idleRssKb()) / 1024.0));
    }

    String table(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("# Footprint, ").append(LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append("\n\n");
        s.append("java ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible to the meter, ")
                .append(cpu.equals("none") ? "servers not pinned" : "servers pinned to CPU " + cpu).append(", ").append(runs).append(" starts each, ")
                .append(KEYS).append(" keys of 10-byte names and values.\n\n");
        s.append("| variant | first PONG median (ms) | min..max (ms) | idle RSS (MB) | RSS, 100k keys (MB) | on disk (MB) |\n");
        s.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f..%.0f | %.1f | %.1f | %.2f |%n", r.name(),
                    r.medianStartMillis(), r.startMicrosSorted()[0] / 1000.0,
                    r.startMicrosSorted()[r.startMicrosSorted().length - 1] / 1000.0,
                    r.idleRssKb() / 1024.0, r.loadedRssKb() / 1024.0, r.diskBytes() / 1048576.0)
                    .replace("| -0.0 |", "| - |"));
        }
        s.append("\nOn disk: the files each variant needs beside an installed JDK (the jlink image needs none);"
                + " for Redis, the redis-server binary alone; for the floor, the benchmarks jar it runs from.\n");
        s.append(againstTheFloor(rows));
        return s.toString();
    }
}

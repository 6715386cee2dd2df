package io.nioredis.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The request bytes the benchmarks feed to the parser, built once per trial. */
final class Frames {
    private Frames() {}

    /** One RESP multibulk request, e.g. {@code command("SET", "k", "v")}. */
    static byte[] command(String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return command(raw);
    }

    static byte[] command(byte[]... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(a);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    static byte[] value(int length) {
        byte[] v = new byte[length];
        Arrays.fill(v, (byte) 'x');
        return v;
    }

    /** 16 commands of the mix a cache client sends: GETs, SETs, an INCR, an EXPIRE, a DEL, a PING. */
    static byte[] pipeline16() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i++) {
            String key = "user:" + (1000 + i);
            switch (i % 8) {
                case 0: case 2: case 4:
                    out.writeBytes(command("GET", key));
                    break;
                case 1: case 5:
                    out.writeBytes(command("SET", key, "value-" + i));
                    break;
                case 3:
                    out.writeBytes(command("INCR", "counter:" + i));
                    break;
                case 6:
                    out.writeBytes(command("EXPIRE", key, "60"));
                    break;
                default:
                    out.writeBytes(i == 15 ? command("PING") : command("DEL", key));
            }
        }
        return out.toByteArray();
    }

    /** The named frame of {@link ParserBenchmark}'s sweep. */
    static byte[] named(String name) {
        switch (name) {
            case "get":
                return command("GET", "key:000001");
            case "set-3B":
                return command("SET".getBytes(StandardCharsets.US_ASCII),
                        "key:000001".getBytes(StandardCharsets.US_ASCII), value(3));
            case "set-1KB":
                return command("SET".getBytes(StandardCharsets.US_ASCII),
                        "key:000001".getBytes(StandardCharsets.US_ASCII), value(1024));
            case "pipeline-16":
                return pipeline16();
            case "bulk-1MB":
                return command("SET".getBytes(StandardCharsets.US_ASCII),
                        "key:000001".getBytes(StandardCharsets.US_ASCII), value(1024 * 1024));
            case "inline-ping":
                return "PING\r\n".getBytes(StandardCharsets.US_ASCII);
            default:
                throw new IllegalArgumentException("no frame named " + name);
        }
    }
}

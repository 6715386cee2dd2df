package io.nioredis.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates hostile request bytes from a seeded Random: valid commands with garbage arguments, valid frames
 * mutated (bytes flipped, cut short, lengths made wrong, negative or huge), absurd counts and pure noise.
 * Keys all start with {@code fz}, and no command that could reach another client's data (FLUSHALL,
 * FLUSHDB, CONFIG, SHUTDOWN) is ever produced on purpose, so a well-behaved client's keys must survive.
 */
final class FuzzFrames {
    private static final String[] COMMANDS = {
        "SET", "GET", "DEL", "EXISTS", "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT", "TTL", "PTTL", "PERSIST",
        "TYPE", "KEYS", "DBSIZE", "INFO", "PING", "ECHO", "SELECT", "COMMAND", "AUTH", "QUIT", "NOSUCHCMD",
        "set", "gEt",
    };

    private final Random random;

    FuzzFrames(Random random) {
        this.random = random;
    }

    byte[] next() {
        switch (random.nextInt(8)) {
            case 0: return noise();
            case 1: return hugeOrNegativeLengths();
            case 2: return inline();
            case 3:
            case 4: return mutate(validCommand());
            default: return validCommand();
        }
    }

    /** A well-formed multibulk command whose arguments may be anything. */
    byte[] validCommand() {
        String name = COMMANDS[random.nextInt(COMMANDS.length)];
        int argc = random.nextInt(6);
        byte[][] args = new byte[argc + 1][];
        args[0] = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i <= argc; i++) {
            args[i] = i == 1 ? key() : garbageArgument();
        }
        return multibulk(args);
    }

    private byte[] key() {
        byte[] k = new byte[2 + random.nextInt(6)];
        random.nextBytes(k);
        k[0] = 'f';
        k[1] = 'z';
        return k;
    }

    private byte[] garbageArgument() {
        switch (random.nextInt(7)) {
            case 0: return Long.toString(random.nextLong()).getBytes(StandardCharsets.US_ASCII);
            case 1: return Integer.toString(random.nextInt(2000) - 1000).getBytes(StandardCharsets.US_ASCII);
            case 2: return new String[] {"EX", "PX", "NX", "XX", "GT", "LT", "KEEPTTL", "GET", "EXAT", "PXAT"}
                    [random.nextInt(10)].getBytes(StandardCharsets.US_ASCII);
            case 3: return new byte[0];
            case 4: return "*".getBytes(StandardCharsets.US_ASCII);
            default: {
                byte[] b = new byte[random.nextInt(random.nextInt(10) == 0 ? 4000 : 40)];
                random.nextBytes(b);
                return b;
            }
        }
    }

    private byte[] mutate(byte[] frame) {
        byte[] b = frame.clone();
        switch (random.nextInt(5)) {
            case 0: { // flip a few bytes
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 1: // cut short: the rest never comes on this connection
                return java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 2: { // a digit inserted into a length
                String s = new String(b, StandardCharsets.ISO_8859_1);
                int at = s.indexOf('$', random.nextInt(s.length()));
                if (at < 0) {
                    at = 0;
                }
                return (s.substring(0, at + 1) + random.nextInt(10) + s.substring(at + 1))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3: { // CRLF damaged
                String s = new String(b, StandardCharsets.ISO_8859_1);
                return s.replaceFirst("\r\n", random.nextBoolean() ? "\n" : "\r").getBytes(StandardCharsets.ISO_8859_1);
            }
            default: { // two frames glued with noise between
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(b);
                out.writeBytes(noise());
                out.writeBytes(validCommand());
                return out.toByteArray();
            }
        }
    }

    private byte[] hugeOrNegativeLengths() {
        String[] frames = {
            "*" + Integer.MAX_VALUE + "\r\n$3\r\nGET\r\n",
            "*2147483648\r\n",
            "*-" + random.nextInt(100) + "\r\n",
            "*1\r\n$-" + random.nextInt(100) + "\r\n",
            "*2\r\n$3\r\nGET\r\n$" + (512L * 1024 * 1024) + "\r\nabc",
            "*2\r\n$3\r\nGET\r\n$" + Long.MAX_VALUE + "\r\n",
            "*1\r\n$99999999999999999999\r\n",
            "*" + random.nextInt(1_000_000) + "\r\n$0\r\n\r\n",
            "*3\r\n$3\r\nSET\r\n$2\r\nfz\r\n$" + random.nextInt(100_000_000) + "\r\n" + "x".repeat(random.nextInt(1000)),
            "*1\r\n" + "9".repeat(70_000),
            "$5\r\nhello\r\n",
            "*1\r\n:5\r\n",
        };
        return frames[random.nextInt(frames.length)].getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] inline() {
        StringBuilder b = new StringBuilder(COMMANDS[random.nextInt(COMMANDS.length)]);
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            b.append(' ');
            switch (random.nextInt(4)) {
                case 0: b.append("\"unbalanced"); break;
                case 1: b.append("'a\\x4").append("'"); break;
                case 2: b.append("\"\\x41\\n\""); break;
                default: b.append("fz").append(random.nextInt(100));
            }
        }
        if (random.nextInt(20) == 0) {
            b.append("x".repeat(70_000)); // past the inline limit, no newline
        } else {
            b.append(random.nextBoolean() ? "\r\n" : "\n");
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] noise() {
        byte[] b = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 100_000 : 200)];
        random.nextBytes(b);
        return b;
    }

    static byte[] multibulk(byte[]... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(a);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}

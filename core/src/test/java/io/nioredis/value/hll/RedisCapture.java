package io.nioredis.value.hll;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Redis 7.0.15 answered and stored for the HLL scenarios the tests replay (captured once from a real server,
 * see the resource file). Each line is {@code name kind data}: {@code hex <bytes>} for a small value,
 * {@code sha256 <length> <digest>} for a large one, or a reply such as {@code count 1002}.
 */
final class RedisCapture {
    private static final Map<String, String> LINES = load();

    private RedisCapture() {}

    /** The element the captured scenarios add as number {@code i}: the ASCII text "el-i". */
    static byte[] element(int i) {
        return ("el-" + i).getBytes(StandardCharsets.US_ASCII);
    }

    static boolean has(String name, String kind) {
        return LINES.containsKey(name + " " + kind);
    }

    static String reply(String name, String kind) {
        String value = LINES.get(name + " " + kind);
        assertThat(value).as("captured %s %s", name, kind).isNotNull();
        return value;
    }

    static long number(String name, String kind) {
        return Long.parseLong(reply(name, kind));
    }

    /** Asserts that {@code a[off, off+len)} are the bytes Redis stored for the scenario {@code name}. */
    static void assertValue(String name, byte[] a, int off, int len) {
        byte[] value = java.util.Arrays.copyOfRange(a, off, off + len);
        if (has(name, "hex")) {
            assertThat(HexFormat.of().formatHex(value)).as(name).isEqualTo(reply(name, "hex"));
        } else {
            String[] lengthAndDigest = reply(name, "sha256").split(" ");
            assertThat(len).as("%s length", name).isEqualTo(Integer.parseInt(lengthAndDigest[0]));
            assertThat(sha256(value)).as("%s sha256", name).isEqualTo(lengthAndDigest[1]);
        }
    }

    static byte[] hex(String name) {
        return HexFormat.of().parseHex(reply(name, "hex"));
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> load() {
        Map<String, String> lines = new HashMap<>();
        try (InputStream in = RedisCapture.class.getResourceAsStream("redis-7.0.15-hll.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = reader.readLine()) != null; ) {
                int a = line.indexOf(' ');
                int b = line.indexOf(' ', a + 1);
                lines.put(line.substring(0, b), line.substring(b + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}

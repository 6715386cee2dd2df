package io.nioredis.rdb;

import io.nioredis.rdb.RdbValue.HashEntry;
import io.nioredis.rdb.RdbValue.HashValue;
import io.nioredis.rdb.RdbValue.ListValue;
import io.nioredis.rdb.RdbValue.ScoredMember;
import io.nioredis.rdb.RdbValue.SetValue;
import io.nioredis.rdb.RdbValue.SortedSetValue;
import io.nioredis.rdb.RdbValue.StringValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values whose DUMP payloads were captured from Redis 7.0.15 (by {@link RedisDumpCapture}, into
 * redis-7.0.15-dumps.txt), one per type and encoding, with the commands that build each in Redis.
 * Tests and the capture tool share this one definition, so the expected values cannot drift apart.
 */
final class RedisDumpSamples {
    private RedisDumpSamples() {}

    /** How far our writer's bytes can be compared with Redis's for a sample. */
    enum Comparison {
        /** Redis's encoding is a pure function of the value: our payload must be byte-identical. */
        BYTES,
        /** Redis writes a hash table in its own hash order: compare decoded content only. */
        CONTENT
    }

    record Sample(String name, RdbValue value, Comparison comparison) {}

    static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        Map<String, byte[]> strings = new LinkedHashMap<>();
        strings.put("str.empty", bytes(""));
        strings.put("str.hello", bytes("hello"));
        for (String n : List.of("0", "-1", "127", "128", "-128", "-129", "32767", "-32768", "32768", "2147483647",
                "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808")) {
            strings.put("str.int." + n, bytes(n));
        }
        for (String n : List.of("007", "-0", "+5", " 5", "12345678901")) {
            strings.put("str.notint." + n.replace(' ', '_'), bytes(n));
        }
        strings.put("str.len20", bytes("a".repeat(20)));
        strings.put("str.len21", bytes("a".repeat(21)));
        strings.put("str.lzf.a100", bytes("a".repeat(100)));
        strings.put("str.lzf.hello", bytes("hello world ".repeat(50)));
        byte[] all256 = new byte[256];
        for (int i = 0; i < 256; i++) {
            all256[i] = (byte) i;
        }
        strings.put("str.raw.bytes256", all256);
        byte[] pattern = new byte[16384];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 7 + (i >> 8));
        }
        strings.put("str.raw.16384", pattern);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("line ").append(i).append(" of the quick brown fox; ");
        }
        strings.put("str.lzf.text", bytes(text.toString()));
        byte[] mixed = new byte[64 * 3 + 120];
        for (int i = 0; i < 192; i++) {
            mixed[i] = (byte) (i % 64);
        }
        System.arraycopy(bytes("xyz".repeat(40)), 0, mixed, 192, 120);
        strings.put("str.lzf.mixed", mixed);
        strings.forEach((name, value) -> samples.add(new Sample(name, new StringValue(value), Comparison.BYTES)));

        samples.add(list("list.small", List.of("a", "b", "1", "2", "-5", "1000", "100000", "x".repeat(70), "",
                "-4096", "4095", "-4097", "4096", "32767", "-32768", "8388607", "-8388608", "8388608",
                "2147483647", "-2147483649", "9223372036854775807", "-9223372036854775808", "007", "127", "128",
                "-1", "63", "64")));
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            big.add("element-" + i);
        }
        samples.add(list("list.big", big));
        List<String> ints = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ints.add(Integer.toString(i * 37 - 5000));
        }
        samples.add(list("list.ints", ints));
        samples.add(list("list.longelem", List.of("y".repeat(5000), "z".repeat(4095), "w".repeat(4096),
                "v".repeat(63), "u".repeat(64), "q".repeat(200000))));

        samples.add(set("set.intset.small", Comparison.BYTES, "1", "2", "3", "-5", "100"));
        samples.add(set("set.intset.32", Comparison.BYTES, "1", "70000", "-70000"));
        samples.add(set("set.intset.64", Comparison.BYTES, "1", "5000000000", "-9223372036854775808"));
        samples.add(set("set.intset.512", Comparison.BYTES, evens(512)));
        samples.add(set("set.ht.513", Comparison.CONTENT, evens(513)));
        samples.add(set("set.ht.strings", Comparison.CONTENT, "apple", "banana", "cherry", "1"));
        samples.add(set("set.ht.007", Comparison.CONTENT, "007", "1"));

        samples.add(hash("hash.small", Comparison.BYTES, "name", "nioredis", "age", "3", "neg", "-70000", "empty", ""));
        samples.add(hash("hash.lp.512", Comparison.BYTES, fieldsAndSquares(512)));
        samples.add(hash("hash.ht.513", Comparison.CONTENT, fieldsAndSquares(513)));
        samples.add(hash("hash.ht.longvalue", Comparison.CONTENT, "a", "b", "long", "v".repeat(65)));
        samples.add(hash("hash.lp.64", Comparison.BYTES, "k".repeat(64), "v".repeat(64)));

        samples.add(zset("zset.small",
                1, "one", 1.5, "onehalf", 0.1, "tenth", Double.NEGATIVE_INFINITY, "neginf",
                Double.POSITIVE_INFINITY, "posinf", 0, "zero", -2.5, "neg", 1e20, "big", 1e-5, "tiny",
                12345678, "int", 3, "a", 3, "b", 123456789012345678d, "huge", 0.3, "pointthree",
                4503599627370496d, "pow52", -4503599627370495d, "negpow52", 1e300, "e300", 2.5e-300, "tinytiny",
                100, "hundred", 1.0 / 3, "third", 0.5, "-0"));
        samples.add(zset("zset.lp.128", halves(128)));
        samples.add(zset("zset.sl.129", halves(129)));
        samples.add(zset("zset.sl.longmember", 1, "a", 2, "m".repeat(65), 2, "b", Double.NEGATIVE_INFINITY, "c"));
        return samples;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Sample list(String name, List<String> elements) {
        List<byte[]> list = new ArrayList<>();
        elements.forEach(e -> list.add(bytes(e)));
        return new Sample(name, new ListValue(list), Comparison.BYTES);
    }

    private static Sample set(String name, Comparison comparison, String... members) {
        List<byte[]> list = new ArrayList<>();
        for (String m : members) {
            list.add(bytes(m));
        }
        return new Sample(name, new SetValue(list), comparison);
    }

    private static Sample hash(String name, Comparison comparison, String... fieldsAndValues) {
        List<HashEntry> entries = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            entries.add(new HashEntry(bytes(fieldsAndValues[i]), bytes(fieldsAndValues[i + 1])));
        }
        return new Sample(name, new HashValue(entries), comparison);
    }

    /** Alternating score (a Number) and member. Sorted sets are written in score order: always BYTES. */
    private static Sample zset(String name, Object... scoresAndMembers) {
        List<ScoredMember> members = new ArrayList<>();
        for (int i = 0; i < scoresAndMembers.length; i += 2) {
            members.add(new ScoredMember(bytes((String) scoresAndMembers[i + 1]),
                    ((Number) scoresAndMembers[i]).doubleValue()));
        }
        return new Sample(name, new SortedSetValue(members), Comparison.BYTES);
    }

    private static String[] evens(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = Integer.toString(i * 2);
        }
        return out;
    }

    private static String[] fieldsAndSquares(int n) {
        String[] out = new String[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = "field:" + i;
            out[2 * i + 1] = "value:" + (i * i);
        }
        return out;
    }

    private static Object[] halves(int n) {
        Object[] out = new Object[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = i * 0.5;
            out[2 * i + 1] = "m" + i;
        }
        return out;
    }

    /** The commands that build the value in Redis, for the capture tool. */
    static List<List<byte[]>> commandsFor(String key, RdbValue value) {
        List<List<byte[]>> commands = new ArrayList<>();
        byte[] k = bytes(key);
        if (value instanceof StringValue s) {
            commands.add(List.of(bytes("SET"), k, s.bytes()));
        } else if (value instanceof ListValue l) {
            chunked(commands, "RPUSH", k, l.elements());
        } else if (value instanceof SetValue s) {
            chunked(commands, "SADD", k, s.members());
        } else if (value instanceof HashValue h) {
            List<byte[]> args = new ArrayList<>();
            h.entries().forEach(e -> {
                args.add(e.field());
                args.add(e.value());
            });
            chunked(commands, "HSET", k, args);
        } else if (value instanceof SortedSetValue z) {
            List<byte[]> args = new ArrayList<>();
            z.members().forEach(m -> {
                args.add(bytes(scoreArgument(m.score())));
                args.add(m.member());
            });
            chunked(commands, "ZADD", k, args);
        }
        return commands;
    }

    /** Exact decimal text, so Redis's strtod reads back the very same double. */
    static String scoreArgument(double score) {
        if (Double.isInfinite(score)) {
            return score > 0 ? "+inf" : "-inf";
        }
        if (score == 0) {
            return 1.0 / score < 0 ? "-0" : "0";
        }
        return new BigDecimal(score).toString();
    }

    /** Arguments in chunks of 1000 (an even count, so pairs stay together). */
    private static void chunked(List<List<byte[]>> commands, String name, byte[] key, List<byte[]> args) {
        for (int from = 0; from < args.size(); from += 1000) {
            List<byte[]> command = new ArrayList<>();
            command.add(bytes(name));
            command.add(key);
            command.addAll(args.subList(from, Math.min(args.size(), from + 1000)));
            commands.add(command);
        }
    }
}

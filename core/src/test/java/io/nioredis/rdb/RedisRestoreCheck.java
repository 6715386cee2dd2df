package io.nioredis.rdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Not a test: checks the other direction by hand against a real Redis 7.0 (it flushes that server!):
 * {@code java -cp core/target/classes:core/target/test-classes io.nioredis.rdb.RedisRestoreCheck PORT}.
 * For every {@link RedisDumpSamples} value it RESTOREs our payload, builds the same value with ordinary
 * commands, and compares: the content read back (sorted where Redis's order is its hash order), the
 * OBJECT ENCODING, and Redis's own DUMP of both keys. Prints one line per sample and a summary.
 */
final class RedisRestoreCheck {
    private RedisRestoreCheck() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int failures = 0;
        try (TinyRespClient redis = new TinyRespClient(port)) {
            redis.call("FLUSHALL");
            System.out.println("Redis " + serverVersion(redis));
            for (RedisDumpSamples.Sample sample : RedisDumpSamples.all()) {
                String built = "built:" + sample.name();
                String restored = "restored:" + sample.name();
                for (var command : RedisDumpSamples.commandsFor(built, sample.value())) {
                    redis.call(command);
                }
                byte[] ours = DumpPayload.create(sample.value(), EncodingLimits.DEFAULTS);
                redis.call("RESTORE", restored, "0", ours);
                boolean sameContent = content(redis, built).equals(content(redis, restored));
                String builtEncoding = text(redis.call("OBJECT", "ENCODING", built));
                String restoredEncoding = text(redis.call("OBJECT", "ENCODING", restored));
                byte[] redisDumpOfBuilt = (byte[]) redis.call("DUMP", built);
                byte[] redisDumpOfRestored = (byte[]) redis.call("DUMP", restored);
                boolean sameDump = Arrays.equals(redisDumpOfBuilt, redisDumpOfRestored);
                boolean oursIsRedis = Arrays.equals(ours, redisDumpOfBuilt);
                boolean ok = sameContent && builtEncoding.equals(restoredEncoding)
                        && (sample.comparison() == RedisDumpSamples.Comparison.CONTENT || (sameDump && oursIsRedis));
                if (!ok) {
                    failures++;
                }
                System.out.printf("%-24s %s content=%s encoding=%s/%s redisDumpsEqual=%s oursEqualsRedis=%s%n",
                        sample.name(), ok ? "OK  " : "FAIL", sameContent, builtEncoding, restoredEncoding, sameDump,
                        oursIsRedis);
                if (!oursIsRedis && sample.comparison() == RedisDumpSamples.Comparison.BYTES) {
                    System.out.println("  ours:  " + HexFormat.of().formatHex(ours));
                    System.out.println("  redis: " + HexFormat.of().formatHex(redisDumpOfBuilt));
                }
            }
        }
        System.out.println(failures == 0 ? "all samples restored correctly" : failures + " samples FAILED");
    }

    static String serverVersion(TinyRespClient redis) throws IOException {
        String info = text(redis.call("INFO", "server"));
        for (String line : info.split("\r\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length());
            }
        }
        return "?";
    }

    /** The value as Redis reports it, as text; members of unordered types sorted. */
    private static String content(TinyRespClient redis, String key) throws IOException {
        String type = text(redis.call("TYPE", key));
        switch (type) {
            case "string":
                return HexFormat.of().formatHex((byte[]) redis.call("GET", key));
            case "list":
                return joined(redis.call("LRANGE", key, "0", "-1"), false);
            case "set":
                return joined(redis.call("SMEMBERS", key), true);
            case "hash":
                return pairs(redis.call("HGETALL", key));
            case "zset":
                return joined(redis.call("ZRANGE", key, "0", "-1", "WITHSCORES"), false);
            default:
                return type;
        }
    }

    private static String joined(Object reply, boolean sort) {
        List<String> items = new ArrayList<>();
        for (Object o : (List<?>) reply) {
            items.add(HexFormat.of().formatHex((byte[]) o));
        }
        if (sort) {
            items.sort(null);
        }
        return String.join(",", items);
    }

    private static String pairs(Object reply) {
        List<?> flat = (List<?>) reply;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += 2) {
            items.add(HexFormat.of().formatHex((byte[]) flat.get(i)) + "=" + HexFormat.of().formatHex((byte[]) flat.get(i + 1)));
        }
        items.sort(null);
        return String.join(",", items);
    }

    private static String text(Object reply) {
        return new String((byte[]) reply, StandardCharsets.ISO_8859_1);
    }
}

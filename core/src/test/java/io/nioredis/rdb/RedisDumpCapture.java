package io.nioredis.rdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Not a test: the tool that produced redis-7.0.15-dumps.txt. Run it against a real Redis 7.0 with
 * default encoding settings (it flushes that server!):
 * {@code java -cp core/target/classes:core/target/test-classes io.nioredis.rdb.RedisDumpCapture PORT}.
 * It builds every {@link RedisDumpSamples} value with ordinary commands and prints one line per sample:
 * name, Redis's OBJECT ENCODING, and the DUMP payload in hex.
 */
final class RedisDumpCapture {
    private RedisDumpCapture() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (TinyRespClient redis = new TinyRespClient(port)) {
            redis.call("FLUSHALL");
            System.out.println("# DUMP payloads from Redis "
                    + RedisRestoreCheck.serverVersion(redis) + " (default encoding limits), written by RedisDumpCapture");
            for (RedisDumpSamples.Sample sample : RedisDumpSamples.all()) {
                for (var command : RedisDumpSamples.commandsFor(sample.name(), sample.value())) {
                    redis.call(command);
                }
                byte[] dump = (byte[]) redis.call("DUMP", sample.name());
                String encoding = new String((byte[]) redis.call("OBJECT", "ENCODING", sample.name()),
                        StandardCharsets.US_ASCII);
                System.out.println(sample.name() + " " + encoding + " " + HexFormat.of().formatHex(dump));
            }
        }
    }
}

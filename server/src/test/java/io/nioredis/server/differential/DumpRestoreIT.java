package io.nioredis.server.differential;

import io.nioredis.server.ExternalTools;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DUMP on a real redis-server 7.0 and RESTORE here, and the other way, for every type in each of the
 * encodings Redis picks by size (int and raw strings, listpack and quicklist lists, intset and hashtable
 * sets, listpack and hashtable hashes, listpack and skip-list sorted sets, streams of every shape); the
 * restored value must read back the same on both servers. Runs only when {@code redis-server} is on the PATH.
 */
class DumpRestoreIT {
    private final Random random = new Random(7);

    @Test
    void payloadsCrossBetweenRedisAndNioredis() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess redisServer = RedisServerProcess.start();
             TestServer nioServer = TestServer.start();
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            List<String[]> keys = fill(redis);
            fill(nioredis);
            for (String[] key : keys) {
                crossAndCompare(redis, nioredis, key[0], key[1]);
                crossAndCompare(nioredis, redis, key[0], key[1]);
            }
            // A TTL travels as RESTORE's argument, not inside the payload.
            byte[] payload = redis.call("DUMP", "str-int").payload;
            assertThat(nioredis.call(args("RESTORE", "ttl-copy", "100000", payload)).text()).isEqualTo("OK");
            assertThat(Long.parseLong(nioredis.call("PTTL", "ttl-copy").text())).isBetween(90_000L, 100_000L);
            assertThat(nioredis.call(args("RESTORE", "ttl-copy", "0", payload)).toString())
                    .isEqualTo(redis.call(args("RESTORE", "str-int", "0", payload)).toString())
                    .isEqualTo("-BUSYKEY Target key name already exists.\\r\\n");
        }
    }

    /**
     * Streams (see {@link StreamDataset}): built by the same commands on both servers, their payloads are the
     * same bytes where no clock is involved; DUMP on either side RESTOREd on the other answers XINFO STREAM
     * FULL, XRANGE, XPENDING and DIGEST-VALUE exactly as the original, and dumps back to the very same bytes.
     */
    @Test
    void streamPayloadsCrossBetweenRedisAndNioredis() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess redisServer = RedisServerProcess.start("--enable-debug-command", "yes");
             TestServer nioServer = TestServer.start("enable-debug-command", "yes");
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            for (RespConnection c : List.of(redis, nioredis)) {
                for (String[] command : StreamDataset.commands(new Random(11))) {
                    assertThat(c.call(command).isError()).as(String.join(" ", command)).isFalse();
                }
            }
            for (String key : List.of("st-nodes", "st-deleted", "st-setid", "st-ids")) {
                assertThat(nioredis.call("DUMP", key).toString()).as("DUMP %s", key)
                        .isEqualTo(redis.call("DUMP", key).toString());
            }
            for (String key : StreamDataset.KEYS) {
                for (RespConnection[] pair : new RespConnection[][] {{redis, nioredis}, {nioredis, redis}}) {
                    RespConnection from = pair[0];
                    RespConnection to = pair[1];
                    Reply payload = from.call("DUMP", key);
                    assertThat(to.call(args("RESTORE", key, "0", payload.payload, "REPLACE")).text()).as("RESTORE %s", key)
                            .isEqualTo("OK");
                    assertThat(StreamDataset.state(to, key)).as("%s restored", key)
                            .isEqualTo(StreamDataset.state(from, key));
                    assertThat(to.call("DUMP", key).toString()).as("%s dumped again", key).isEqualTo(payload.toString());
                }
            }
            // The HyperLogLog string and a geo sorted set travel as their plain types.
            for (RespConnection c : List.of(redis, nioredis)) {
                c.call("PFADD", "hll", "a", "b", "c", "d");
                c.call("GEOADD", "geo", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
            }
            for (String key : List.of("hll", "geo")) {
                Reply payload = redis.call("DUMP", key);
                assertThat(nioredis.call("DUMP", key).toString()).as("DUMP %s", key).isEqualTo(payload.toString());
                assertThat(nioredis.call(args("RESTORE", key + "-copy", "0", payload.payload)).text()).isEqualTo("OK");
            }
            assertThat(nioredis.call("PFCOUNT", "hll-copy").toString()).isEqualTo(redis.call("PFCOUNT", "hll").toString());
            assertThat(nioredis.call("GEOPOS", "geo-copy", "Palermo").toString())
                    .isEqualTo(redis.call("GEOPOS", "geo", "Palermo").toString());
        }
    }

    /**
     * Redis 6.x's stream type (15, RDB version 9), which lacks the 7.0 counters: both servers derive
     * entries-added, the first id (the maximum id for an empty stream) and each group's entries-read alike.
     * The payloads are Redis 7.0 dumps rewritten as type 15 (a stream with a deleted entry and two groups, one
     * with a pending entry; an empty stream with a group).
     */
    @Test
    void theOlderStreamTypeLoadsAsInRedis() throws Exception {
        ExternalTools.program("redis-server");
        String[] payloads = {
            "0f0110000000000000000100000000000000013737000000160002010101010181610200010201000100010101040103010101df"
                + "ff020201040100010201dfff02010181620203010601ff020300020167010101000000000000000100000000000000017d"
                + "15b02ba2010000010105616c6963657d15b02ba20100000100000000000000010000000000000001016803000000090078"
                + "4070757b63ca83",
            "0f00000500010167000000000900f6154d6ee69d417c"};
        try (RedisServerProcess redisServer = RedisServerProcess.start();
             TestServer nioServer = TestServer.start();
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            for (String hex : payloads) {
                byte[] payload = java.util.HexFormat.of().parseHex(hex);
                for (RespConnection c : List.of(redis, nioredis)) {
                    assertThat(c.call(args("RESTORE", "old", "0", payload, "REPLACE")).text()).isEqualTo("OK");
                }
                assertThat(StreamDataset.infoFull(nioredis, "old")).isEqualTo(StreamDataset.infoFull(redis, "old"));
                assertThat(nioredis.call("XINFO", "GROUPS", "old").toString())
                        .isEqualTo(redis.call("XINFO", "GROUPS", "old").toString());
                assertThat(nioredis.call("DUMP", "old").toString()).isEqualTo(redis.call("DUMP", "old").toString());
            }
        }
    }

    /** A stream payload that does not decode is refused with Redis's text, and leaves no key behind. */
    @Test
    void aCorruptStreamPayloadIsBadDataFormat() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess redisServer = RedisServerProcess.start();
             TestServer nioServer = TestServer.start();
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            redis.call("XADD", "s", "1-1", "a", "1");
            byte[] payload = redis.call("DUMP", "s").payload;
            // Type 19 with zero nodes but a length of 1: Redis refuses it too ("Stream length inconsistent").
            byte[] body = {19, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0};
            byte[] bad = withFooter(body);
            assertThat(nioredis.call(args("RESTORE", "bad", "0", bad)).toString())
                    .isEqualTo(redis.call(args("RESTORE", "bad", "0", bad)).toString())
                    .isEqualTo("-ERR Bad data format\\r\\n");
            assertThat(nioredis.call("EXISTS", "bad").text()).isEqualTo("0");
            assertThat(nioredis.call(args("RESTORE", "good", "0", payload)).text()).isEqualTo("OK");
        }
    }

    /** The body followed by RDB version 10 and Redis's CRC-64 of both. */
    private static byte[] withFooter(byte[] body) {
        byte[] out = java.util.Arrays.copyOf(body, body.length + 10);
        out[body.length] = 10;
        long crc = io.nioredis.rdb.Crc64.update(0, out, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            out[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return out;
    }

    /** The same keys on a server, one of each type and encoding; the (key, type) pairs. */
    private List<String[]> fill(RespConnection c) throws Exception {
        random.setSeed(7);
        List<String[]> keys = new ArrayList<>();
        c.call("FLUSHALL");
        c.call("SET", "str-int", "12345");
        c.call("SET", "str-short", "hello");
        c.call(args("SET", "str-binary", bytes("a\r\n\u0000\u00ff")));
        c.call("SET", "str-long", "x".repeat(20_000)); // LZF-compressed in the payload
        c.call("SET", "str-random", randomText(5000));
        keys.add(new String[] {"str-int", "string"});
        keys.add(new String[] {"str-short", "string"});
        keys.add(new String[] {"str-binary", "string"});
        keys.add(new String[] {"str-long", "string"});
        keys.add(new String[] {"str-random", "string"});
        for (int size : new int[] {3, 200, 3000}) {
            String[] members = new String[size];
            for (int i = 0; i < size; i++) {
                members[i] = i % 3 == 0 ? Integer.toString(i - size / 2) : randomText(1 + random.nextInt(size > 200 ? 80 : 20));
            }
            c.call(prefixed("RPUSH", "list-" + size, members));
            keys.add(new String[] {"list-" + size, "list"});
            String[] ints = new String[size];
            for (int i = 0; i < size; i++) {
                ints[i] = Integer.toString(i * 7 - 100);
            }
            c.call(prefixed("SADD", "set-int-" + size, ints));
            c.call(prefixed("SADD", "set-" + size, members));
            keys.add(new String[] {"set-int-" + size, "set"});
            keys.add(new String[] {"set-" + size, "set"});
            List<String> pairs = new ArrayList<>();
            List<String> scored = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                pairs.add("f" + i + (size > 200 ? "-" + "v".repeat(70) : ""));
                pairs.add(members[i]);
                scored.add(i % 5 == 0 ? "-inf" : Double.toString((i - size / 2) / 3.0));
                scored.add("m" + i + members[i]);
            }
            c.call(prefixed("HSET", "hash-" + size, pairs.toArray(new String[0])));
            c.call(prefixed("ZADD", "zset-" + size, scored.toArray(new String[0])));
            keys.add(new String[] {"hash-" + size, "hash"});
            keys.add(new String[] {"zset-" + size, "zset"});
        }
        return keys;
    }

    private static void crossAndCompare(RespConnection from, RespConnection to, String key, String type)
            throws Exception {
        Reply payload = from.call("DUMP", key);
        assertThat(payload.type).as("DUMP %s", key).isEqualTo('$');
        String copy = key + "-copy";
        assertThat(to.call(args("RESTORE", copy, "0", payload.payload, "REPLACE")).text()).as("RESTORE %s", key)
                .isEqualTo("OK");
        assertThat(to.call("TYPE", copy).text()).isEqualTo(type);
        assertThat(read(to, copy, type)).as("%s restored", key).isEqualTo(read(from, key, type));
    }

    /** The value as comparable text: sets and hashes sorted, as the servers may order them differently. */
    private static List<String> read(RespConnection c, String key, String type) throws Exception {
        Reply reply;
        switch (type) {
            case "string": return List.of(String.valueOf(c.call("GET", key).text()));
            case "list": reply = c.call("LRANGE", key, "0", "-1"); break;
            case "set": reply = c.call("SMEMBERS", key); break;
            case "hash": reply = c.call("HGETALL", key); break;
            default: return elements(c.call("ZRANGE", key, "0", "-1", "WITHSCORES"), 1, false);
        }
        return elements(reply, type.equals("hash") ? 2 : 1, !type.equals("list"));
    }

    private static List<String> elements(Reply reply, int group, boolean sort) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + group <= reply.elements.size(); i += group) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < group; j++) {
                b.append(j == 0 ? "" : " => ").append(reply.elements.get(i + j));
            }
            out.add(b.toString());
        }
        if (sort) {
            out.sort(null);
        }
        return out;
    }

    private String randomText(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) random.nextInt(256));
        }
        return b.toString();
    }

    private static String[] prefixed(String command, String key, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = command;
        all[1] = key;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private static byte[][] args(Object... parts) {
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i] instanceof byte[] ? (byte[]) parts[i] : bytes((String) parts[i]);
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package io.nioredis.command;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * hash-max-listpack-entries/value and zset-max-listpack-entries/value as OBJECT ENCODING shows them, each
 * expected reply taken from Redis 7.0.15 running the same commands.
 */
class ListpackLimitsTest {
    private final CommandHarness h = new CommandHarness();

    ListpackLimitsTest() {
        h.state.config.set("enable-debug-command", "yes"); // as at startup: the parameter is immutable
    }

    private String encoding(String key) {
        return h.run("OBJECT", "ENCODING", key);
    }

    private void hashOf(String key, int fields) {
        List<String> args = new ArrayList<>(List.of("HSET", key));
        for (int i = 0; i < fields; i++) {
            args.add("f" + i);
            args.add("v");
        }
        assertThat(h.run(args.toArray(new String[0]))).isEqualTo(integer(fields));
    }

    private void zsetOf(String key, int members) {
        List<String> args = new ArrayList<>(List.of("ZADD", key));
        for (int i = 0; i < members; i++) {
            args.add(Integer.toString(i));
            args.add("m" + i);
        }
        assertThat(h.run(args.toArray(new String[0]))).isEqualTo(integer(members));
    }

    @Test
    void aHashStaysAListpackUpToTheDefault512Fields() {
        hashOf("h129", 129);
        hashOf("h512", 512);
        hashOf("h513", 513);
        assertThat(encoding("h129")).isEqualTo(bulk("listpack"));
        assertThat(encoding("h512")).isEqualTo(bulk("listpack"));
        assertThat(encoding("h513")).isEqualTo(bulk("hashtable"));
    }

    @Test
    void aValueLongerThan64BytesConvertsAHash() {
        h.run("HSET", "a", "f", "x".repeat(64));
        h.run("HSET", "b", "f", "x".repeat(65));
        assertThat(encoding("a")).isEqualTo(bulk("listpack"));
        assertThat(encoding("b")).isEqualTo(bulk("hashtable"));
    }

    @Test
    void lowerHashLimitsApplyAtTheNextWriteEvenAnUpdate() {
        hashOf("h", 3);
        hashOf("kept", 3);
        assertThat(h.run("CONFIG", "SET", "hash-max-listpack-entries", "2")).isEqualTo(OK);
        assertThat(h.run("HSET", "h", "f0", "changed")).isEqualTo(integer(0));
        assertThat(encoding("h")).isEqualTo(bulk("hashtable"));
        // HSETNX on an existing field sets nothing, so nothing converts.
        assertThat(h.run("HSETNX", "kept", "f0", "x")).isEqualTo(integer(0));
        assertThat(encoding("kept")).isEqualTo(bulk("listpack"));
        assertThat(h.run("HINCRBY", "kept", "n", "1")).isEqualTo(integer(1));
        assertThat(encoding("kept")).isEqualTo(bulk("hashtable"));

        assertThat(h.run("CONFIG", "SET", "hash-max-listpack-entries", "1")).isEqualTo(OK);
        assertThat(h.run("HSET", "one", "a", "1")).isEqualTo(integer(1));
        assertThat(encoding("one")).isEqualTo(bulk("listpack"));
        assertThat(h.run("HSET", "one", "b", "2")).isEqualTo(integer(1));
        assertThat(encoding("one")).isEqualTo(bulk("hashtable"));

        assertThat(h.run("CONFIG", "SET", "hash-max-listpack-entries", "512")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "SET", "hash-max-listpack-value", "5")).isEqualTo(OK);
        assertThat(h.run("HINCRBYFLOAT", "f", "x", "1.123456789")).isEqualTo(bulk("1.123456789"));
        assertThat(encoding("f")).isEqualTo(bulk("hashtable"));
        assertThat(h.run("HINCRBY", "i", "x", "12345678901")).isEqualTo(integer(12345678901L));
        assertThat(encoding("i")).isEqualTo(bulk("hashtable"));
        assertThat(h.run("HSET", "s", "x", "12345")).isEqualTo(integer(1));
        assertThat(encoding("s")).isEqualTo(bulk("listpack"));
    }

    @Test
    void aSortedSetConvertsPast128Members() {
        zsetOf("z128", 128);
        zsetOf("z129", 129);
        assertThat(encoding("z128")).isEqualTo(bulk("listpack"));
        assertThat(encoding("z129")).isEqualTo(bulk("skiplist"));
        assertThat(h.run("ZREM", "z129", "m1")).isEqualTo(integer(1));
        assertThat(encoding("z129")).isEqualTo(bulk("skiplist"));
    }

    @Test
    void aZaddOfOneMemberRepeatedStaysAListpack() {
        List<String> args = new ArrayList<>(List.of("ZADD", "zd"));
        for (int i = 0; i < 200; i++) {
            args.add("1");
            args.add("a");
        }
        assertThat(h.run(args.toArray(new String[0]))).isEqualTo(integer(1));
        assertThat(encoding("zd")).isEqualTo(bulk("listpack"));
    }

    @Test
    void lowerZsetLimitsConvertAtTheNextInsert() {
        h.run("ZADD", "s1", "1", "a", "2", "b");
        assertThat(h.run("CONFIG", "SET", "zset-max-listpack-entries", "2")).isEqualTo(OK);
        assertThat(h.run("ZADD", "s1", "5", "a")).isEqualTo(integer(0));
        assertThat(encoding("s1")).isEqualTo(bulk("listpack"));
        assertThat(h.run("ZADD", "s1", "5", "c")).isEqualTo(integer(1));
        assertThat(encoding("s1")).isEqualTo(bulk("skiplist"));

        assertThat(h.run("CONFIG", "SET", "zset-max-listpack-entries", "0")).isEqualTo(OK);
        assertThat(h.run("ZADD", "n0", "1", "a")).isEqualTo(integer(1));
        assertThat(encoding("n0")).isEqualTo(bulk("skiplist"));

        assertThat(h.run("CONFIG", "SET", "zset-max-listpack-entries", "128")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "SET", "zset-max-listpack-value", "3")).isEqualTo(OK);
        assertThat(h.run("ZADD", "v1", "1", "a", "2", "abcdef")).isEqualTo(integer(2));
        assertThat(encoding("v1")).isEqualTo(bulk("skiplist"));
        assertThat(h.run("ZINCRBY", "v3", "1", "abcdef")).isEqualTo(bulk("1"));
        assertThat(encoding("v3")).isEqualTo(bulk("skiplist"));
    }

    @Test
    void storeDestinationsConvertBackToAListpackWhenTheyFit() {
        zsetOf("big", 129);
        h.run("ZADD", "s1", "1", "a", "2", "b");
        h.run("ZADD", "s2", "1", "c");
        assertThat(h.run("ZUNIONSTORE", "d", "2", "big", "s1")).isEqualTo(integer(131));
        assertThat(encoding("d")).isEqualTo(bulk("skiplist"));
        assertThat(h.run("ZUNIONSTORE", "d2", "2", "s1", "s2")).isEqualTo(integer(3));
        assertThat(encoding("d2")).isEqualTo(bulk("listpack"));
        assertThat(h.run("ZRANGESTORE", "d3", "big", "0", "5")).isEqualTo(integer(6));
        assertThat(encoding("d3")).isEqualTo(bulk("listpack"));
        assertThat(h.run("ZRANGESTORE", "d4", "big", "0", "127")).isEqualTo(integer(128));
        assertThat(encoding("d4")).isEqualTo(bulk("listpack"));

        assertThat(h.run("CONFIG", "SET", "zset-max-listpack-entries", "2")).isEqualTo(OK);
        assertThat(h.run("ZUNIONSTORE", "d5", "2", "s2", "s2")).isEqualTo(integer(1));
        assertThat(encoding("d5")).isEqualTo(bulk("listpack"));
        assertThat(h.run("ZINTERSTORE", "d6", "1", "s1")).isEqualTo(integer(2));
        assertThat(encoding("d6")).isEqualTo(bulk("listpack"));
        assertThat(h.run("ZUNIONSTORE", "d7", "2", "s1", "s2")).isEqualTo(integer(3));
        assertThat(encoding("d7")).isEqualTo(bulk("skiplist"));
    }

    @Test
    void geoSearchStoreResultsFollowTheZsetLimits() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "a", "15.087269", "37.502669", "b", "13.5", "38.0", "c");
        h.run("CONFIG", "SET", "zset-max-listpack-entries", "2");
        assertThat(h.run("GEOSEARCHSTORE", "d1", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "500", "km", "ASC"))
                .isEqualTo(integer(3));
        assertThat(encoding("d1")).isEqualTo(bulk("skiplist"));
        assertThat(h.run("GEOSEARCHSTORE", "d2", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "500", "km", "ASC",
                "COUNT", "2")).isEqualTo(integer(2));
        assertThat(encoding("d2")).isEqualTo(bulk("listpack"));
    }

    @Test
    void restoreConvertsAListpackOnlyWhenItHasTooManyEntries() {
        h.run("HSET", "h", "a", "1234567890", "b", "2", "c", "3");
        h.run("ZADD", "z", "1", "abcdefghij", "2", "b", "3", "c");
        byte[] hash = payload(h.run("DUMP", "h"));
        byte[] zset = payload(h.run("DUMP", "z"));

        h.run("CONFIG", "SET", "hash-max-listpack-value", "5");
        h.run("CONFIG", "SET", "zset-max-listpack-value", "5");
        assertThat(h.run(b("RESTORE"), b("h2"), b("0"), hash)).isEqualTo(OK);
        assertThat(h.run(b("RESTORE"), b("z2"), b("0"), zset)).isEqualTo(OK);
        assertThat(encoding("h2")).isEqualTo(bulk("listpack"));
        assertThat(encoding("z2")).isEqualTo(bulk("listpack"));

        h.run("CONFIG", "SET", "hash-max-listpack-entries", "2");
        h.run("CONFIG", "SET", "zset-max-listpack-entries", "2");
        assertThat(h.run(b("RESTORE"), b("h3"), b("0"), hash)).isEqualTo(OK);
        assertThat(h.run(b("RESTORE"), b("z3"), b("0"), zset)).isEqualTo(OK);
        assertThat(encoding("h3")).isEqualTo(bulk("hashtable"));
        assertThat(encoding("z3")).isEqualTo(bulk("skiplist"));
    }

    @Test
    void debugReloadLoadsUnderTheLimitsOfTheMoment() {
        hashOf("h", 10);
        zsetOf("z", 10);
        hashOf("big", 600);
        zsetOf("bigz", 200);
        // A skip list saved as one comes back a listpack when it fits, a hashtable too.
        h.run("CONFIG", "SET", "hash-max-listpack-entries", "1000");
        h.run("CONFIG", "SET", "zset-max-listpack-entries", "1000");
        assertThat(h.run("DEBUG", "RELOAD")).isEqualTo(OK);
        assertThat(encoding("big")).isEqualTo(bulk("listpack"));
        assertThat(encoding("bigz")).isEqualTo(bulk("listpack"));
        h.run("CONFIG", "SET", "hash-max-listpack-entries", "5");
        h.run("CONFIG", "SET", "zset-max-listpack-entries", "5");
        assertThat(h.run("DEBUG", "RELOAD")).isEqualTo(OK);
        assertThat(encoding("h")).isEqualTo(bulk("hashtable"));
        assertThat(encoding("z")).isEqualTo(bulk("skiplist"));
        assertThat(encoding("big")).isEqualTo(bulk("hashtable"));
    }

    /** The bytes of a bulk reply, which the harness decodes as ISO-8859-1. */
    private static byte[] payload(String bulkReply) {
        int start = bulkReply.indexOf("\r\n") + 2;
        return bulkReply.substring(start, bulkReply.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

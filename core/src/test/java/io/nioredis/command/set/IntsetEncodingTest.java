package io.nioredis.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Sets of integers held as intsets: replies, orders and OBJECT ENCODING of a script of commands, each
 * expected value as real Redis 7.0.15 sent it for the same script, and the DUMP bytes of intsets.
 */
class IntsetEncodingTest {
    private final CommandHarness h = new CommandHarness();

    /** Command arguments then Redis's reply, run in order on one server. */
    private static final String[][] SCRIPT = {
                {"SADD", "s", "5", "1", "3", "-2", "100000", "-70000", "40000", ":7\r\n"},
                {"SMEMBERS", "s", "*7\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"OBJECT", "ENCODING", "s", "$6\r\nintset\r\n"},
                {"SSCAN", "s", "12345", "COUNT", "1", "*2\r\n$1\r\n0\r\n*7\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SSCAN", "s", "0", "MATCH", "*0*", "*2\r\n$1\r\n0\r\n*3\r\n$6\r\n-70000\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SRANDMEMBER", "s", "100", "*7\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SPOP", "s", "0", "*0\r\n"},
                {"SADD", "t", "3", "5", "7", "9", ":4\r\n"},
                {"SINTER", "s", "t", "*2\r\n$1\r\n3\r\n$1\r\n5\r\n"},
                {"SINTER", "t", "s", "*2\r\n$1\r\n3\r\n$1\r\n5\r\n"},
                {"SUNION", "s", "t", "*9\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$1\r\n7\r\n$1\r\n9\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SDIFF", "s", "t", "*5\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SINTERSTORE", "d1", "s", "t", ":2\r\n"},
                {"OBJECT", "ENCODING", "d1", "$6\r\nintset\r\n"},
                {"SADD", "h", "a", "1", "2", "3", ":4\r\n"},
                {"SREM", "h", "a", ":1\r\n"},
                {"OBJECT", "ENCODING", "h", "$9\r\nhashtable\r\n"},
                {"SUNIONSTORE", "d2", "h", ":3\r\n"},
                {"OBJECT", "ENCODING", "d2", "$6\r\nintset\r\n"},
                {"SMEMBERS", "d2", "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n"},
                {"SUNION", "h", "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n"},
                {"SADD", "x", "1", "b", ":2\r\n"},
                {"SDIFFSTORE", "d3", "x", "h", ":1\r\n"},
                {"OBJECT", "ENCODING", "d3", "$9\r\nhashtable\r\n"},
                {"SMEMBERS", "d3", "*1\r\n$1\r\nb\r\n"},
                {"SADD", "y", "1", "b", "c", "d", "e", "f", "g", ":7\r\n"},
                {"SDIFFSTORE", "d4", "x", "y", ":0\r\n"},
                {"EXISTS", "d4", ":0\r\n"},
                {"SADD", "z", "9", "b", ":2\r\n"},
                {"SDIFFSTORE", "d5", "z", "y", ":1\r\n"},
                {"OBJECT", "ENCODING", "d5", "$6\r\nintset\r\n"},
                {"SORT", "s", "BY", "nosort", "*7\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SORT", "s", "*7\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"SADD", "n", "007", "+1", "-0", ":3\r\n"},
                {"OBJECT", "ENCODING", "n", "$9\r\nhashtable\r\n"},
                {"SADD", "n2", "-0", ":1\r\n"},
                {"OBJECT", "ENCODING", "n2", "$9\r\nhashtable\r\n"},
                {"SADD", "n3", " 1", ":1\r\n"},
                {"OBJECT", "ENCODING", "n3", "$9\r\nhashtable\r\n"},
                {"SADD", "n4", "9223372036854775808", ":1\r\n"},
                {"OBJECT", "ENCODING", "n4", "$9\r\nhashtable\r\n"},
                {"SADD", "n5", "9223372036854775807", "-9223372036854775808", ":2\r\n"},
                {"OBJECT", "ENCODING", "n5", "$6\r\nintset\r\n"},
                {"SMEMBERS", "n5", "*2\r\n$20\r\n-9223372036854775808\r\n$19\r\n9223372036854775807\r\n"},
                {"SMOVE", "s", "newdst", "5", ":1\r\n"},
                {"OBJECT", "ENCODING", "newdst", "$6\r\nintset\r\n"},
                {"SMOVE", "x", "newdst2", "b", ":1\r\n"},
                {"OBJECT", "ENCODING", "newdst2", "$9\r\nhashtable\r\n"},
                {"SPOP", "s", "100", "*6\r\n$6\r\n-70000\r\n$2\r\n-2\r\n$1\r\n1\r\n$1\r\n3\r\n$5\r\n40000\r\n$6\r\n100000\r\n"},
                {"EXISTS", "s", ":0\r\n"},
                {"SADD", "p", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", ":10\r\n"},
                {"OBJECT", "ENCODING", "p", "$6\r\nintset\r\n"},
                {"SISMEMBER", "t", "3", ":1\r\n"},
                {"SISMEMBER", "t", "03", ":0\r\n"},
                {"SMISMEMBER", "t", "3", "4", "+3", "7", "*4\r\n:1\r\n:0\r\n:0\r\n:1\r\n"},
                {"SREM", "t", "03", "3", ":1\r\n"},
                {"SMEMBERS", "t", "*3\r\n$1\r\n5\r\n$1\r\n7\r\n$1\r\n9\r\n"},
    };

    @Test
    void scriptRepliesAsRedis() {
        for (String[] row : SCRIPT) {
            String[] command = Arrays.copyOf(row, row.length - 1);
            assertThat(h.run(command)).as(String.join(" ", command)).isEqualTo(row[row.length - 1]);
        }
    }

    @Test
    void spopOfMostOfAnIntsetRepliesInAscendingOrder() {
        h.run("SADD", "p", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        String reply = h.run("SPOP", "p", "9");
        String kept = h.run("SMEMBERS", "p");
        assertThat(h.run("OBJECT", "ENCODING", "p")).isEqualTo("$6\r\nintset\r\n");
        assertThat(kept).startsWith("*1\r\n");
        String keptMember = kept.substring(kept.indexOf("\r\n", 4) + 2, kept.length() - 2);
        StringBuilder expected = new StringBuilder("*9\r\n");
        for (int i = 1; i <= 10; i++) {
            if (!Integer.toString(i).equals(keptMember)) {
                expected.append(CommandHarness.bulk(Integer.toString(i)));
            }
        }
        assertThat(reply).isEqualTo(expected.toString());
    }

    @Test
    void theLimitIsSetMaxIntsetEntries() {
        String[] members = new String[514];
        members[0] = "SADD";
        members[1] = "big";
        for (int i = 0; i < 512; i++) {
            members[i + 2] = Integer.toString(i * 3);
        }
        h.run(members);
        assertThat(h.run("OBJECT", "ENCODING", "big")).isEqualTo("$6\r\nintset\r\n");
        h.run("SADD", "big", "100000");
        assertThat(h.run("OBJECT", "ENCODING", "big")).isEqualTo("$9\r\nhashtable\r\n");

        // Redis 7.0.15: CONFIG SET set-max-intset-entries 3, then these replies
        assertThat(h.run("CONFIG", "SET", "set-max-intset-entries", "3")).isEqualTo(CommandHarness.OK);
        h.run("SADD", "c", "1", "2", "3");
        assertThat(h.run("OBJECT", "ENCODING", "c")).isEqualTo("$6\r\nintset\r\n");
        h.run("SADD", "c", "4");
        assertThat(h.run("OBJECT", "ENCODING", "c")).isEqualTo("$9\r\nhashtable\r\n");
        h.run("SREM", "c", "4");
        assertThat(h.run("OBJECT", "ENCODING", "c")).isEqualTo("$9\r\nhashtable\r\n");
        h.run("SADD", "c4", "1", "2", "3", "4");
        assertThat(h.run("OBJECT", "ENCODING", "c4")).isEqualTo("$9\r\nhashtable\r\n");
        h.run("CONFIG", "SET", "set-max-intset-entries", "0");
        h.run("SADD", "zero", "1");
        assertThat(h.run("OBJECT", "ENCODING", "zero")).isEqualTo("$9\r\nhashtable\r\n");
    }

    @Test
    void dumpCarriesTheIntsetBlobWithItsWidth() {
        // Redis 7.0.15: SADD w 5 1 3 -2 100000; SREM w 100000; DUMP w (the width stays 4 bytes)
        h.run("SADD", "w", "5", "1", "3", "-2", "100000");
        h.run("SREM", "w", "100000");
        String w = "\u000b\u0018\u0004\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00fe\u00ff\u00ff\u00ff"
                + "\u0001\u0000\u0000\u0000\u0003\u0000\u0000\u0000\u0005\u0000\u0000\u0000\n\u0000"
                + "\u00a2\u007f\u00a8g\u00bcU\u00a4\u0088";
        assertThat(h.run("DUMP", "w")).isEqualTo(CommandHarness.bulk(w));
        // SADD w8 1 5000000000; DUMP w8
        h.run("SADD", "w8", "1", "5000000000");
        String w8 = "\u000b\u0018\u0008\u0000\u0000\u0000\u0002\u0000\u0000\u0000\u0001\u0000\u0000\u0000"
                + "\u0000\u0000\u0000\u0000\u0000\u00f2\u0005*\u0001\u0000\u0000\u0000\n\u0000"
                + "T\u00f5\u00a2j\u00e7\u0007\u00b5\u00fc";
        assertThat(h.run("DUMP", "w8")).isEqualTo(CommandHarness.bulk(w8));
        // SADD h a 1 2; SREM h a; DUMP h: a hashtable of integers is written as a plain set
        h.run("SADD", "h", "a", "1", "2");
        h.run("SREM", "h", "a");
        String dumped = h.run("DUMP", "h");
        assertThat(dumped).startsWith("$16\r\n\u0002\u0002");

        // RESTORE keeps the width, so the payload comes back byte for byte
        h.run(latin1("RESTORE", "r", "0", w));
        assertThat(h.run("OBJECT", "ENCODING", "r")).isEqualTo("$6\r\nintset\r\n");
        assertThat(h.run("DUMP", "r")).isEqualTo(CommandHarness.bulk(w));
        // a plain set of integers restores as an intset, as rdbLoadObject builds one
        h.run(latin1("RESTORE", "r2", "0", dumped.substring(5, dumped.length() - 2)));
        assertThat(h.run("OBJECT", "ENCODING", "r2")).isEqualTo("$6\r\nintset\r\n");
        // an intset larger than set-max-intset-entries restores as a hashtable
        h.run("CONFIG", "SET", "set-max-intset-entries", "3");
        h.run(latin1("RESTORE", "r3", "0", w));
        assertThat(h.run("OBJECT", "ENCODING", "r3")).isEqualTo("$9\r\nhashtable\r\n");
    }

    private static byte[][] latin1(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return out;
    }
}

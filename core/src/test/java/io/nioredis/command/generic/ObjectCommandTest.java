package io.nioredis.command.generic;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** OBJECT against Redis 7.0.15's replies for the same values. */
class ObjectCommandTest {
    private static final String LFU_SELECTED = "ERR An LFU maxmemory policy is selected, idle time not tracked. "
            + "Please note that when switching between policies at runtime LRU and LFU data will take some time "
            + "to adjust.";
    private static final String LFU_NOT_SELECTED = "ERR An LFU maxmemory policy is not selected, access frequency "
            + "not tracked. Please note that when switching between policies at runtime LRU and LFU data will take "
            + "some time to adjust.";

    private final CommandHarness h = new CommandHarness();

    /**
     * The script of commands and Redis 7.0.15's replies, one per line: a string changed in place or built by
     * a bit or HyperLogLog command is raw, COPY and RENAME keep that, SET and INCR make it anew, and INCRBYFLOAT
     * makes a string that is never int.
     */
    @Test
    void stringsChangedInPlaceAreRawAsInRedis() {
        String[][] script = {
            {"SET a abc", "OK"}, {"APPEND a d", "4"}, {"OBJECT ENCODING a", "raw"},
            {"SET n 5", "OK"}, {"APPEND n 1", "2"}, {"OBJECT ENCODING n", "raw"}, {"OBJECT REFCOUNT n", "1"},
            {"INCR n", "52"}, {"OBJECT ENCODING n", "int"},
            {"SET s abc", "OK"}, {"SETRANGE s 0 ", "3"}, {"OBJECT ENCODING s", "embstr"},
            {"SETRANGE s 1 x", "3"}, {"OBJECT ENCODING s", "raw"},
            {"SETRANGE new 2 x", "3"}, {"OBJECT ENCODING new", "raw"},
            {"SET b abc", "OK"}, {"BITFIELD b GET u8 0", "97"}, {"OBJECT ENCODING b", "embstr"},
            {"SETBIT b 1 1", "1"}, {"OBJECT ENCODING b", "raw"}, {"SETBIT nb 1 1", "0"}, {"OBJECT ENCODING nb", "raw"},
            {"BITOP NOT d b", "3"}, {"OBJECT ENCODING d", "raw"},
            {"PFADD h x", "1"}, {"OBJECT ENCODING h", "raw"},
            {"COPY a a2", "1"}, {"OBJECT ENCODING a2", "raw"}, {"RENAME a a3", "OK"}, {"OBJECT ENCODING a3", "raw"},
            {"GETEX a3 PERSIST", "abcd"}, {"OBJECT ENCODING a3", "raw"}, {"SET a3 abcd", "OK"},
            {"OBJECT ENCODING a3", "embstr"},
            {"SET f 1.5", "OK"}, {"INCRBYFLOAT f 1", "2.5"}, {"APPEND f 0", "4"}, {"INCRBYFLOAT f 1", "3.5"},
            {"OBJECT ENCODING f", "embstr"}, {"APPEND g x", "1"}, {"OBJECT ENCODING g", "embstr"},
            {"DEL f", "1"}, {"INCRBYFLOAT f 5.0e3", "5000"}, {"OBJECT ENCODING f", "embstr"}, {"OBJECT REFCOUNT f", "1"},
            {"INCR f", "5001"}, {"OBJECT ENCODING f", "int"},
            {"APPEND z 1", "1"}, {"OBJECT REFCOUNT z", "2147483647"}, {"COPY z z2", "1"}, {"OBJECT ENCODING z2", "int"},
            {"OBJECT REFCOUNT z2", "1"}, {"RENAME z z3", "OK"}, {"OBJECT REFCOUNT z3", "2147483647"},
        };
        for (String[] step : script) {
            String[] args = step[0].split(" ", -1);
            String reply = h.run(args);
            reply = reply.startsWith("*1\r\n") ? reply.substring(4) : reply; // BITFIELD's one answer
            String expected = step[1];
            String value = reply.startsWith(":") || reply.startsWith("+") ? reply.substring(1, reply.length() - 2)
                    : reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2);
            assertThat(value).as(step[0]).isEqualTo(expected);
        }
    }

    @Test
    void aHyperLogLogIsRawOnceAWritingCommandTouchesItAndReadingSeveralLeavesThemAlone() {
        h.run("PFADD", "h1", "a");
        h.run("PFADD", "h2", "b");
        String reply = h.run("DUMP", "h1");
        byte[] dump = reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        h.run("DEL", "h1");
        assertThat(h.run("RESTORE".getBytes(), "h1".getBytes(), "0".getBytes(), dump)).isEqualTo(OK);
        assertThat(h.run("OBJECT", "ENCODING", "h1")).isEqualTo(bulk("embstr")); // loaded anew, as rdbLoad does
        h.run("PFCOUNT", "h1", "h2");
        assertThat(h.run("OBJECT", "ENCODING", "h1")).isEqualTo(bulk("embstr"));
        h.run("PFCOUNT", "h1");
        assertThat(h.run("OBJECT", "ENCODING", "h1")).isEqualTo(bulk("raw"));
    }

    @Test
    void encodingsAsRedisReportsThem() {
        h.run("SET", "i", "123");
        h.run("SET", "neg", "-1");
        h.run("SET", "e", "hello");
        h.run("SET", "r44", "x".repeat(44));
        h.run("SET", "r45", "x".repeat(45));
        h.run("SET", "z0", "012");
        h.run("RPUSH", "l", "a");
        h.run("HSET", "h", "f", "v");
        h.run("SADD", "s", "a");
        h.run("ZADD", "z", "1", "a");
        assertThat(h.run("OBJECT", "ENCODING", "i")).isEqualTo(bulk("int"));
        assertThat(h.run("OBJECT", "ENCODING", "neg")).isEqualTo(bulk("int"));
        assertThat(h.run("OBJECT", "ENCODING", "e")).isEqualTo(bulk("embstr"));
        assertThat(h.run("OBJECT", "ENCODING", "r44")).isEqualTo(bulk("embstr"));
        assertThat(h.run("OBJECT", "ENCODING", "r45")).isEqualTo(bulk("raw"));
        assertThat(h.run("OBJECT", "ENCODING", "z0")).isEqualTo(bulk("embstr"));
        assertThat(h.run("OBJECT", "ENCODING", "l")).isEqualTo(bulk("quicklist"));
        assertThat(h.run("OBJECT", "ENCODING", "h")).isEqualTo(bulk("listpack"));
        assertThat(h.run("OBJECT", "ENCODING", "s")).isEqualTo(bulk("hashtable"));
        assertThat(h.run("OBJECT", "ENCODING", "z")).isEqualTo(bulk("listpack"));
        assertThat(h.run("OBJECT", "ENCODING", "nokey")).isEqualTo(NIL);
    }

    @Test
    void aggregatesReportTheirLargeEncodingOnceOutgrown() {
        for (int i = 0; i < 513; i++) { // past hash-max-listpack-entries' 512, zset-max-listpack-entries' 128
            h.run("HSET", "h", "f" + i, "v");
            h.run("ZADD", "z", Integer.toString(i), "m" + i);
        }
        assertThat(h.run("OBJECT", "ENCODING", "h")).isEqualTo(bulk("hashtable"));
        assertThat(h.run("OBJECT", "ENCODING", "z")).isEqualTo(bulk("skiplist"));
    }

    @Test
    void refcountIsSharedForSmallIntegersUnlessAnLruPolicyWithMaxmemory() {
        h.run("SET", "i", "123");
        h.run("SET", "big", "99999");
        h.run("SET", "e", "hello");
        assertThat(h.run("OBJECT", "REFCOUNT", "i")).isEqualTo(integer(2147483647));
        assertThat(h.run("OBJECT", "REFCOUNT", "big")).isEqualTo(integer(1));
        assertThat(h.run("OBJECT", "REFCOUNT", "e")).isEqualTo(integer(1));
        assertThat(h.run("OBJECT", "REFCOUNT", "nokey")).isEqualTo(NIL);
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
        h.run("CONFIG", "SET", "maxmemory", "1gb");
        assertThat(h.run("OBJECT", "REFCOUNT", "i")).isEqualTo(integer(1));
    }

    @Test
    void idletimeFollowsTheLruClockAndIsNotResetByAsking() {
        h.run("SET", "k", "v");
        h.clock.advance(3_000);
        h.run("TTL", "k");
        h.run("TYPE", "k");
        h.run("EXISTS", "k");
        h.run("OBJECT", "ENCODING", "k");
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(integer(3));
        h.run("TOUCH", "k");
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(integer(0));
        h.clock.advance(2_000);
        h.run("GET", "k");
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(integer(0));
    }

    @Test
    void idletimeAndFreqDependOnTheLfuPolicy() {
        h.run("SET", "k", "v");
        assertThat(h.run("OBJECT", "FREQ", "k")).isEqualTo(error(LFU_NOT_SELECTED));
        assertThat(h.run("OBJECT", "FREQ", "nokey")).isEqualTo(NIL);
        assertThat(h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu")).isEqualTo(OK);
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(error(LFU_SELECTED));
        h.run("SET", "n", "v");
        assertThat(h.run("OBJECT", "FREQ", "n")).isEqualTo(integer(5)); // LFU_INIT_VAL
    }

    /** As Redis 7.0.15: OBJECT FREQ reads the counter decayed, without storing it. */
    @Test
    void lfuLogFactorAndDecayTimeTuneTheCounters() {
        assertThat(h.run("CONFIG", "GET", "lfu-*")).isEqualTo("*4\r\n$14\r\nlfu-log-factor\r\n$2\r\n10\r\n"
                + "$14\r\nlfu-decay-time\r\n$1\r\n1\r\n");
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        assertThat(h.run("CONFIG", "SET", "lfu-log-factor", "0")).isEqualTo(OK);
        h.run("SET", "k", "v");
        for (int i = 0; i < 20; i++) {
            h.run("GET", "k");
        }
        assertThat(h.run("OBJECT", "FREQ", "k")).isEqualTo(integer(25)); // every hit counts
        h.clock.advance(3 * 60_000);
        assertThat(h.run("OBJECT", "FREQ", "k")).isEqualTo(integer(22)); // one a minute
        assertThat(h.run("CONFIG", "SET", "lfu-decay-time", "0")).isEqualTo(OK);
        h.clock.advance(60 * 60_000);
        assertThat(h.run("OBJECT", "FREQ", "k")).isEqualTo(integer(25)); // the counter as stored, not decayed
        assertThat(h.run("CONFIG", "SET", "lfu-log-factor", "-1")).isEqualTo(error("ERR CONFIG SET failed "
                + "(possibly related to argument 'lfu-log-factor') - argument must be between 0 and 2147483647 inclusive"));
        assertThat(h.run("CONFIG", "SET", "lfu-decay-time", "abc")).isEqualTo(error("ERR CONFIG SET failed "
                + "(possibly related to argument 'lfu-decay-time') - argument couldn't be parsed into an integer"));
    }

    @Test
    void clientNoTouchLeavesAccessDataAloneExceptForTouch() {
        h.run("SET", "k", "v");
        h.clock.advance(4_000);
        assertThat(h.run("CLIENT", "NO-TOUCH", "ON")).isEqualTo(OK);
        h.run("GET", "k");
        h.run("APPEND", "k", "w");
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(integer(4));
        h.run("TOUCH", "k");
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(integer(0));
        h.clock.advance(4_000);
        h.run("CLIENT", "NO-TOUCH", "OFF");
        h.run("GET", "k");
        assertThat(h.run("OBJECT", "IDLETIME", "k")).isEqualTo(integer(0));
    }

    @Test
    void lookupsCountHitsAndMissesButHelpAndErrorsAreRedis() {
        h.run("SET", "k", "v");
        h.run("OBJECT", "ENCODING", "k");
        h.run("OBJECT", "ENCODING", "nokey");
        assertThat(h.state.databases.stats().keyspaceHits).isEqualTo(1);
        assertThat(h.state.databases.stats().keyspaceMisses).isEqualTo(1);
        assertThat(h.run("OBJECT", "ENCODING")).isEqualTo(
                error("ERR wrong number of arguments for 'object|encoding' command"));
        assertThat(h.run("OBJECT", "foo", "bar")).isEqualTo(error("ERR unknown subcommand 'foo'. Try OBJECT HELP."));
        assertThat(h.run("OBJECT", "HELP")).isEqualTo("*15\r\n"
                + "+OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+ENCODING <key>\r\n"
                + "+    Return the kind of internal representation used in order to store the value\r\n"
                + "+    associated with a <key>.\r\n"
                + "+FREQ <key>\r\n"
                + "+    Return the access frequency index of the <key>. The returned integer is\r\n"
                + "+    proportional to the logarithm of the recent access frequency of the key.\r\n"
                + "+IDLETIME <key>\r\n"
                + "+    Return the idle time of the <key>, that is the approximated number of\r\n"
                + "+    seconds elapsed since the last access to the key.\r\n"
                + "+REFCOUNT <key>\r\n"
                + "+    Return the number of references of the value associated with the specified\r\n"
                + "+    <key>.\r\n"
                + "+HELP\r\n"
                + "+    Prints this help.\r\n");
    }
}

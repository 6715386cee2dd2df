package io.nioredis.command.server;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** DEBUG against the replies of Redis 7.0.15 (with enable-debug-command yes) for the same commands. */
class DebugCommandTest {
    private final CommandHarness h = new CommandHarness();

    DebugCommandTest() {
        h.state.config.set("enable-debug-command", "yes"); // as at startup: the parameter is immutable
    }

    @Test
    void isRefusedUnlessEnabled() {
        CommandHarness plain = new CommandHarness();
        assertThat(plain.run("DEBUG", "DIGEST")).isEqualTo(error("ERR DEBUG command not allowed. If the "
                + "enable-debug-command option is set to \"local\", you can run it from a local connection, "
                + "otherwise you need to set this option in the configuration file, and then restart the server."));
        assertThat(plain.run("CONFIG", "SET", "enable-debug-command", "yes")).startsWith("-ERR"); // immutable
        assertThat(plain.state.config.get("enable-debug-command")).isEqualTo("no");
    }

    @Test
    void digestOfAnEmptyDatasetIsZeros() {
        assertThat(h.run("DEBUG", "DIGEST")).isEqualTo("+0000000000000000000000000000000000000000\r\n");
    }

    @Test
    void digestsEqualRedisForEveryTypeEncodingAndExpire() {
        h.run("SET", "s", "hello");
        h.run("SET", "n", "12345");
        h.run("RPUSH", "l", "a", "b", "c");
        h.run("SADD", "st", "x", "y", "1");
        h.run("HSET", "h", "f1", "v1", "f2", "v2");
        h.run("ZADD", "z", "1", "a", "2.5", "b", "0.1", "c");
        h.run("SET", "e", "v", "EX", "100");
        for (int i = 1; i <= 200; i++) {
            h.run("ZADD", "bigz", "0.1", "m" + i);
            h.run("HSET", "bigh", "f" + i, "v" + i);
        }
        h.run("SELECT", "1");
        h.run("SET", "s", "hello");
        h.run("SELECT", "0");
        assertThat(h.run("DEBUG", "DIGEST-VALUE", "s", "n", "l", "st", "h", "z", "e", "bigz", "bigh", "missing"))
                .isEqualTo("*10\r\n"
                        + "+36b23a1456b2dce2c3ed252c456761301dba8060\r\n"
                        + "+e1cf90774e995ae03de66e8109dc5cb9d9c2dc83\r\n"
                        + "+8bf72d812571eea9b927f3c11beb0c4165a6ff89\r\n"
                        + "+03ee76a1ebe8db27d61b3ea784011d5acc537675\r\n"
                        + "+047cc60ea73a34cde6d08a2721a4a26d19ee6570\r\n"
                        + "+ac3f88f74ce0703ae2c86046b8b8e8180f672692\r\n"
                        + "+311b17018163335616e089f6b951c82c477335ac\r\n"
                        + "+ebcaa03e89b5eb9ea3e9c261253ca1426bdfe2db\r\n"
                        + "+4ac8fd5d71a5e2047779312636972fa1e4486c44\r\n"
                        + "+0000000000000000000000000000000000000000\r\n");
        assertThat(h.run("DEBUG", "DIGEST")).isEqualTo("+42cbf88e5f65ebd290bf6991df3084c3f40e45b5\r\n");
    }

    @Test
    void objectShowsEncodingRefcountAndLru() {
        h.run("SET", "k", "v");
        h.clock.advance(5_000);
        String reply = h.run("DEBUG", "OBJECT", "k");
        assertThat(reply).startsWith("+refcount:1 encoding:embstr lru:").endsWith(" lru_seconds_idle:5\r\n");
        assertThat(h.run("DEBUG", "OBJECT", "nokey")).isEqualTo(error("ERR no such key"));
    }

    /**
     * The quicklist fields as Redis 7.0.15 printed them for the same commands: a list keeps the
     * list-max-listpack-size it was made with, a new one takes the current value, COPY keeps the source's.
     */
    @Test
    void objectShowsTheQuicklistOfAList() {
        h.run("RPUSH", "a", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(h.run("DEBUG", "OBJECT", "a")).endsWith(" ql_nodes:1 ql_avg_node:10.00 ql_listpack_max:-2"
                + " ql_compressed:0 ql_uncompressed_size:27\r\n");
        h.run("CONFIG", "SET", "list-max-listpack-size", "2");
        h.run("RPUSH", "a", "11", "12", "13", "14", "15");
        h.run("RPUSH", "b", "11", "12", "13", "14", "15");
        assertThat(h.run("DEBUG", "OBJECT", "a")).endsWith(" ql_nodes:1 ql_avg_node:15.00 ql_listpack_max:-2"
                + " ql_compressed:0 ql_uncompressed_size:37\r\n");
        assertThat(h.run("DEBUG", "OBJECT", "b")).endsWith(" ql_nodes:3 ql_avg_node:1.67 ql_listpack_max:2"
                + " ql_compressed:0 ql_uncompressed_size:31\r\n");
        h.run("CONFIG", "SET", "list-max-listpack-size", "3");
        h.run("COPY", "b", "d");
        assertThat(h.run("DEBUG", "OBJECT", "d")).endsWith(" ql_nodes:3 ql_avg_node:1.67 ql_listpack_max:2"
                + " ql_compressed:0 ql_uncompressed_size:31\r\n");
        // 9 elements in 8 nodes: C's %.2f gives 1.12 for 1.125 (round half to even), Redis 7.0.15's reply.
        h.run("CONFIG", "SET", "list-max-listpack-size", "2");
        for (int i = 1; i <= 16; i++) {
            h.run("RPUSH", "t", Integer.toString(i));
        }
        for (String v : new String[] {"1", "3", "5", "7", "9", "11", "13"}) {
            h.run("LREM", "t", "0", v);
        }
        assertThat(h.run("DEBUG", "OBJECT", "t")).endsWith(" ql_nodes:8 ql_avg_node:1.12 ql_listpack_max:2"
                + " ql_compressed:0 ql_uncompressed_size:74\r\n");
        h.run("SORT", "b", "STORE", "c"); // SORT STORE makes its list with the default fill, whatever the config
        assertThat(h.run("DEBUG", "OBJECT", "c")).endsWith(" ql_nodes:1 ql_avg_node:5.00 ql_listpack_max:-2"
                + " ql_compressed:0 ql_uncompressed_size:17\r\n");
    }

    @Test
    void subcommandsAreCheckedByNameAndCount() {
        assertThat(h.run("DEBUG", "foo")).isEqualTo(error(
                "ERR unknown subcommand or wrong number of arguments for 'foo'. Try DEBUG HELP."));
        assertThat(h.run("DEBUG", "sleep")).isEqualTo(error(
                "ERR unknown subcommand or wrong number of arguments for 'sleep'. Try DEBUG HELP."));
        assertThat(h.run("DEBUG", "SLEEP", "0")).isEqualTo(OK);
        assertThat(h.run("DEBUG", "RELOAD", "FOO")).isEqualTo(error(
                "ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options."));
    }

    @Test
    void reloadSavesAndLoadsTheDatasetBack() {
        h.run("SET", "k", "v");
        h.run("RPUSH", "l", "a", "b");
        String digest = h.run("DEBUG", "DIGEST");
        assertThat(h.run("DEBUG", "RELOAD")).isEqualTo(OK);
        assertThat(h.run("DEBUG", "DIGEST")).isEqualTo(digest);
        h.run("SET", "k", "changed");
        assertThat(h.run("DEBUG", "RELOAD", "NOSAVE")).isEqualTo(OK);
        assertThat(h.run("GET", "k")).isEqualTo("$1\r\nv\r\n");
    }

    @Test
    void setActiveExpireSwitchesBackgroundExpiry() {
        assertThat(h.run("DEBUG", "SET-ACTIVE-EXPIRE", "0")).isEqualTo(OK);
        assertThat(h.state.activeExpireEnabled).isFalse();
        assertThat(h.run("DEBUG", "SET-ACTIVE-EXPIRE", "1")).isEqualTo(OK);
        assertThat(h.state.activeExpireEnabled).isTrue();
    }

    @Test
    void parsesNumbersAsC() {
        assertThat(DebugCommand.strtod("0.25abc")).isEqualTo(0.25);
        assertThat(DebugCommand.strtod("x")).isZero();
        assertThat(DebugCommand.atoi("12x")).isEqualTo(12);
        assertThat(DebugCommand.atoi("-3")).isEqualTo(-3);
    }
}

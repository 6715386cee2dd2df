package io.nioredis.command.stream;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated from a session with Redis 7.0.15: every expected reply is the bytes Redis sent. */
class StreamGroupsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void groupLifecycle() {
        assertThat(h.run("XGROUP", "CREATE", "s", "g", "$")).isEqualTo("-ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")).isEqualTo("+OK\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g", "$")).isEqualTo("-BUSYGROUP Consumer Group name already exists\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g2", "0", "ENTRIESREAD", "5")).isEqualTo("+OK\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g3", "0", "ENTRIESREAD", "-2")).isEqualTo("-ERR value for ENTRIESREAD must be positive or -1\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g3", "0", "ENTRIESREAD", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g3", "0", "FOO")).isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP.\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g3", "bad")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g3", "0", "MKSTREAM", "MKSTREAM", "ENTRIESREAD", "1", "X")).isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP.\r\n");
        assertThat(h.run("XGROUP", "CREATE", "nokey", "g", "$", "ENTRIESREAD", "3")).isEqualTo("-ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "nog", "0")).isEqualTo("-NOGROUP No such consumer group 'nog' for key name 's'\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "5-5")).isEqualTo("+OK\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "$", "ENTRIESREAD", "0")).isEqualTo("+OK\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "0", "FOO", "bar")).isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'SETID'. Try XGROUP HELP.\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "0", "MKSTREAM")).isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'SETID'. Try XGROUP HELP.\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g")).isEqualTo("-ERR wrong number of arguments for 'xgroup|setid' command\r\n");
        assertThat(h.run("XGROUP", "CREATECONSUMER", "s", "g", "alice")).isEqualTo(":1\r\n");
        assertThat(h.run("XGROUP", "CREATECONSUMER", "s", "g", "alice")).isEqualTo(":0\r\n");
        assertThat(h.run("XGROUP", "CREATECONSUMER", "s", "nog", "alice")).isEqualTo("-NOGROUP No such consumer group 'nog' for key name 's'\r\n");
        assertThat(h.run("XGROUP", "DELCONSUMER", "s", "g", "bob")).isEqualTo(":0\r\n");
        assertThat(h.run("XGROUP", "DELCONSUMER", "s", "g", "alice")).isEqualTo(":0\r\n");
        assertThat(h.run("XGROUP", "DESTROY", "s", "nog")).isEqualTo(":0\r\n");
        assertThat(h.run("XGROUP", "DESTROY", "s", "g2")).isEqualTo(":1\r\n");
        assertThat(h.run("XGROUP", "DESTROY", "nokey", "g")).isEqualTo("-ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.\r\n");
        assertThat(h.run("XGROUP", "FOO")).isEqualTo("-ERR unknown subcommand 'FOO'. Try XGROUP HELP.\r\n");
        assertThat(h.run("XGROUP", "FOO", "s", "g")).isEqualTo("-ERR unknown subcommand 'FOO'. Try XGROUP HELP.\r\n");
        assertThat(h.run("XGROUP", "HELP")).isEqualTo("*17\r\n+XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+CREATE <key> <groupname> <id|$> [option]\r\n+    Create a new consumer group. Options are:\r\n+    * MKSTREAM\r\n+      Create the empty stream if it does not exist.\r\n+    * ENTRIESREAD entries_read\r\n+      Set the group's entries_read counter (internal use).\r\n+CREATECONSUMER <key> <groupname> <consumer>\r\n+    Create a new consumer in the specified group.\r\n+DELCONSUMER <key> <groupname> <consumer>\r\n+    Remove the specified consumer.\r\n+DESTROY <key> <groupname>\r\n+    Remove the specified group.\r\n+SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]\r\n+    Set the current group ID and entries_read counter.\r\n+HELP\r\n+    Prints this help.\r\n");
        assertThat(h.run("XINFO", "HELP")).isEqualTo("*9\r\n+XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+CONSUMERS <key> <groupname>\r\n+    Show consumers of <groupname>.\r\n+GROUPS <key>\r\n+    Show the stream consumer groups.\r\n+STREAM <key> [FULL [COUNT <count>]\r\n+    Show information about the stream.\r\n+HELP\r\n+    Prints this help.\r\n");
        assertThat(h.run("XGROUP", "HELP", "extra")).isEqualTo("-ERR wrong number of arguments for 'xgroup|help' command\r\n");
        assertThat(h.run("SET", "str", "v")).isEqualTo("+OK\r\n");
        assertThat(h.run("XGROUP", "CREATE", "str", "g", "$")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).isEqualTo("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n:0\r\n$3\r\nlag\r\n:0\r\n");
        assertThat(h.run("XINFO", "GROUPS", "nokey")).isEqualTo("-ERR no such key\r\n");
        assertThat(h.run("XINFO", "GROUPS", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("XINFO", "CONSUMERS", "s", "nog")).isEqualTo("-NOGROUP No such consumer group 'nog' for key name 's'\r\n");
        assertThat(h.run("XINFO", "STREAM", "s")).isEqualTo("*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$3\r\n0-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:0\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:1\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n");
        assertThat(h.run("XINFO", "STREAM", "s", "FOO")).isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP.\r\n");
        assertThat(h.run("XINFO", "STREAM", "s", "FULL", "COUNT")).isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP.\r\n");
        assertThat(h.run("XINFO", "STREAM", "nokey")).isEqualTo("-ERR no such key\r\n");
        assertThat(h.run("XINFO", "FOO", "s")).isEqualTo("-ERR unknown subcommand 'FOO'. Try XINFO HELP.\r\n");
    }

    @Test
    void optionsAndTheKeyAreCheckedBeforeTheArgumentCountAsRedisDoes() {
        // Redis 7.0's xgroupCommand parses the options, then looks at the key and group, and only then
        // checks the count in its dispatch (found by DifferentialIT, seed 3526064320).
        assertThat(h.run("XGROUP", "CREATE", "x0", "g", "$", "MKSTREAM", "ENTRIESREAD", "-2", "2147483648"))
                .isEqualTo("-ERR value for ENTRIESREAD must be positive or -1\r\n");
        assertThat(h.run("EXISTS", "x0")).isEqualTo(":0\r\n");
        assertThat(h.run("XGROUP", "CREATE", "x0", "g", "$", "MKSTREAM", "MKSTREAM", "MKSTREAM", "MKSTREAM"))
                .isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP.\r\n");
        assertThat(h.run("EXISTS", "x0")).isEqualTo(":0\r\n");
        assertThat(h.run("XADD", "s", "1-1", "a", "1")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "nog", "$", "ENTRIESREAD", "1", "ENTRIESREAD", "2"))
                .isEqualTo("-NOGROUP No such consumer group 'nog' for key name 's'\r\n");
        assertThat(h.run("XGROUP", "SETID", "nokey", "g", "$", "ENTRIESREAD", "1", "ENTRIESREAD", "2"))
                .isEqualTo("-ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g", "$")).isEqualTo("+OK\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "$", "ENTRIESREAD", "1", "ENTRIESREAD", "2"))
                .isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'SETID'. Try XGROUP HELP.\r\n");
    }

    @Test
    void theGreatestIdReadsAsTheNewEntriesSign() {
        // Redis 7.0 keeps ">" as the id UINT64_MAX-UINT64_MAX, so that id typed out reads new entries
        // (found by DifferentialIT, seed 3129185216)
        String max = "18446744073709551615-18446744073709551615";
        assertThat(h.run("XGROUP", "CREATE", "x1", "nog", "$", "MKSTREAM")).isEqualTo("+OK\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "nog", "c0", "COUNT", "-1", "STREAMS", "x1", max)).isEqualTo("*-1\r\n");
        assertThat(h.run("XADD", "x1", "1-1", "a", "1")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "x1", "2-1", "b", "2")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "nog", "c0", "COUNT", "1", "STREAMS", "x1", max)).isEqualTo("*1\r\n*2\r\n$2\r\nx1\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "nog", "c0", "STREAMS", "x1", max)).isEqualTo("*1\r\n*2\r\n$2\r\nx1\r\n*1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "nog", "c0", "STREAMS", "x1", max)).isEqualTo("*-1\r\n");
        assertThat(h.run("XPENDING", "x1", "nog")).isEqualTo("*4\r\n:2\r\n$3\r\n1-1\r\n$3\r\n2-1\r\n*1\r\n*2\r\n$2\r\nc0\r\n$1\r\n2\r\n");
        assertThat(h.run("XREAD", "STREAMS", "x1", max)).isEqualTo("*-1\r\n");
    }

    @Test
    void readGroup() {
        assertThat(h.run("XADD", "s", "1-1", "a", "1")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "s", "2-1", "b", "2")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XADD", "s", "3-1", "c", "3")).isEqualTo("$3\r\n3-1\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g", "0")).isEqualTo("+OK\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "COUNT", "1", "STREAMS", "s", ">")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">")).isEqualTo("*-1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "bob", "NOACK", "STREAMS", "s", ">")).isEqualTo("*-1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "0")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*3\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "COUNT", "2", "STREAMS", "s", "1-1")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "bob", "STREAMS", "s", "0")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*0\r\n");
        assertThat(h.run("XPENDING", "s", "g")).isEqualTo("*4\r\n:3\r\n$3\r\n1-1\r\n$3\r\n3-1\r\n*1\r\n*2\r\n$5\r\nalice\r\n$1\r\n3\r\n");
        assertThat(h.run("XPENDING", "s", "nog")).isEqualTo("-NOGROUP No such key 's' or consumer group 'nog'\r\n");
        assertThat(h.run("XPENDING", "nokey", "g")).isEqualTo("-NOGROUP No such key 'nokey' or consumer group 'g'\r\n");
        assertThat(h.run("XPENDING", "s", "g", "-", "+", "10", "nobody")).isEqualTo("*0\r\n");
        assertThat(h.run("XPENDING", "s", "g", "-", "+", "-1")).isEqualTo("*0\r\n");
        assertThat(h.run("XPENDING", "s", "g", "-", "+")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XPENDING", "s", "g", "IDLE", "5", "-", "+")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XPENDING", "s", "g", "IDLE", "x", "-", "+", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("XPENDING", "s", "g", "x", "+", "1")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XPENDING", "s", "g", "-", "+", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("XDEL", "s", "2-1")).isEqualTo(":1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "0")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*3\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*-1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).isEqualTo("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:2\r\n$7\r\npending\r\n:3\r\n$17\r\nlast-delivered-id\r\n$3\r\n3-1\r\n$12\r\nentries-read\r\n:3\r\n$3\r\nlag\r\n:0\r\n");
        assertThat(h.run("XACK", "s", "g", "1-1", "2-1", "9-9")).isEqualTo(":2\r\n");
        assertThat(h.run("XACK", "s", "g", "1-1")).isEqualTo(":0\r\n");
        assertThat(h.run("XACK", "s", "nog", "1-1")).isEqualTo(":0\r\n");
        assertThat(h.run("XACK", "s", "g", "bad")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XACK", "nokey", "g", "bad")).isEqualTo(":0\r\n");
        assertThat(h.run("XPENDING", "s", "g")).isEqualTo("*4\r\n:1\r\n$3\r\n3-1\r\n$3\r\n3-1\r\n*1\r\n*2\r\n$5\r\nalice\r\n$1\r\n1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "nog", "alice", "STREAMS", "s", ">")).isEqualTo("-NOGROUP No such key 's' or consumer group 'nog' in XREADGROUP with GROUP option\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "nokey", ">")).isEqualTo("-NOGROUP No such key 'nokey' or consumer group 'g' in XREADGROUP with GROUP option\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "$")).isEqualTo("-ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s")).isEqualTo("-ERR wrong number of arguments for 'xreadgroup' command\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "bad")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "COUNT", "x", "STREAMS", "s", ">")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "FOO", "STREAMS", "s", ">")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XREADGROUP", "COUNT", "1", "alice", "x", "STREAMS", "s", ">")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "BLOCK", "-1", "STREAMS", "s", ">")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "BLOCK", "x", "STREAMS", "s", ">")).isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "0")).isEqualTo("+OK\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "carol", "STREAMS", "s", ">")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).isEqualTo("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:3\r\n$7\r\npending\r\n:2\r\n$17\r\nlast-delivered-id\r\n$3\r\n3-1\r\n$12\r\nentries-read\r\n:3\r\n$3\r\nlag\r\n:0\r\n");
        assertThat(h.run("XADD", "s", "4-1", "d", "4")).isEqualTo("$3\r\n4-1\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).isEqualTo("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:3\r\n$7\r\npending\r\n:2\r\n$17\r\nlast-delivered-id\r\n$3\r\n3-1\r\n$12\r\nentries-read\r\n:3\r\n$3\r\nlag\r\n:1\r\n");
        assertThat(h.run("XGROUP", "SETID", "s", "g", "0", "ENTRIESREAD", "1")).isEqualTo("+OK\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).isEqualTo("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:3\r\n$7\r\npending\r\n:2\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n:1\r\n$3\r\nlag\r\n$-1\r\n");
    }

    @Test
    void readPlain() {
        assertThat(h.run("XADD", "s", "1-1", "a", "1")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "s", "2-1", "b", "2")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XADD", "t", "5-1", "c", "3")).isEqualTo("$3\r\n5-1\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "0")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("XREAD", "COUNT", "1", "STREAMS", "s", "t", "0", "0")).isEqualTo("*2\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$1\r\nt\r\n*1\r\n*2\r\n$3\r\n5-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "t", "1-1", "5")).isEqualTo("*2\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\nt\r\n*1\r\n*2\r\n$3\r\n5-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "t", "2-1", "5-1")).isEqualTo("*-1\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "$")).isEqualTo("*-1\r\n");
        assertThat(h.run("XREAD", "STREAMS", "nokey", "$")).isEqualTo("*-1\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", ">")).isEqualTo("-ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s")).isEqualTo("-ERR wrong number of arguments for 'xread' command\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "t", "0")).isEqualTo("-ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.\r\n");
        assertThat(h.run("XREAD", "GROUP", "g", "c", "STREAMS", "s", "0")).isEqualTo("-ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.\r\n");
        assertThat(h.run("XREAD", "NOACK", "STREAMS", "s", "0")).isEqualTo("-ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.\r\n");
        assertThat(h.run("XREAD", "COUNT", "0", "STREAMS", "s", "0")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("XREAD", "COUNT", "-5", "STREAMS", "s", "0")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("XREAD", "FOO", "STREAMS", "s", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XREAD", "COUNT", "1")).isEqualTo("-ERR wrong number of arguments for 'xread' command\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "18446744073709551615-18446744073709551615")).isEqualTo("*-1\r\n");
        assertThat(h.run("SET", "str", "v")).isEqualTo("+OK\r\n");
        assertThat(h.run("XREAD", "STREAMS", "str", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("XREAD", "STREAMS", "s", "str", "0", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void claiming() {
        assertThat(h.run("XADD", "s", "1-1", "a", "1")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "s", "2-1", "b", "2")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XADD", "s", "3-1", "c", "3")).isEqualTo("$3\r\n3-1\r\n");
        assertThat(h.run("XGROUP", "CREATE", "s", "g", "0")).isEqualTo("+OK\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">")).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*3\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1")).isEqualTo("*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "2-1", "JUSTID")).isEqualTo("*1\r\n$3\r\n2-1\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "9-9", "FORCE")).isEqualTo("*0\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1", "RETRYCOUNT", "7", "JUSTID")).isEqualTo("*1\r\n$3\r\n1-1\r\n");
        assertThat(h.run("XPENDING", "s", "g")).isEqualTo("*4\r\n:3\r\n$3\r\n1-1\r\n$3\r\n3-1\r\n*2\r\n*2\r\n$5\r\nalice\r\n$1\r\n1\r\n*2\r\n$3\r\nbob\r\n$1\r\n2\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "x", "1-1")).isEqualTo("-ERR Invalid min-idle-time argument for XCLAIM\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1", "FOO")).isEqualTo("-ERR Unrecognized XCLAIM option 'FOO'\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1", "IDLE", "x")).isEqualTo("-ERR Invalid IDLE option argument for XCLAIM\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1", "TIME", "x")).isEqualTo("-ERR Invalid TIME option argument for XCLAIM\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1", "RETRYCOUNT", "x")).isEqualTo("-ERR Invalid RETRYCOUNT option argument for XCLAIM\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "bob", "0", "1-1", "LASTID", "x")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XCLAIM", "s", "nog", "bob", "0", "1-1")).isEqualTo("-NOGROUP No such key 's' or consumer group 'nog'\r\n");
        assertThat(h.run("XCLAIM", "nokey", "g", "bob", "0", "1-1")).isEqualTo("-NOGROUP No such key 'nokey' or consumer group 'g'\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "carol", "0", "1-1", "LASTID", "10-1", "JUSTID")).isEqualTo("*1\r\n$3\r\n1-1\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).isEqualTo("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:3\r\n$7\r\npending\r\n:3\r\n$17\r\nlast-delivered-id\r\n$4\r\n10-1\r\n$12\r\nentries-read\r\n:3\r\n$3\r\nlag\r\n:0\r\n");
        assertThat(h.run("XDEL", "s", "2-1")).isEqualTo(":1\r\n");
        assertThat(h.run("XCLAIM", "s", "g", "carol", "0", "2-1", "3-1")).isEqualTo("*1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("XPENDING", "s", "g")).isEqualTo("*4\r\n:2\r\n$3\r\n1-1\r\n$3\r\n3-1\r\n*1\r\n*2\r\n$5\r\ncarol\r\n$1\r\n2\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "dave", "0", "0")).isEqualTo("*3\r\n$3\r\n0-0\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*0\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "0", "0", "COUNT", "1", "JUSTID")).isEqualTo("*3\r\n$3\r\n3-1\r\n*1\r\n$3\r\n1-1\r\n*0\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "0", "(3-1")).isEqualTo("*3\r\n$3\r\n0-0\r\n*0\r\n*0\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "x", "0")).isEqualTo("-ERR Invalid min-idle-time argument for XAUTOCLAIM\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "0", "x")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "0", "0", "COUNT", "0")).isEqualTo("-ERR COUNT must be > 0\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "0", "0", "COUNT", "x")).isEqualTo("-ERR COUNT must be > 0\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "erin", "0", "0", "FOO")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "nog", "erin", "0", "0")).isEqualTo("-NOGROUP No such key 's' or consumer group 'nog'\r\n");
        assertThat(h.run("XAUTOCLAIM", "nokey", "g", "erin", "0", "0")).isEqualTo("-NOGROUP No such key 'nokey' or consumer group 'g'\r\n");
        assertThat(h.run("XADD", "s", "4-1", "d", "4")).isEqualTo("$3\r\n4-1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">")).isEqualTo("*-1\r\n");
        assertThat(h.run("XDEL", "s", "4-1")).isEqualTo(":1\r\n");
        assertThat(h.run("XAUTOCLAIM", "s", "g", "frank", "0", "0")).isEqualTo("*3\r\n$3\r\n0-0\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*0\r\n");
        assertThat(h.run("XINFO", "CONSUMERS", "s", "nog")).isEqualTo("-NOGROUP No such consumer group 'nog' for key name 's'\r\n");
        assertThat(h.run("XPENDING", "s", "g")).isEqualTo("*4\r\n:2\r\n$3\r\n1-1\r\n$3\r\n3-1\r\n*1\r\n*2\r\n$5\r\nfrank\r\n$1\r\n2\r\n");
    }

    @Test
    void setId() {
        assertThat(h.run("XADD", "s", "5-1", "f", "v")).isEqualTo("$3\r\n5-1\r\n");
        assertThat(h.run("XSETID", "s", "4-1")).isEqualTo("-ERR The ID specified in XSETID is smaller than the target stream top item\r\n");
        assertThat(h.run("XSETID", "s", "6-1")).isEqualTo("+OK\r\n");
        assertThat(h.run("XADD", "s", "6-1", "f", "v")).isEqualTo("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n");
        assertThat(h.run("XSETID", "s", "10-1", "ENTRIESADDED", "0")).isEqualTo("-ERR The entries_added specified in XSETID is smaller than the target stream length\r\n");
        assertThat(h.run("XSETID", "s", "10-1", "ENTRIESADDED", "-1")).isEqualTo("-ERR entries_added must be positive\r\n");
        assertThat(h.run("XSETID", "s", "10-1", "ENTRIESADDED", "7", "MAXDELETEDID", "8-1")).isEqualTo("+OK\r\n");
        assertThat(h.run("XSETID", "s", "10-1", "MAXDELETEDID", "11-1")).isEqualTo("-ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id\r\n");
        assertThat(h.run("XSETID", "s", "10-1", "FOO")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XSETID", "s", "bad")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XSETID", "nokey", "1-1")).isEqualTo("-ERR no such key\r\n");
        assertThat(h.run("XINFO", "STREAM", "s")).isEqualTo("*20\r\n$6\r\nlength\r\n:1\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$4\r\n10-1\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n8-1\r\n$13\r\nentries-added\r\n:7\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n5-1\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n5-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n5-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XDEL", "s", "5-1", "6-1")).isEqualTo(":1\r\n");
        assertThat(h.run("XSETID", "s", "1-1")).isEqualTo("+OK\r\n");
        assertThat(h.run("XINFO", "STREAM", "s")).isEqualTo("*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$3\r\n1-1\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n8-1\r\n$13\r\nentries-added\r\n:7\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n");
        assertThat(h.run("XADD", "s", "*", "f", "v")).matches("\\$\\d+\r\n\\d+-0\r\n"); // a time-based id
        assertThat(h.run("XSETID", "s", "18446744073709551615-18446744073709551615")).isEqualTo("+OK\r\n");
        assertThat(h.run("XADD", "s", "*", "f", "v")).isEqualTo("-ERR The stream has exhausted the last possible ID, unable to add more items\r\n");
        assertThat(h.run("XADD", "s", "18446744073709551615-*", "f", "v")).isEqualTo("-ERR The stream has exhausted the last possible ID, unable to add more items\r\n");
    }

}

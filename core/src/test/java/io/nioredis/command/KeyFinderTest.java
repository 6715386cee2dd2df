package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Keyword key specs (XREAD's STREAMS with its limit, GEORADIUS's STORE and STOREDIST), not_key specs and
 * variable_flags (SET, BITFIELD), commands whose keys are optional (EVAL with numkeys 0), as
 * COMMAND INFO shows them and COMMAND GETKEYS / GETKEYSANDFLAGS follows them; each expected value is what
 * real Redis 7.0.15 sent for the same command.
 */
class KeyFinderTest {
    private final CommandHarness h = new CommandHarness();

    private static final String[][] CASES = {
            {"COMMAND", "INFO", "xread", "*1\r\n*10\r\n$5\r\nxread\r\n:-4\r\n*3\r\n+readonly\r\n+blocking\r\n+movablekeys\r\n:0\r\n:0\r\n:0\r\n*4\r\n+@read\r\n+@stream\r\n+@slow\r\n+@blocking\r\n*0\r\n*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nkeyword\r\n$4\r\nspec\r\n*4\r\n$7\r\nkeyword\r\n$7\r\nSTREAMS\r\n$9\r\nstartfrom\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:-1\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:2\r\n*0\r\n"},
            {"COMMAND", "INFO", "xreadgroup", "*1\r\n*10\r\n$10\r\nxreadgroup\r\n:-7\r\n*3\r\n+write\r\n+blocking\r\n+movablekeys\r\n:0\r\n:0\r\n:0\r\n*4\r\n+@write\r\n+@stream\r\n+@slow\r\n+@blocking\r\n*0\r\n*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nkeyword\r\n$4\r\nspec\r\n*4\r\n$7\r\nkeyword\r\n$7\r\nSTREAMS\r\n$9\r\nstartfrom\r\n:4\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:-1\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:2\r\n*0\r\n"},
            {"COMMAND", "INFO", "georadius", "*1\r\n*10\r\n$9\r\ngeoradius\r\n:-6\r\n*3\r\n+write\r\n+denyoom\r\n+movablekeys\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@write\r\n+@geo\r\n+@slow\r\n*0\r\n*3\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*6\r\n$5\r\nflags\r\n*2\r\n+OW\r\n+update\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nkeyword\r\n$4\r\nspec\r\n*4\r\n$7\r\nkeyword\r\n$5\r\nSTORE\r\n$9\r\nstartfrom\r\n:6\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*6\r\n$5\r\nflags\r\n*2\r\n+OW\r\n+update\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nkeyword\r\n$4\r\nspec\r\n*4\r\n$7\r\nkeyword\r\n$9\r\nSTOREDIST\r\n$9\r\nstartfrom\r\n:6\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n"},
            {"COMMAND", "INFO", "georadiusbymember", "*1\r\n*10\r\n$17\r\ngeoradiusbymember\r\n:-5\r\n*3\r\n+write\r\n+denyoom\r\n+movablekeys\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@write\r\n+@geo\r\n+@slow\r\n*0\r\n*3\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*6\r\n$5\r\nflags\r\n*2\r\n+OW\r\n+update\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nkeyword\r\n$4\r\nspec\r\n*4\r\n$7\r\nkeyword\r\n$5\r\nSTORE\r\n$9\r\nstartfrom\r\n:5\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*6\r\n$5\r\nflags\r\n*2\r\n+OW\r\n+update\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$7\r\nkeyword\r\n$4\r\nspec\r\n*4\r\n$7\r\nkeyword\r\n$9\r\nSTOREDIST\r\n$9\r\nstartfrom\r\n:5\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "STREAMS", "a", "b", "0", "0", "*2\r\n$1\r\na\r\n$1\r\nb\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "COUNT", "2", "STREAMS", "a", "b", "0", "*1\r\n$1\r\na\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "streams", "a", "b", "c", "d", "e", "f", "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "COUNT", "2", "STREAMS", "a", "-ERR Invalid arguments specified for command\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "COUNT", "2", "BLOCK", "0", "-ERR Invalid arguments specified for command\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "COUNT", "streams", "STREAMS", "a", "0", "*1\r\n$7\r\nSTREAMS\r\n"},
            {"COMMAND", "GETKEYS", "XREAD", "COUNT", "1", "streams", "-ERR Invalid arguments specified for command\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "XREADGROUP", "GROUP", "g", "c", "STREAMS", "s1", "s2", ">", ">", "*2\r\n*2\r\n$2\r\ns1\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$2\r\ns2\r\n*2\r\n+RO\r\n+access\r\n"},
            {"COMMAND", "GETKEYS", "XREADGROUP", "GROUP", "streams", "c", "STREAMS", "s1", ">", "*1\r\n$2\r\ns1\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "GEORADIUS", "k", "1", "2", "3", "m", "STORE", "d", "STOREDIST", "e", "*3\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\ne\r\n*2\r\n+OW\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "GEORADIUS", "k", "1", "2", "3", "m", "WITHDIST", "storedist", "e", "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\ne\r\n*2\r\n+OW\r\n+update\r\n"},
            {"COMMAND", "GETKEYS", "GEORADIUS", "k", "1", "2", "3", "m", "STORE", "*1\r\n$1\r\nk\r\n"},
            {"COMMAND", "GETKEYS", "GEORADIUS", "k", "1", "2", "3", "m", "*1\r\n$1\r\nk\r\n"},
            {"COMMAND", "GETKEYS", "GEORADIUS", "STORE", "1", "2", "3", "m", "COUNT", "1", "*1\r\n$5\r\nSTORE\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "GEORADIUSBYMEMBER", "k", "mem", "3", "m", "STORE", "d", "*2\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n"},
            {"COMMAND", "GETKEYS", "GEORADIUSBYMEMBER", "k", "STORE", "3", "m", "STORE", "d", "*2\r\n$1\r\nk\r\n$1\r\nd\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "SPUBLISH", "ch", "msg", "-ERR The command has no key arguments\r\n"},
            {"COMMAND", "GETKEYS", "SSUBSCRIBE", "ch", "-ERR The command has no key arguments\r\n"},
            {"COMMAND", "GETKEYS", "SUNSUBSCRIBE", "ch", "-ERR The command has no key arguments\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "EVALSHA", "abc", "0", "445", "01", "*0\r\n"},
            {"COMMAND", "GETKEYS", "EVAL", "abc", "0", "*0\r\n"},
            {"COMMAND", "GETKEYS", "EVALSHA", "abc", "5", "k", "*0\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "FCALL", "f", "0", "a", "*0\r\n"},
            {"COMMAND", "INFO", "set", "*1\r\n*10\r\n$3\r\nset\r\n:-3\r\n*2\r\n+write\r\n+denyoom\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@write\r\n+@string\r\n+@slow\r\n*0\r\n*1\r\n*8\r\n$5\r\nnotes\r\n$48\r\nRW and ACCESS due to the optional `GET` argument\r\n$5\r\nflags\r\n*4\r\n+RW\r\n+access\r\n+update\r\n+variable_flags\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n"},
            {"COMMAND", "INFO", "bitfield", "*1\r\n*10\r\n$8\r\nbitfield\r\n:-2\r\n*2\r\n+write\r\n+denyoom\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@write\r\n+@bitmap\r\n+@slow\r\n*0\r\n*1\r\n*8\r\n$5\r\nnotes\r\n$59\r\nThis command allows both access and modification of the key\r\n$5\r\nflags\r\n*4\r\n+RW\r\n+access\r\n+update\r\n+variable_flags\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "SET", "k", "v", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+OW\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "SET", "k", "v", "GET", "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "SET", "k", "v", "EX", "10", "get", "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "SET", "k", "get", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+OW\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "GET", "u8", "0", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "SET", "u8", "0", "1", "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "INCRBY", "u8", "0", "1", "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "OVERFLOW", "SAT", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "get", "u8", "0", "GET", "i8", "1", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "GET", "u8", "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD", "k", "overflow", "wrap", "set", "u8", "0", "1", "*1\r\n*2\r\n$1\r\nk\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "BITFIELD_RO", "k", "GET", "u8", "0", "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n"},
            // PFMERGE's sources are a range spec from argument 2: without one, Redis calls the spec invalid.
            {"COMMAND", "GETKEYS", "PFMERGE", "d", "-ERR Invalid arguments specified for command\r\n"},
            {"COMMAND", "GETKEYSANDFLAGS", "PFMERGE", "d", "s", "*2\r\n*2\r\n$1\r\nd\r\n*3\r\n+RW\r\n+access\r\n+insert\r\n*2\r\n$1\r\ns\r\n*2\r\n+RO\r\n+access\r\n"},
    };

    @Test
    void repliesAsRedis() {
        for (String[] c : CASES) {
            String[] command = Arrays.copyOf(c, c.length - 1);
            assertThat(h.run(command)).as(String.join(" ", command)).isEqualTo(c[c.length - 1]);
        }
    }
}

package io.nioredis.command.scripting;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.resp.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FUNCTION and FCALL; expected bytes are redis-server 7.0.15's. */
class FunctionCommandsTest {
    private static final String LIB = "#!lua name=mylib\n"
            + "redis.register_function('f1', function(keys, args) return {keys[1], args[1]} end)\n"
            + "redis.register_function{function_name='f2', callback=function(keys, args) return redis.call('set', "
            + "keys[1], args[1]) end, flags={'no-writes'}, description='desc two'}";
    /** FUNCTION DUMP of redis-server 7.0.15 holding one library (its code is LZF-compressed). */
    private static final String REDIS_DUMP = "f5c3405440591f23216c7561206e616d653d6c6962310a72656469732e72656769737465"
            + "725f6610756e6374696f6e28276563686f31272c20e00011116b6579732c2061726773292072657475726e600c075b315d20656e"
            + "64290a004c66fb8078c5059f";

    private final CommandHarness h = new CommandHarness();


    @Test
    void redisLogWritesToTheServersLogWhileALibraryLoadsAndWhenItsFunctionsRun() {
        List<String> logged = new ArrayList<>();
        h.state.log = (level, message) -> logged.add(level + " " + message);
        assertThat(h.run("FUNCTION", "LOAD", "#!lua name=t\nredis.log(redis.LOG_WARNING, 'from-load')\n"
                + "redis.register_function('f', function() redis.log(redis.LOG_NOTICE, 'from-fcall') return 1 end)"))
                .isEqualTo(bulk("t"));
        assertThat(h.run("FCALL", "f", "0")).isEqualTo(":1\r\n");
        assertThat(logged).containsExactly("3 from-load", "2 from-fcall");
    }
    @Test
    void loadChecksMetadataInRedisOrder() {
        assertThat(h.run("FUNCTION", "LOAD", "#!lua name=x")).isEqualTo(error("ERR Invalid library metadata"));
        assertThat(h.run("FUNCTION", "LOAD", "#!foo name=bad-name\nx")).isEqualTo(error("ERR Library names can only "
                + "contain letters, numbers, or underscores(_) and must be at least one character long"));
        assertThat(h.run("FUNCTION", "LOAD", "#!foo name=good\nx")).isEqualTo(error("ERR Engine 'foo' not found"));
        assertThat(h.run("FUNCTION", "LOAD", "#!lua flags=no-writes name=z\nx"))
                .isEqualTo(error("ERR Invalid metadata value given: flags=no-writes"));
        assertThat(h.run("FUNCTION", "LOAD", "REPLACE")).isEqualTo(error("ERR Missing library metadata"));
        assertThat(h.run("FUNCTION", "LOAD", "foo", LIB)).isEqualTo(error("ERR Unknown option given: foo"));
        assertThat(h.run("FUNCTION", "LOAD", "#!lua name=nof\nlocal x = 1")).isEqualTo(error("ERR No functions registered"));
        assertThat(h.run("FUNCTION", "LOAD", "#!lua name=inf\nwhile true do end"))
                .isEqualTo(error("ERR Error registering functions: ERR FUNCTION LOAD timeout"));
    }

    @Test
    void loadReplaceAndCollisions() {
        assertThat(h.run("FUNCTION", "LOAD", "#!LUA NAME=up\nredis.register_function('F1', function() return 2 end)"))
                .isEqualTo(bulk("up"));
        assertThat(h.run("FUNCTION", "LOAD", LIB)).isEqualTo(error("ERR Function f1 already exists"));
        assertThat(h.run("FUNCTION", "DELETE", "UP")).isEqualTo(error("ERR Library not found"));
        assertThat(h.run("FUNCTION", "DELETE", "up")).isEqualTo(OK);
        assertThat(h.run("FUNCTION", "LOAD", LIB)).isEqualTo(bulk("mylib"));
        assertThat(h.run("FUNCTION", "LOAD", LIB)).isEqualTo(error("ERR Library 'mylib' already exists"));
        assertThat(h.run("FUNCTION", "LOAD", "REPLACE", LIB)).isEqualTo(bulk("mylib"));
    }

    @Test
    void fcallByNameInAnyCaseWithFunctionFlags() {
        h.run("FUNCTION", "LOAD", LIB);
        assertThat(h.run("FCALL", "F1", "1", "k", "a")).isEqualTo("*2\r\n$1\r\nk\r\n$1\r\na\r\n");
        assertThat(h.run("FCALL", "nosuch", "0")).isEqualTo(error("ERR Function not found"));
        assertThat(h.run("FCALL", "f1", "x")).isEqualTo(error("ERR Bad number of keys provided"));
        assertThat(h.run("FCALL", "f1", "-1")).isEqualTo(error("ERR Number of keys can't be negative"));
        assertThat(h.run("FCALL", "f1", "3", "a"))
                .isEqualTo(error("ERR Number of keys can't be greater than number of args"));
        assertThat(h.run("FCALL", "f2", "1", "k", "v")).isEqualTo(error("ERR Write commands are not allowed from "
                + "read-only scripts. script: f2, on @user_function:3."));
        assertThat(h.run("FCALL_RO", "f1", "1", "k", "v"))
                .isEqualTo(error("ERR Can not execute a script with write flag using *_ro command."));
    }

    @Test
    void listStatsAndErrors() {
        h.run("FUNCTION", "LOAD", LIB);
        assertThat(h.run("FUNCTION", "LIST", "LIBRARYNAME", "MY*")).isEqualTo("*1\r\n*6\r\n$12\r\nlibrary_name\r\n"
                + "$5\r\nmylib\r\n$6\r\nengine\r\n$3\r\nLUA\r\n$9\r\nfunctions\r\n*2\r\n*6\r\n$4\r\nname\r\n$2\r\nf1\r\n"
                + "$11\r\ndescription\r\n$-1\r\n$5\r\nflags\r\n*0\r\n*6\r\n$4\r\nname\r\n$2\r\nf2\r\n$11\r\ndescription\r\n"
                + "$8\r\ndesc two\r\n$5\r\nflags\r\n*1\r\n+no-writes\r\n");
        assertThat(h.run("FUNCTION", "LIST", "LIBRARYNAME", "x*")).isEqualTo("*0\r\n");
        assertThat(h.run("FUNCTION", "LIST", "LIBRARYNAME")).isEqualTo(error("ERR library name argument was not given"));
        assertThat(h.run("FUNCTION", "LIST", "WITHCODE", "WITHCODE")).isEqualTo(error("ERR Unknown argument WITHCODE"));
        assertThat(h.run("FUNCTION", "LIST", "WITHCODE")).endsWith("$12\r\nlibrary_code\r\n" + bulk(LIB));
        assertThat(h.run("FUNCTION", "STATS")).isEqualTo("*4\r\n$14\r\nrunning_script\r\n$-1\r\n$7\r\nengines\r\n*2\r\n"
                + "$3\r\nLUA\r\n*4\r\n$15\r\nlibraries_count\r\n:1\r\n$15\r\nfunctions_count\r\n:2\r\n");
        assertThat(h.run("FUNCTION", "FLUSH", "foo")).isEqualTo(error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option"));
        assertThat(h.run("FUNCTION", "FLUSH", "a", "b")).isEqualTo(error(
                "ERR unknown subcommand or wrong number of arguments for 'FLUSH'. Try FUNCTION HELP."));
        assertThat(h.run("FUNCTION", "FLUSH", "sync")).isEqualTo(OK);
        assertThat(h.run("FUNCTION", "LIST")).isEqualTo("*0\r\n");
    }

    @Test
    void restoresADumpFromRedisAndDumpsTheSameBytes() {
        byte[] payload = HexFormat.of().parseHex(REDIS_DUMP);
        assertThat(h.run(Request.of(bytes("FUNCTION"), bytes("RESTORE"), payload))).isEqualTo(OK);
        assertThat(h.run("FCALL", "echo1", "0", "hi")).isEqualTo(bulk("hi"));
        assertThat(h.run("FUNCTION", "DUMP")).isEqualTo("$" + payload.length + "\r\n"
                + new String(payload, StandardCharsets.ISO_8859_1) + "\r\n");
        assertThat(h.run(Request.of(bytes("FUNCTION"), bytes("RESTORE"), payload)))
                .isEqualTo(error("ERR Library 'lib1' already exists"));
        assertThat(h.run(Request.of(bytes("FUNCTION"), bytes("RESTORE"), payload, bytes("REPLACE")))).isEqualTo(OK);
        assertThat(h.run(Request.of(bytes("FUNCTION"), bytes("RESTORE"), payload, bytes("FLUSH")))).isEqualTo(OK);
        assertThat(h.run("FUNCTION", "RESTORE", "abc")).isEqualTo(error("ERR DUMP payload version or checksum are wrong"));
        assertThat(h.run("FUNCTION", "RESTORE", "abc", "foo")).isEqualTo(error(
                "ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE."));
        assertThat(h.run("FUNCTION", "RESTORE", "abc", "flush", "x")).isEqualTo(error(
                "ERR unknown subcommand or wrong number of arguments for 'RESTORE'. Try FUNCTION HELP."));
    }

    @Test
    void anEmptyDumpIsVersionAndChecksumOnly() {
        byte[] redis = HexFormat.of().parseHex("0a005d9b5c400f7fa2da");
        assertThat(h.run("FUNCTION", "DUMP")).isEqualTo("$10\r\n" + new String(redis, StandardCharsets.ISO_8859_1) + "\r\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

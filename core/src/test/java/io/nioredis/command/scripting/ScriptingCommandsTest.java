package io.nioredis.command.scripting;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EVAL, EVALSHA, SCRIPT and the rules of redis.call; expected bytes are redis-server 7.0.15's. */
class ScriptingCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void redisLogWritesToTheServersLogAtItsLevel() {
        List<String> logged = new ArrayList<>();
        h.state.log = (level, message) -> logged.add(level + " " + message);
        assertThat(h.run("EVAL", "redis.log(redis.LOG_WARNING, 'warn', 42, 1.5) "
                + "redis.log(redis.LOG_DEBUG, 'debug') redis.log(redis.LOG_NOTICE, 'n', {}, 'x') return 1", "0"))
                .isEqualTo(integer(1));
        assertThat(logged).containsExactly("3 warn 42 1.5", "0 debug", "2 n x");
    }

    @Test
    void numkeysIsCheckedBeforeTheScript() {
        assertThat(h.run("EVAL", "return 1", "-1")).isEqualTo(error("ERR Number of keys can't be negative"));
        assertThat(h.run("EVAL", "return 1", "abc")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("EVAL", "return 1", "2", "a"))
                .isEqualTo(error("ERR Number of keys can't be greater than number of args"));
        assertThat(h.run("EVAL", "return KEYS[1]..ARGV[1]..#KEYS..#ARGV", "1", "k", "a", "b")).isEqualTo(bulk("ka12"));
    }

    @Test
    void evalshaFindsScriptsByTheirSha1InAnyCase() {
        assertThat(h.run("EVALSHA", "0000", "x")).isEqualTo(error("NOSCRIPT No matching script. Please use EVAL."));
        assertThat(h.run("EVALSHA", "ffffffffffffffffffffffffffffffffffffffff", "0"))
                .isEqualTo(error("NOSCRIPT No matching script. Please use EVAL."));
        assertThat(h.run("SCRIPT", "LOAD", "return redis.call('get',KEYS[1])"))
                .isEqualTo(bulk("fd758d1589d044dd850a6f05d52f2eefd27f033f"));
        h.run("SET", "s", "x");
        assertThat(h.run("EVALSHA", "FD758D1589D044DD850A6F05D52F2EEFD27F033F", "1", "s")).isEqualTo(bulk("x"));
        assertThat(h.run("SCRIPT", "EXISTS", "fd758d1589d044dd850a6f05d52f2eefd27f033f",
                "FD758D1589D044DD850A6F05D52F2EEFD27F033F", "abc")).isEqualTo("*3\r\n:1\r\n:1\r\n:0\r\n");
        assertThat(h.run("SCRIPT", "FLUSH", "foo")).isEqualTo(error("ERR SCRIPT FLUSH only support SYNC|ASYNC option"));
        assertThat(h.run("SCRIPT", "FLUSH", "sync", "async"))
                .isEqualTo(error("ERR SCRIPT FLUSH only support SYNC|ASYNC option"));
        assertThat(h.run("SCRIPT", "FLUSH", "ASYNC")).isEqualTo(OK);
        assertThat(h.run("SCRIPT", "EXISTS", "fd758d1589d044dd850a6f05d52f2eefd27f033f")).isEqualTo("*1\r\n:0\r\n");
        assertThat(h.run("EVALSHA", "fd758d1589d044dd850a6f05d52f2eefd27f033f", "1", "s"))
                .isEqualTo(error("NOSCRIPT No matching script. Please use EVAL."));
        // The script found last is not taken for another one.
        h.run("SCRIPT", "LOAD", "return 1");
        h.run("SCRIPT", "LOAD", "return 2");
        assertThat(h.run("EVALSHA", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0")).isEqualTo(integer(1));
        assertThat(h.run("EVALSHA", "7f923f79fe76194c868d7e1d0820de36700eb649", "0")).isEqualTo(integer(2));
        assertThat(h.run("EVALSHA", "E0E1F9FABFC9D4800C877A703B823AC0578FF8DB", "0")).isEqualTo(integer(1));
        assertThat(h.run("SCRIPT", "EXISTS")).isEqualTo(error("ERR wrong number of arguments for 'script|exists' command"));
    }

    @Test
    void redisCallRefusesWhatScriptsMayNotRun() {
        assertThat(h.run("EVAL", "return redis.call('nosuch')", "0")).isEqualTo(error("ERR Unknown Redis command called "
                + "from script script: 206396248e12c6e742fd7296250433c8d7343b74, on @user_script:1."));
        assertThat(h.run("EVAL", "return redis.call('get')", "0")).isEqualTo(error("ERR Wrong number of args calling "
                + "Redis command from script script: f187dee77f607f7cff00bbabc9df38507582c78d, on @user_script:1."));
        assertThat(h.run("EVAL", "return redis.call('multi')", "0")).isEqualTo(error("ERR This Redis command is not "
                + "allowed from script script: c329a1a294be6bf95b44144f7502610661ae925a, on @user_script:1."));
        assertThat(h.run("EVAL", "return redis.pcall('multi')", "0"))
                .isEqualTo(error("ERR This Redis command is not allowed from script"));
        assertThat(h.run("EVAL", "return redis.call('config','foo')", "0")).startsWith("-ERR Unknown Redis command");
        assertThat(h.run("EVAL", "return redis.call('script')", "0")).startsWith("-ERR Wrong number of args");
        assertThat(h.run("EVAL", "return redis.call('script','load','return 1')", "0"))
                .startsWith("-ERR This Redis command is not allowed from script");
    }

    @Test
    void eachRedisCallRunsTheCommandItNamesWhateverTheCallBeforeIt() {
        // Constants, names built at run time (new strings each time, same bytes or not) and an unknown name,
        // one after another: the command found for one call is never taken for the next. Redis 7.0's reply.
        assertThat(h.run("EVAL", "local out = {} "
                + "for i = 1, 3 do "
                + "  redis.call('SET', KEYS[1], i) "
                + "  out[#out + 1] = redis.call('GET', KEYS[1]) "
                + "  out[#out + 1] = redis.call(string.lower('INCR'), KEYS[1]) "
                + "  out[#out + 1] = redis.call(('s' .. 'trlen'), KEYS[1]) "
                + "  out[#out + 1] = redis.pcall('G' .. string.rep('E', i) .. 'T', KEYS[1]).err or 'found' "
                + "end return out", "1", "k"))
                .isEqualTo("*12\r\n"
                        + "$1\r\n1\r\n:2\r\n:1\r\n$5\r\nfound\r\n"
                        + "$1\r\n2\r\n:3\r\n:1\r\n$44\r\nERR Unknown Redis command called from script\r\n"
                        + "$1\r\n3\r\n:4\r\n:1\r\n$44\r\nERR Unknown Redis command called from script\r\n");
    }

    @Test
    void aclCheckCmdRefusesACommandThatDoesNotExist() {
        assertThat(h.run("EVAL", "return redis.acl_check_cmd('nosuch')", "0")).isEqualTo(error("ERR Invalid command "
                + "passed to redis.acl_check_cmd() script: d2491587bab5149c93be0dce4426f7a06ba9e1a1, on @user_script:1."));
        assertThat(h.run("EVAL", "return redis.acl_check_cmd('config', 'nosuch')", "0")).isEqualTo(error("ERR Invalid "
                + "command passed to redis.acl_check_cmd() script: 59c2d7413e28c1da10f491d07245ad068842c81e, on "
                + "@user_script:1."));
        assertThat(h.run("EVAL", "return redis.acl_check_cmd('config', 'get')", "0")).isEqualTo(integer(1));
        assertThat(h.run("EVAL", "return redis.acl_check_cmd('config')", "0")).isEqualTo(integer(1));
    }

    @Test
    void errorsOfCalledCommandsCarryTheirCode() {
        h.run("SET", "s", "x");
        assertThat(h.run("EVAL", "return redis.call('lpush','s','a')", "0")).isEqualTo(error("WRONGTYPE Operation "
                + "against a key holding the wrong kind of value script: 9a3e09c1ea8ae5a07defe6161592b5ae121a4da7, on "
                + "@user_script:1."));
        assertThat(h.run("EVAL", "return redis.pcall('lpush','s','a')", "0"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }

    @Test
    void readOnlyScriptsRefuseWrites() {
        assertThat(h.run("EVAL", "#!lua flags=no-writes\nreturn redis.call('set','a','b')", "0")).isEqualTo(error(
                "ERR Write commands are not allowed from read-only scripts. script: "
                        + "6acb400a50fe96e33eca4e0af6e9dcfb21193726, on @user_script:2."));
        assertThat(h.run("EVAL_RO", "return redis.call('set','a','b')", "0")).isEqualTo(error(
                "ERR Write commands are not allowed from read-only scripts. script: "
                        + "ff967d0ae0e68b4f9e360fa91c54598bc25ad9b6, on @user_script:1."));
        assertThat(h.run("EVAL_RO", "#!lua\nreturn 1", "0"))
                .isEqualTo(error("ERR Can not execute a script with write flag using *_ro command."));
        h.run("SET", "s", "x");
        assertThat(h.run("EVAL_RO", "#!lua flags=no-writes\nreturn redis.call('get','s')", "0")).isEqualTo(bulk("x"));
    }

    @Test
    void repliesConvertAsRedisDoes() {
        assertThat(h.run("EVAL", "return {1,2.7,'x',true,false,nil,3}", "0"))
                .isEqualTo("*5\r\n:1\r\n:2\r\n$1\r\nx\r\n:1\r\n$-1\r\n");
        assertThat(h.run("EVAL", "return {err='MY bad'}", "0")).isEqualTo(error("MY bad"));
        assertThat(h.run("EVAL", "return {ok='fine'}", "0")).isEqualTo("+fine\r\n");
        assertThat(h.run("EVAL", "return {double=3.5}", "0")).isEqualTo("$3\r\n3.5\r\n");
        assertThat(h.run("EVAL", "return {big_number='123'}", "0")).isEqualTo("$3\r\n123\r\n");
        assertThat(h.run("EVAL", "return {verbatim_string={format='txt', string='hello'}}", "0"))
                .isEqualTo("$5\r\nhello\r\n");
        h.run("HSET", "h", "f", "v");
        assertThat(h.run("EVAL", "redis.setresp(3); return redis.call('hgetall','h')", "0"))
                .isEqualTo("*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        h.run("ZADD", "z", "1.5", "m");
        assertThat(h.run("EVAL", "redis.setresp(3); local s = redis.call('zscore','z','m'); return {type(s), s['double']}",
                "0")).isEqualTo("*2\r\n$5\r\ntable\r\n:1\r\n");
        assertThat(h.run("EVAL", "return redis.call('zscore','z','m')", "0")).isEqualTo("$3\r\n1.5\r\n");
    }

    @Test
    void resp3CallersGetResp3Types() {
        h.run("HELLO", "3");
        assertThat(h.run("EVAL", "return nil", "0")).isEqualTo("_\r\n");
        assertThat(h.run("EVAL", "return true", "0")).isEqualTo(":1\r\n");
        assertThat(h.run("EVAL", "redis.setresp(3); return true", "0")).isEqualTo("#t\r\n");
        assertThat(h.run("EVAL", "redis.setresp(3); return {double=3.5}", "0")).isEqualTo(",3.5\r\n");
        assertThat(h.run("EVAL", "redis.setresp(3); return {big_number='123'}", "0")).isEqualTo("(123\r\n");
        assertThat(h.run("EVAL", "return {verbatim_string={format='txt', string='hello'}}", "0"))
                .isEqualTo("=9\r\ntxt:hello\r\n");
        h.run("HSET", "h", "f", "v");
        assertThat(h.run("EVAL", "redis.setresp(3); return redis.call('hgetall','h')", "0"))
                .isEqualTo("%1\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("EVAL", "return redis.call('hgetall','h')", "0")).isEqualTo("*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }

    @Test
    void selectInsideAScriptAffectsOnlyTheScript() {
        assertThat(h.run("EVAL", "redis.call('select', 5); redis.call('set','in5','v'); return redis.call('get','in5')",
                "0")).isEqualTo(bulk("v"));
        assertThat(h.run("GET", "in5")).isEqualTo("$-1\r\n");
        h.run("SELECT", "5");
        assertThat(h.run("GET", "in5")).isEqualTo(bulk("v"));
        assertThat(h.run("EVAL", "return redis.call('get','in5')", "0")).isEqualTo(bulk("v"));
    }

    @Test
    void watchedKeysTouchedByAScriptAreDirtied() {
        Client other = new Client(2, h.state);
        h.runAs(other, "WATCH", "k");
        h.runAs(other, "MULTI");
        h.runAs(other, "GET", "k");
        h.run("EVAL", "return redis.call('set', KEYS[1], 'v')", "1", "k");
        assertThat(h.runAs(other, "EXEC")).isEqualTo("*-1\r\n");
    }

    @Test
    void scriptsObeyMaxmemoryAsRedis70() {
        h.run("SET", "filler", "x".repeat(2000));
        h.state.config.set("maxmemory", "1");
        // No shebang: runs, but its first denyoom command is refused...
        assertThat(h.run("EVAL", "return redis.pcall('set','a','b')", "0"))
                .isEqualTo(error("OOM command not allowed when used memory > 'maxmemory'."));
        // ...while a shebang script that may write is refused before it starts, unless allow-oom.
        assertThat(h.run("EVAL", "#!lua\nreturn 1", "0"))
                .isEqualTo(error("OOM command not allowed when used memory > 'maxmemory'."));
        assertThat(h.run("EVAL", "#!lua flags=no-writes\nreturn 1", "0")).isEqualTo(error(
                "OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'"));
        assertThat(h.run("EVAL", "#!lua flags=allow-oom\nreturn redis.call('set','a','b')", "0")).isEqualTo(OK);
        // Reads still run, and a write after the first write is not refused.
        assertThat(h.run("EVAL", "return redis.call('get','a')", "0")).isEqualTo(bulk("b"));
        assertThat(h.run("EVAL", "redis.call('del','a'); return redis.call('set','a','c')", "0")).isEqualTo(OK);
    }

    @Test
    void theEngineLoadsOnlyWhenAScriptNeedsIt() {
        assertThat(h.run("SCRIPT", "EXISTS", "fd758d1589d044dd850a6f05d52f2eefd27f033f")).isEqualTo("*1\r\n:0\r\n");
        assertThat(h.run("EVALSHA", "fd758d1589d044dd850a6f05d52f2eefd27f033f", "0")).startsWith("-NOSCRIPT");
        assertThat(h.run("FCALL", "f", "0")).isEqualTo(error("ERR Function not found"));
        assertThat(h.run("FUNCTION", "LIST")).isEqualTo("*0\r\n");
        assertThat(h.run("INFO", "memory")).contains("used_memory_lua:0\r\n").contains("number_of_cached_scripts:0\r\n");
        assertThat(h.state.scripting.engineLoaded()).isFalse();
        h.run("EVAL", "return 1", "0");
        assertThat(h.state.scripting.engineLoaded()).isTrue();
        assertThat(h.run("INFO", "memory")).contains("number_of_cached_scripts:1\r\n").doesNotContain("used_memory_lua:0\r\n");
    }

    @Test
    void killAndBusyAnswersWhenNothingRuns() {
        assertThat(h.run("SCRIPT", "KILL")).isEqualTo(error("NOTBUSY No scripts in execution right now."));
        assertThat(h.run("FUNCTION", "KILL")).isEqualTo(error("NOTBUSY No scripts in execution right now."));
        assertThat(h.run("SCRIPT", "FOO")).isEqualTo(error("ERR unknown subcommand 'FOO'. Try SCRIPT HELP."));
    }
}

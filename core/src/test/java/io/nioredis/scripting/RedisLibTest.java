package io.nioredis.scripting;

import static io.nioredis.scripting.ScriptTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The redis table; expected values are Redis 7.0.15's replies to the same EVAL. */
class RedisLibTest {

    @Test
    void callAndPcall() {
        assertThat(run("return redis.call('ping')")).isEqualTo("PONG");
        assertThat(run("return redis.call('set','k','v')")).isEqualTo("OK");
        assertThat(run("return redis.call('get','nokey')")).isEqualTo("(nil)");
        assertThat(run("return type(redis.call('get','nokey'))")).isEqualTo("\"boolean\"");
        assertThat(run("return redis.pcall('nosuch')")).isEqualTo("(error) ERR Unknown Redis command called from script");
        assertThat(run("local r = redis.pcall('nosuch') return {type(r), r.err}")).isEqualTo("[\"table\", \"ERR Unknown Redis command called from script\"]");
        assertThat(run("redis.call()")).isEqualTo("(error) ERR Please specify at least one argument for this redis lib call script: 23251039f40992dadef496cbfe3f3d23a6d314ce, on @user_script:1.");
        assertThat(run("return redis.call({})")).isEqualTo("(error) ERR Lua redis lib command arguments must be strings or integers script: 80747816df1f4411f7c442b928fce6a814214839, on @user_script:1.");
        assertThat(run("redis.call('get')")).isEqualTo("(error) ERR Wrong number of args calling Redis command from script script: b43ccfd3bfa95deb6c05db45c4a6ff1e793c5791, on @user_script:1.");
        assertThat(run("return redis.call('incr','k')")).isEqualTo("(integer) 1");
    }

    @Test
    void numbersPassedToCommandsUsePercent17g() {
        assertThat(run("redis.call('set','k',0.1) return redis.call('get','k')")).isEqualTo("\"0.10000000000000001\"");
        assertThat(run("redis.call('set','k',5) return redis.call('get','k')")).isEqualTo("\"5\"");
    }

    @Test
    void pcallHandsBackTheErrString() {
        assertThat(run("local ok, e = pcall(function() error('x') end) return {tostring(ok), type(e), e}")).isEqualTo("[\"false\", \"string\", \"user_script:1: x\"]");
        assertThat(run("local ok, e = pcall(function() redis.call('nosuch') end) return e")).isEqualTo("\"ERR Unknown Redis command called from script\"");
        assertThat(run("local ok, e = pcall(redis.call, 'nosuch') return {type(e), e.err}")).isEqualTo("[\"string\"]");
        assertThat(run("local ok, e = pcall(function() error({err='x'}) end) return {type(e), e}")).isEqualTo("[\"string\", \"x\"]");
        assertThat(run("local ok, e = pcall(function() local t = nil; t.x = 1 end) return string.sub(e, 1, 14)")).isEqualTo("\"user_script:1:\"");
    }

    @Test
    void replyHelpers() {
        assertThat(run("return redis.error_reply('My Error')")).isEqualTo("(error) My Error");
        assertThat(run("return redis.error_reply('-ERR x y')")).isEqualTo("(error) ERR x y");
        assertThat(run("return redis.error_reply('Single')")).isEqualTo("(error) ERR Single");
        assertThat(run("return redis.error_reply('')")).isEqualTo("(error) ERR ");
        assertThat(run("return redis.error_reply(5)")).isEqualTo("(error) ERR wrong number or type of arguments");
        assertThat(run("return redis.status_reply()")).isEqualTo("(error) ERR wrong number or type of arguments");
        assertThat(run("local t = redis.error_reply('E1') return {type(t), t.err}")).isEqualTo("[\"table\", \"ERR E1\"]");
        assertThat(run("local t = redis.status_reply('S1') return {type(t), t.ok}")).isEqualTo("[\"table\", \"S1\"]");
        assertThat(run("return redis.status_reply('S')")).isEqualTo("S");
    }

    @Test
    void shaLogVersionAndConstants() {
        assertThat(run("return redis.sha1hex('')")).isEqualTo("\"da39a3ee5e6b4b0d3255bfef95601890afd80709\"");
        assertThat(run("return redis.sha1hex(1.5)")).isEqualTo("\"aa8f289ebe6d4db1b4a1038b8931ec8c2b5399fb\"");
        assertThat(run("return redis.sha1hex()")).isEqualTo("(error) ERR wrong number of arguments script: 3c7ce947ae74a835cc575b6ee87fb27503cb7ba4, on @user_script:1.");
        assertThat(run("return redis.REDIS_VERSION .. ' ' .. redis.REDIS_VERSION_NUM")).isEqualTo("\"7.0.15 458767\"");
        assertThat(run("return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING, redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL}"))
                .isEqualTo("[(integer) 0, (integer) 1, (integer) 2, (integer) 3, (integer) 0, (integer) 1, (integer) 2, (integer) 2, (integer) 3]");
        assertThat(run("return tostring(redis.replicate_commands())")).isEqualTo("\"true\"");
        assertThat(run("return tostring(redis.breakpoint())")).isEqualTo("\"false\"");
        assertThat(run("redis.debug('x') return 1")).isEqualTo("(integer) 1");
        assertThat(run("redis.log()")).isEqualTo("(error) ERR redis.log() requires two arguments or more. script: 832b44eaff8743413d7a371df1c038871278515a, on @user_script:1.");
        assertThat(run("redis.log(99,'x')")).isEqualTo("(error) ERR Invalid debug level. script: 14388d3efe3636504e179723d2061a4c93b95c31, on @user_script:1.");
        assertThat(run("redis.log('a','b')")).isEqualTo("(error) ERR First argument must be a number (log level). script: 9369277607d3605674cb24c2c2b4df8d2a6497dc, on @user_script:1.");
        MapHost host = new MapHost();
        ScriptTesting.eval(host, "redis.log(redis.LOG_WARNING, 'a', 1.5, 'b')", 0);
        assertThat(host.logged).containsExactly("3 a 1.5 b");
    }

    @Test
    void setrespAndSetRepl() {
        assertThat(run("redis.setresp(4)")).isEqualTo("(error) ERR RESP version must be 2 or 3. script: 68e72e4d8a428b9f599dce492315f2455a425a82, on @user_script:1.");
        assertThat(run("redis.setresp()")).isEqualTo("(error) ERR redis.setresp() requires one argument. script: 42aacaf580759e59c97e8b1974d08a62f960014f, on @user_script:1.");
        assertThat(run("redis.set_repl(9)")).isEqualTo("(error) ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE. script: 4f4229ed072529678bbea9429f2d7b099eb34534, on @user_script:1.");
        assertThat(run("redis.set_repl()")).isEqualTo("(error) ERR redis.set_repl() requires two arguments. script: e39b47fd8e0d5dc1c7155bbafcefaf48cf163f82, on @user_script:1.");
        MapHost host = new MapHost();
        ScriptTesting.eval(host, "redis.set_repl(redis.REPL_AOF)", 0);
        assertThat(host.repl).isEqualTo(1);
    }

    @Test
    void resp3RepliesReachLuaAsRedisConvertsThem() {
        assertThat(run("redis.setresp(3) local r = redis.call('hgetall','h') return {type(r), type(r.map), r.map.f}")).isEqualTo("[\"table\", \"table\", \"v\"]");
        assertThat(run("redis.setresp(3) local r = redis.call('smembers','s') return {type(r.set), tostring(r.set.m)}")).isEqualTo("[\"table\", \"true\"]");
        assertThat(run("redis.setresp(3) local r = redis.call('get','nokey') return type(r)")).isEqualTo("\"nil\"");
        assertThat(run("return {type(redis.call('hgetall','h'))}")).isEqualTo("[\"table\"]");
        assertThat(LuaReplies.toLua(new ScriptReply.Double(1.5), 3).get("double").todouble()).isEqualTo(1.5);
        assertThat(LuaReplies.toLua(new ScriptReply.BigNumber("123"), 3).get("big_number").tojstring()).isEqualTo("123");
        assertThat(LuaReplies.toLua(new ScriptReply.Bool(true), 3).toboolean()).isTrue();
    }

    @Test
    void randomContinuesOneSequenceFromServerStart() {
        ScriptEngine fresh = ScriptEngine.create();
        assertThat(ScriptTesting.show(evalOn(fresh, "return {tostring(math.random()), tostring(math.random())}")))
                .isEqualTo("[\"0.39646477363839\", \"0.84048536971234\"]");
        assertThat(ScriptTesting.show(evalOn(fresh, "return tostring(math.random())"))).isEqualTo("\"0.35333609737146\"");
        assertThat(ScriptTesting.show(evalOn(fresh, "math.randomseed(7) return {math.random(1000), math.random(1000)}")))
                .isEqualTo("[(integer) 267, (integer) 683]");
    }

    private static ScriptReply evalOn(ScriptEngine engine, String script) {
        return engine.eval(engine.compile(script.getBytes()), new byte[0][], new byte[0][], new MapHost());
    }

    @Test
    void globalsAreThoseOfRedis() {
        assertThat(run("local t = {} for k,v in pairs(_G) do if k ~= 'KEYS' and k ~= 'ARGV' then table.insert(t, k .. ':' .. type(v)) end end table.sort(t) return table.concat(t, ' ')"))
                .isEqualTo("\"_G:table _VERSION:string __redis__err__handler:function assert:function bit:table cjson:table cmsgpack:table collectgarbage:function coroutine:table error:function gcinfo:function getmetatable:function ipairs:function load:function loadstring:function math:table next:function pairs:function pcall:function rawequal:function rawget:function rawset:function redis:table select:function setmetatable:function string:table struct:table table:table tonumber:function tostring:function type:function unpack:function xpcall:function\"");
        assertThat(run("local t = {} for k,v in pairs(table) do table.insert(t, k) end table.sort(t) return table.concat(t, ' ')"))
                .isEqualTo("\"concat foreach foreachi getn insert maxn remove setn sort\"");
        assertThat(run("return _VERSION")).isEqualTo("\"Lua 5.1\"");
        assertThat(run("return {unpack({1,2})}")).isEqualTo("[(integer) 1, (integer) 2]");
        assertThat(run("return table.getn({1,2,3})")).isEqualTo("(integer) 3");
        assertThat(run("return math.mod(7,3)")).isEqualTo("(integer) 1");
        assertThat(run("local f = loadstring('return 1+1') return f()")).isEqualTo("(integer) 2");
        assertThat(run("local s = '' for w in string.gfind('a b', '%a') do s = s .. w end return s")).isEqualTo("\"ab\"");
    }
}

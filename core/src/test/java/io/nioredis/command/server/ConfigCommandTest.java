package io.nioredis.command.server;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFIG's subcommands; expected replies are Redis 7.0.15's bytes for the same requests. */
class ConfigCommandTest {
    private final CommandHarness h = new CommandHarness();

    private static String setFailed(String argument, String reason) {
        return error("ERR CONFIG SET failed (possibly related to argument '" + argument + "') - " + reason);
    }

    @Test
    void helpAsRedis() {
        assertThat(h.run("CONFIG", "HELP")).isEqualTo("*11\r\n"
                + "+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+GET <pattern>\r\n"
                + "+    Return parameters matching the glob-like <pattern> and their values.\r\n"
                + "+SET <directive> <value>\r\n"
                + "+    Set the configuration <directive> to <value>.\r\n"
                + "+RESETSTAT\r\n"
                + "+    Reset statistics reported by the INFO command.\r\n"
                + "+REWRITE\r\n"
                + "+    Rewrite the configuration file.\r\n"
                + "+HELP\r\n"
                + "+    Prints this help.\r\n");
        assertThat(h.run("CONFIG", "FOO")).isEqualTo(error("ERR unknown subcommand 'FOO'. Try CONFIG HELP."));
        assertThat(h.run("CONFIG", "REWRITE", "x"))
                .isEqualTo(error("ERR wrong number of arguments for 'config|rewrite' command"));
    }

    @Test
    void setErrorsInRedisOrder() {
        assertThat(h.run("CONFIG", "SET", "maxmemory", "1", "2")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("CONFIG", "SET", "daemonize", "no")).isEqualTo(setFailed("daemonize", "can't set immutable config"));
        assertThat(h.run("CONFIG", "SET", "foo", "bar", "daemonize", "no"))
                .isEqualTo(error("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"));
        assertThat(h.run("CONFIG", "SET", "daemonize", "no", "foo", "bar"))
                .isEqualTo(setFailed("daemonize", "can't set immutable config"));
        assertThat(h.run("CONFIG", "SET", "maxmemory", "10", "MAXMEMORY", "20"))
                .isEqualTo(setFailed("MAXMEMORY", "duplicate parameter"));
        assertThat(h.run("CONFIG", "SET", "dir", "/tmp")).isEqualTo(setFailed("dir", "can't set protected config"));
        assertThat(h.run("CONFIG", "SET", "dbfilename", "x")).isEqualTo(setFailed("dbfilename", "can't set protected config"));
        assertThat(h.run("CONFIG", "SET", "enable-debug-command", "yes"))
                .isEqualTo(setFailed("enable-debug-command", "can't set immutable config"));
        assertThat(h.run("CONFIG", "SET", "logfile", "x")).isEqualTo(setFailed("logfile", "can't set immutable config"));
        assertThat(h.run("CONFIG", "SET", "loglevel", "loud")).isEqualTo(setFailed("loglevel",
                "argument(s) must be one of the following: debug, verbose, notice, warning"));
    }

    @Test
    void setIsAllOrNothing() {
        assertThat(h.run("CONFIG", "SET", "maxmemory", "10", "hz", "x"))
                .isEqualTo(setFailed("hz", "argument couldn't be parsed into an integer"));
        assertThat(h.run("CONFIG", "GET", "maxmemory")).isEqualTo("*2\r\n" + bulk("maxmemory") + bulk("0"));
        assertThat(h.run("CONFIG", "SET", "maxmemory", "10", "hz", "20", "maxmemory-policy", "allkeys-lru")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "GET", "maxmemory", "hz", "maxmemory-policy")).isEqualTo("*6\r\n"
                + bulk("maxmemory") + bulk("10") + bulk("hz") + bulk("20") + bulk("maxmemory-policy") + bulk("allkeys-lru"));
    }

    @Test
    void getReportsANameAsSpelledAndEachParameterOnce() {
        assertThat(h.run("CONFIG", "GET", "MAXMEMORY", "maxmemory")).isEqualTo("*2\r\n" + bulk("MAXMEMORY") + bulk("0"));
        assertThat(h.run("CONFIG", "GET", "lua-time-limit", "busy*"))
                .isEqualTo("*4\r\n" + bulk("lua-time-limit") + bulk("5000") + bulk("busy-reply-threshold") + bulk("5000"));
        assertThat(h.run("CONFIG", "GET", "save", "appendonly", "latency-monitor-threshold")).isEqualTo("*6\r\n"
                + bulk("save") + bulk("3600 1 300 100 60 10000") + bulk("appendonly") + bulk("no") + bulk("latency-monitor-threshold") + bulk("0"));
        assertThat(h.run("CONFIG", "GET", "slowlog-max-len", "slowlog-log-slower-than")).isEqualTo("*4\r\n"
                + bulk("slowlog-max-len") + bulk("128") + bulk("slowlog-log-slower-than") + bulk("10000"));
    }

    @Test
    void aofBasesInCommandFormCanBeChosen() {
        assertThat(h.run("CONFIG", "SET", "aof-use-rdb-preamble", "no")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "GET", "aof-use-rdb-preamble"))
                .isEqualTo("*2\r\n" + bulk("aof-use-rdb-preamble") + bulk("no"));
        assertThat(h.run("CONFIG", "SET", "aof-use-rdb-preamble", "maybe")).isEqualTo(
                setFailed("aof-use-rdb-preamble", "argument must be 'yes' or 'no'"));
    }

    @Test
    void persistenceValuesThatAreNotTrueAreRefused() {
        assertThat(h.run("CONFIG", "SET", "save", "3600 1")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "SET", "save", "3600 1 30")).isEqualTo(setFailed("save", "Invalid save parameters"));
        assertThat(h.run("CONFIG", "SET", "save", "", "appendonly", "no", "appendfsync", "always")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "SET", "appendfilename", "x"))
                .isEqualTo(setFailed("appendfilename", "can't set immutable config"));
        assertThat(h.run("CONFIG", "SET", "maxmemory-clients", "10%")).startsWith(
                "-ERR CONFIG SET failed (possibly related to argument 'maxmemory-clients') - client eviction is not implemented");
        assertThat(h.run("CONFIG", "SET", "lazyfree-lazy-user-flush", "yes")).contains("lazy freeing is not implemented");
    }

    @Test
    void protectedConfigsWhenEnabled(@TempDir Path tmp) throws Exception {
        CommandHarness enabled = new CommandHarness();
        enabled.state.config.set("enable-protected-configs", "yes");
        assertThat(enabled.run("CONFIG", "SET", "dir", tmp.toString())).isEqualTo(OK);
        assertThat(enabled.run("CONFIG", "GET", "dir"))
                .isEqualTo("*2\r\n" + bulk("dir") + bulk(tmp.toRealPath().toString()));
        assertThat(enabled.run("CONFIG", "SET", "dir", "/nonexist"))
                .isEqualTo(setFailed("dir", "No such file or directory"));
        assertThat(enabled.run("CONFIG", "SET", "dbfilename", "a/b"))
                .isEqualTo(setFailed("dbfilename", "dbfilename can't be a path, just a filename"));
        assertThat(enabled.run("CONFIG", "SET", "dbfilename", "")).isEqualTo(OK);
        Files.createDirectory(tmp.resolve("sub"));
        assertThat(enabled.run("CONFIG", "SET", "dir", "sub")).isEqualTo(OK);
        assertThat(enabled.state.config.get("dir")).isEqualTo(tmp.resolve("sub").toRealPath().toString());
    }

    @Test
    void rewriteWithoutAConfigFile() {
        assertThat(h.run("CONFIG", "REWRITE")).isEqualTo(error("ERR The server is running without a config file"));
    }

    @Test
    void rewriteWritesTheFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("n.conf");
        Files.writeString(file, "# mine\nhz 10\n");
        h.state.config.file(file);
        h.run("CONFIG", "SET", "hz", "25");
        assertThat(h.run("CONFIG", "REWRITE")).isEqualTo(OK);
        assertThat(Files.readString(file)).startsWith("# mine\nhz 25\n");
    }

    @Test
    void resetStatZeroesEveryCounter() {
        h.run("SET", "k", "v");
        h.run("GET", "k");
        h.run("GET", "nokey");
        h.run("INCR", "k");
        h.state.totalCommandsProcessed = 5;
        h.state.totalNetInputBytes = 7;
        CommandSpec get = h.dispatcher.table().lookupFullName("get");
        assertThat(get.calls).isEqualTo(2);
        assertThat(h.state.errors.total()).isEqualTo(1);
        assertThat(h.state.databases.stats().keyspaceHits).isEqualTo(1);
        assertThat(h.run("CONFIG", "RESETSTAT")).isEqualTo(OK);
        assertThat(get.calls).isZero();
        assertThat(h.dispatcher.table().lookupFullName("incr").failedCalls).isZero();
        assertThat(h.state.errors.total()).isZero();
        assertThat(h.state.errors.byPrefix()).isEmpty();
        assertThat(h.state.databases.stats().keyspaceHits).isZero();
        assertThat(h.state.databases.stats().keyspaceMisses).isZero();
        // As in Redis, RESETSTAT itself is counted once it has run.
        assertThat(h.state.totalCommandsProcessed).isEqualTo(1);
        assertThat(h.state.totalNetInputBytes).isZero();
    }
}

package io.nioredis.command.server;

import io.nioredis.command.CommandHarness;

import io.nioredis.store.Keyspace;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PING, ECHO, QUIT, unknown commands, COMMAND, CONFIG, INFO, SHUTDOWN. */
class ServerCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void pingAndEcho() {
        assertThat(h.run("PING")).isEqualTo("+PONG\r\n");
        assertThat(h.run("ping", "hi")).isEqualTo(bulk("hi"));
        assertThat(h.run("PING", "a", "b")).isEqualTo(error("ERR wrong number of arguments for 'ping' command"));
        assertThat(h.run("ECHO", "")).isEqualTo(bulk(""));
        assertThat(h.run("ECHO")).isEqualTo(error("ERR wrong number of arguments for 'echo' command"));
    }

    @Test
    void unknownCommandQuotesItsArgumentsAsRedis() {
        assertThat(h.run("foo", "3")).isEqualTo(error("ERR unknown command 'foo', with args beginning with: '3' "));
        assertThat(h.run("foo")).isEqualTo(error("ERR unknown command 'foo', with args beginning with: "));
        assertThat(h.run("foo", "a\r\n", "b"))
                .isEqualTo(error("ERR unknown command 'foo', with args beginning with: 'a  ' 'b' "));
        String a150 = "a".repeat(150);
        assertThat(h.run("foo", a150, "bbbb"))
                .isEqualTo(error("ERR unknown command 'foo', with args beginning with: '" + "a".repeat(128) + "' "));
    }

    @Test
    void quitRepliesOkAndAsksToClose() {
        assertThat(h.run("QUIT")).isEqualTo(OK);
        assertThat(h.client.closeAfterReply()).isTrue();
    }

    @Test
    void commandCountDocsAndInfo() {
        assertThat(h.run("COMMAND", "COUNT")).isEqualTo(integer(h.dispatcher.table().size()));
        String docs = h.run("COMMAND", "DOCS", "get");
        assertThat(docs).startsWith("*2\r\n" + bulk("get") + "*10\r\n" + bulk("summary") + bulk("Read the string stored under a key"));
        String info = h.run("COMMAND", "INFO", "get", "nosuch");
        assertThat(info).startsWith("*2\r\n*10\r\n" + bulk("get") + integer(2)).endsWith("$-1\r\n");
        assertThat(h.run("COMMAND", "FOO")).isEqualTo(error("ERR unknown subcommand 'FOO'. Try COMMAND HELP."));
    }

    @Test
    void configGetWhatBenchmarksAsk() {
        assertThat(h.run("CONFIG", "GET", "save")).isEqualTo("*2\r\n" + bulk("save") + bulk("3600 1 300 100 60 10000"));
        assertThat(h.run("CONFIG", "GET", "appendonly")).isEqualTo("*2\r\n" + bulk("appendonly") + bulk("no"));
        assertThat(h.run("CONFIG", "GET", "nosuch")).isEqualTo("*0\r\n");
        assertThat(h.run("CONFIG", "GET", "max*")).contains(bulk("maxclients")).contains(bulk("maxmemory"));
        assertThat(h.run("CONFIG", "GET")).isEqualTo(error("ERR wrong number of arguments for 'config|get' command"));
        assertThat(h.run("CONFIG")).isEqualTo(error("ERR wrong number of arguments for 'config' command"));
    }

    @Test
    void configSetValidatesAsRedis() {
        assertThat(h.run("CONFIG", "SET", "hz", "20")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "GET", "hz")).isEqualTo("*2\r\n" + bulk("hz") + bulk("20"));
        assertThat(h.run("CONFIG", "SET", "hz", "abc")).isEqualTo(error(
                "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer"));
        assertThat(h.run("CONFIG", "SET", "nosuch", "1"))
                .isEqualTo(error("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'"));
        assertThat(h.run("CONFIG", "SET", "maxmemory", "1mb")).isEqualTo(OK);
        assertThat(h.run("CONFIG", "GET", "maxmemory")).isEqualTo("*2\r\n" + bulk("maxmemory") + bulk("1048576"));
    }

    @Test
    void infoHasRedisSectionsAndFields() {
        h.run("SET", "a", "1");
        h.run("SET", "b", "1", "EX", "100");
        String info = h.run("INFO");
        assertThat(info).contains("# Server\r\nredis_version:7.0.15\r\n").contains("# Clients\r\n")
                .contains("# Memory\r\nused_memory:").contains("# Stats\r\n")
                .contains("# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\n");
        String keyspace = h.run("INFO", "keyspace");
        assertThat(keyspace).doesNotContain("# Server").contains("db0:keys=2");
    }

    @Test
    void shutdownAsksTheLoopToStop() {
        assertThat(h.run("SHUTDOWN", "BOGUS")).isEqualTo(error("ERR syntax error"));
        assertThat(h.state.shutdownRequested).isFalse();
        assertThat(h.run("SHUTDOWN", "NOSAVE")).isEmpty();
        assertThat(h.state.shutdownRequested).isTrue();
    }
}

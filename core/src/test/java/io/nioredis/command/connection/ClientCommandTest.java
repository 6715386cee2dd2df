package io.nioredis.command.connection;

import io.nioredis.command.CommandHarness;

import io.nioredis.client.Client;
import io.nioredis.command.RecordingLink;

import static io.nioredis.command.CommandHarness.OK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CLIENT subcommands against a fake set of connections; errors as redis-server 7.0.15 gives them. */
class ClientCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final Client other = new Client(2, h.state);
    private final RecordingLink otherLink = new RecordingLink();

    ClientCommandTest() {
        h.client.link(new RecordingLink());
        other.link(otherLink);
        h.client.peers(() -> List.of(h.client, other));
        other.peers(h.client.peers());
    }

    @Test
    void names() {
        assertThat(h.run("CLIENT", "GETNAME")).isEqualTo("$-1\r\n");
        assertThat(h.run("CLIENT", "SETNAME", "a b"))
                .isEqualTo("-ERR Client names cannot contain spaces, newlines or special characters.\r\n");
        assertThat(h.run("CLIENT", "SETNAME", "app")).isEqualTo(OK);
        assertThat(h.run("CLIENT", "GETNAME")).isEqualTo("$3\r\napp\r\n");
        assertThat(h.run("CLIENT", "SETNAME", "")).isEqualTo(OK);
        assertThat(h.run("CLIENT", "GETNAME")).isEqualTo("$-1\r\n");
        assertThat(h.run("CLIENT", "ID")).isEqualTo(":1\r\n");
    }

    @Test
    void listShowsRedisFieldsInOrder() {
        h.runAs(other, "SUBSCRIBE", "x");
        String list = h.run("CLIENT", "LIST");
        String[] lines = list.substring(list.indexOf('\n') + 1).split("\n");
        assertThat(lines[0]).startsWith("id=1 addr=127.0.0.1:50000 laddr=127.0.0.1:6379 fd=8 name= age=0 idle=0 "
                + "flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=16384 argv-mem=0 multi-mem=0 "
                + "rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=16384 events=r cmd=client|list user=default "
                + "redir=-1 resp=2");
        assertThat(lines[1]).contains("id=2 ").contains(" flags=P ").contains(" sub=1 ").contains(" cmd=subscribe ");
        assertThat(h.run("CLIENT", "LIST", "TYPE", "pubsub")).contains("id=2 ").doesNotContain("id=1 ");
        h.runAs(other, "RESET");
        h.runAs(other, "CONFIG", "SET", "hz", "10");
        assertThat(h.run("CLIENT", "LIST", "ID", "2")).contains(" cmd=config|set ");
        h.runAs(other, "PING");
        assertThat(h.run("CLIENT", "LIST", "ID", "2")).contains(" cmd=ping ");
        assertThat(h.run("CLIENT", "LIST", "ID", "1")).contains("id=1 ").doesNotContain("id=2 ");
    }

    @Test
    void killFormsAndErrors() {
        assertThat(h.run("CLIENT", "KILL", "1.2.3.4:5")).isEqualTo("-ERR No such client\r\n");
        assertThat(h.run("CLIENT", "KILL", "ID", "999")).isEqualTo(":0\r\n");
        assertThat(h.run("CLIENT", "KILL", "TYPE", "foo")).isEqualTo("-ERR Unknown client type 'foo'\r\n");
        assertThat(h.run("CLIENT", "KILL", "FOO", "bar")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("CLIENT", "KILL", "ID", "0")).isEqualTo("-ERR client-id should be greater than 0\r\n");
        assertThat(h.run("CLIENT", "KILL", "SKIPME", "maybe")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("CLIENT", "KILL", "USER", "bob")).isEqualTo("-ERR No such user 'bob'\r\n");
        assertThat(h.run("CLIENT", "KILL", "ADDR", "127.0.0.1:50000")).isEqualTo(":1\r\n"); // skips itself
        assertThat(otherLink.killed).isTrue();
        assertThat(h.client.closeAfterReply()).isFalse();
        assertThat(h.run("CLIENT", "KILL", "ID", "1", "SKIPME", "no")).isEqualTo(":1\r\n");
        assertThat(h.client.closeAfterReply()).isTrue();
    }

    @Test
    void setInfoAndSwitches() {
        assertThat(h.run("CLIENT", "SETINFO", "lib-name", "jedis")).isEqualTo(OK);
        assertThat(h.run("CLIENT", "SETINFO", "lib-ver", "5.2.0")).isEqualTo(OK);
        assertThat(h.run("CLIENT", "SETINFO", "color", "x")).isEqualTo("-ERR Unrecognized option 'color'\r\n");
        assertThat(h.run("CLIENT", "NO-EVICT", "on")).isEqualTo(OK);
        assertThat(h.run("CLIENT", "NO-EVICT", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("CLIENT", "INFO")).contains(" flags=e ");
        assertThat(h.run("CLIENT", "FOO")).isEqualTo("-ERR unknown subcommand 'FOO'. Try CLIENT HELP.\r\n");
    }

    @Test
    void unblockAnswersTheBlockedClientAsATimeoutOrAnError() {
        assertThat(h.run("CLIENT", "UNBLOCK", "2")).isEqualTo(":0\r\n");
        h.runAs(other, "BLPOP", "q", "0");
        assertThat(h.run("CLIENT", "LIST", "ID", "2")).contains(" flags=b ").contains(" cmd=blpop ");
        assertThat(h.run("INFO", "clients")).contains("blocked_clients:1\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "2", "error")).isEqualTo(":1\r\n");
        assertThat(otherLink.take()).isEqualTo("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
        assertThat(h.run("CLIENT", "LIST", "ID", "2")).contains(" flags=N ");
        h.runAs(other, "BZPOPMIN", "q", "5");
        assertThat(h.run("INFO", "clients")).contains("clients_in_timeout_table:1\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "2", "TIMEOUT")).isEqualTo(":1\r\n");
        assertThat(otherLink.take()).isEqualTo("*-1\r\n");
        assertThat(h.run("INFO", "clients")).contains("blocked_clients:0\r\n").contains("clients_in_timeout_table:0\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "2")).isEqualTo(":0\r\n");
        // Redis 7.0 counts both unblocked calls as failed, and one UNBLOCKED error.
        assertThat(h.state.errors.byPrefix().get("UNBLOCKED")[0]).isEqualTo(1);
        assertThat(h.dispatcher.table().lookupFullName("blpop").failedCalls).isEqualTo(1);
        assertThat(h.dispatcher.table().lookupFullName("bzpopmin").failedCalls).isEqualTo(1);
        assertThat(h.dispatcher.table().lookupFullName("bzpopmin").calls).isEqualTo(1);
    }

    @Test
    void unblockErrors() {
        assertThat(h.run("CLIENT", "UNBLOCK", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "x", "foo"))
                .isEqualTo("-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "x", "error")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "99", "error")).isEqualTo(":0\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK", "99", "error", "x"))
                .isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'UNBLOCK'. Try CLIENT HELP.\r\n");
        assertThat(h.run("CLIENT", "UNBLOCK")).isEqualTo("-ERR wrong number of arguments for 'client|unblock' command\r\n");
    }
}

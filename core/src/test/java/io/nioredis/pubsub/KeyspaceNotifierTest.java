package io.nioredis.pubsub;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which notifications go out for which flags; channel names as Redis's notify.c builds them. */
class KeyspaceNotifierTest {
    private final CommandHarness h = new CommandHarness();
    private final Client listener = new Client(2, h.state);
    private final RecordingLink link = new RecordingLink();

    KeyspaceNotifierTest() {
        listener.link(link);
        h.runAs(listener, "PSUBSCRIBE", "*");
    }

    private static String pmessage(String channel, String message) {
        return "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$" + channel.length() + "\r\n" + channel + "\r\n$"
                + message.length() + "\r\n" + message + "\r\n";
    }

    @Test
    void offByDefault() {
        h.run("SET", "k", "v");
        h.run("DEL", "k");
        assertThat(link.take()).isEmpty();
    }

    @Test
    void keyspaceAndKeyeventChannelsPerFlag() {
        h.run("CONFIG", "SET", "notify-keyspace-events", "K$");
        h.run("SET", "k", "v");
        h.run("DEL", "k"); // generic class not enabled
        assertThat(link.take()).isEqualTo(pmessage("__keyspace@0__:k", "set"));
        h.run("CONFIG", "SET", "notify-keyspace-events", "Eg");
        h.run("SELECT", "5");
        h.run("SET", "k", "v");
        h.run("DEL", "k");
        assertThat(link.take()).isEqualTo(pmessage("__keyevent@5__:del", "k"));
    }

    @Test
    void expiredEventsFromActiveExpiry() {
        h.run("CONFIG", "SET", "notify-keyspace-events", "Ex");
        h.run("SET", "k", "v", "PX", "10");
        h.clock.advance(20);
        h.state.databases.expireSome(h.clock.millis(), 10);
        assertThat(link.take()).isEqualTo(pmessage("__keyevent@0__:expired", "k"));
    }

    @Test
    void moveNotifiesBothDatabases() {
        h.run("CONFIG", "SET", "notify-keyspace-events", "Kg");
        h.run("SET", "k", "v");
        h.run("MOVE", "k", "2");
        assertThat(link.take()).isEqualTo(pmessage("__keyspace@0__:k", "move_from")
                + pmessage("__keyspace@2__:k", "move_to"));
    }
}

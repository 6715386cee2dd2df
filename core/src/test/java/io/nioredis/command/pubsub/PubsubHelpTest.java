package io.nioredis.command.pubsub;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PUBSUB HELP: the bytes redis-server 7.0.15 sends, and its arity error. */
class PubsubHelpTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void helpListsTheSubcommandsAsRedis() {
        assertThat(h.run("PUBSUB", "HELP")).isEqualTo("*14\r\n"
                + "+PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+CHANNELS [<pattern>]\r\n"
                + "+    Return the currently active channels matching a <pattern> (default: '*').\r\n"
                + "+NUMPAT\r\n"
                + "+    Return number of subscriptions to patterns.\r\n"
                + "+NUMSUB [<channel> ...]\r\n"
                + "+    Return the number of subscribers for the specified channels, excluding\r\n"
                + "+    pattern subscriptions(default: no channels).\r\n"
                + "+SHARDCHANNELS [<pattern>]\r\n"
                + "+    Return the currently active shard level channels matching a <pattern> (default: '*').\r\n"
                + "+SHARDNUMSUB [<shardchannel> ...]\r\n"
                + "+    Return the number of subscribers for the specified shard level channel(s)\r\n"
                + "+HELP\r\n"
                + "+    Prints this help.\r\n");
    }

    @Test
    void helpTakesNoArgument() {
        assertThat(h.run("PUBSUB", "HELP", "x")).isEqualTo("-ERR wrong number of arguments for 'pubsub|help' command\r\n");
    }
}

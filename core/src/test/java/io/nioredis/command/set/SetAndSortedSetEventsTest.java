package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyspace notifications the set and sorted-set commands send, in order. The expected sequence is what
 * Redis 7.0.15 published on {@code __keyevent@0__:*} (notify-keyspace-events KEA) for the same commands.
 */
class SetAndSortedSetEventsTest {
    private final CommandHarness h = new CommandHarness();
    private final List<String> events = new ArrayList<>();

    @Test
    void eventsAsRedis() {
        h.state.databases.get(0).events(new KeyspaceEvents() {
            @Override
            public void modified(Keyspace keyspace, byte[] key, int off, int len) {
            }

            @Override
            public void notify(int type, String event, Keyspace keyspace, byte[] key, int off, int len) {
                events.add(event + ":" + new String(key, off, len, StandardCharsets.ISO_8859_1));
            }

            @Override
            public void flushed(Keyspace keyspace) {
            }
        });
        String[] commands = {"SADD s a b", "SREM s a b", "SADD s a", "SPOP s", "SADD s a b", "SPOP s 5", "SADD s a",
            "SMOVE s t a", "SADD u x", "SINTERSTORE d t u", "SUNIONSTORE d t u", "SDIFFSTORE d t t", "ZADD z 1 a",
            "ZADD z INCR 1 a", "ZINCRBY z 1 a", "ZADD z 1 b", "ZREM z b", "ZPOPMIN z", "ZADD z 1 a 2 b",
            "ZPOPMAX z 5", "ZADD z 1 a 2 b", "ZREMRANGEBYSCORE z 0 1", "ZREMRANGEBYRANK z 0 -1"};
        for (String command : commands) {
            h.run(command.split(" "));
        }
        assertThat(String.join(" ", events)).isEqualTo("sadd:s srem:s del:s sadd:s spop:s del:s sadd:s spop:s "
                + "del:s sadd:s srem:s del:s sadd:t sadd:u sunionstore:d del:d zadd:z zincr:z zincr:z zadd:z zrem:z "
                + "zpopmin:z del:z zadd:z zpopmax:z del:z zadd:z zremrangebyscore:z zremrangebyrank:z del:z");
    }
}

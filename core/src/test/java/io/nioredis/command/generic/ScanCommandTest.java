package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void smallKeyspaceInOneCall() {
        assertThat(h.run("SCAN", "0")).isEqualTo("*2\r\n" + bulk("0") + "*0\r\n");
        h.run("SET", "x", "1");
        assertThat(h.run("SCAN", "0")).isEqualTo("*2\r\n" + bulk("0") + "*1\r\n" + bulk("x"));
        assertThat(h.run("SCAN", "0", "MATCH", "y*")).isEqualTo("*2\r\n" + bulk("0") + "*0\r\n");
        assertThat(h.run("SCAN", "0", "TYPE", "STRING")).isEqualTo("*2\r\n" + bulk("0") + "*1\r\n" + bulk("x"));
        assertThat(h.run("SCAN", "0", "TYPE", "list")).isEqualTo("*2\r\n" + bulk("0") + "*0\r\n");
        assertThat(h.run("SCAN", "x")).isEqualTo(error("ERR invalid cursor"));
    }

    @Test
    void fullIterationSeesEveryKeyThatStaysWhileTheTableGrows() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            h.run("SET", "k" + i, "v");
            stable.add("k" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int added = 0;
        do {
            List<String> reply = parse(h.run("SCAN", cursor, "COUNT", Integer.toString(1 + random.nextInt(20))));
            cursor = reply.get(0);
            seen.addAll(reply.subList(1, reply.size()));
            for (int i = 0; i < random.nextInt(40); i++) {
                h.run("SET", "new" + added++, "v"); // forces growth and rehashing mid-scan
            }
        } while (!cursor.equals("0"));
        assertThat(seen).as("seed " + seed).containsAll(stable);
    }

    @Test
    void filtersAndDeletesExpiredKeys() {
        h.run("SET", "a1", "v");
        h.run("SET", "a2", "v", "PX", "10");
        h.run("SET", "b1", "v");
        h.run("RPUSH", "a3", "x");
        h.clock.advance(10);
        List<String> reply = parse(h.run("SCAN", "0", "MATCH", "a*", "COUNT", "100"));
        assertThat(reply.subList(1, reply.size())).containsExactlyInAnyOrder("a1", "a3");
        reply = parse(h.run("SCAN", "0", "COUNT", "100", "TYPE", "list"));
        assertThat(reply.subList(1, reply.size())).containsExactly("a3");
        assertThat(h.run("DBSIZE")).isEqualTo(integer(3));
    }

    @Test
    void typeNoneListsExpiredKeysAsRedisDoes() {
        h.run("SET", "live", "v");
        h.run("SET", "gone", "v", "PX", "10");
        h.run("SET", "gone2", "v", "PX", "10");
        h.clock.advance(10);
        assertThat(h.run("SCAN", "0", "TYPE", "none", "MATCH", "gone"))
                .isEqualTo("*2\r\n" + bulk("0") + "*1\r\n" + bulk("gone"));
        assertThat(h.run("SCAN", "0", "TYPE", "string")).isEqualTo("*2\r\n" + bulk("0") + "*1\r\n" + bulk("live"));
        assertThat(h.run("DBSIZE")).isEqualTo(integer(1));
    }

    /** The cursor followed by the keys of a SCAN reply. */
    private static List<String> parse(String reply) {
        List<String> out = new ArrayList<>();
        String[] lines = reply.split("\r\n");
        out.add(lines[2]);
        for (int i = 5; i < lines.length; i += 2) {
            out.add(lines[i]);
        }
        return out;
    }
}

package io.nioredis.server.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Streams built by the same commands on any server, in the shapes an RDB file or DUMP payload must carry:
 * several nodes (entries past stream-node-max-entries and stream-node-max-bytes), deleted entries inside
 * nodes, exact and approximate trimming, consumer groups with pending entries spread over several
 * consumers (and a consumer owning nothing), an empty stream with groups, XSETID's counters, ids with
 * large parts and negative sequence deltas, integer-like and long values. Explicit ids only, so the
 * entries are the same everywhere; delivery and seen times are the server's clock.
 */
final class StreamDataset {
    private StreamDataset() {}

    static final List<String> KEYS = List.of("st-nodes", "st-deleted", "st-groups", "st-empty", "st-setid", "st-ids");

    static List<String[]> commands(Random random) {
        List<String[]> c = new ArrayList<>();
        for (int i = 1; i <= 350; i++) {
            String value = switch (random.nextInt(5)) {
                case 0 -> Integer.toString(random.nextInt(2000) - 1000);
                case 1 -> "v".repeat(random.nextInt(10) == 0 ? 900 : 10);
                case 2 -> "007";
                default -> "value-" + random.nextInt();
            };
            if (i % 7 == 0) {
                c.add(new String[] {"XADD", "st-nodes", i + "-1", "other", value});
            } else {
                c.add(new String[] {"XADD", "st-nodes", i + "-1", "name", value, "n", Integer.toString(i)});
            }
        }
        for (int i = 1; i <= 260; i++) {
            c.add(new String[] {"XADD", "st-deleted", "1000-" + i, "f", Integer.toString(i)});
        }
        for (int i = 3; i <= 260; i += 3) {
            c.add(new String[] {"XDEL", "st-deleted", "1000-" + i});
        }
        c.add(new String[] {"XDEL", "st-deleted", "1000-260", "1000-259"});
        c.add(new String[] {"XTRIM", "st-deleted", "MAXLEN", "150"});
        c.add(new String[] {"XTRIM", "st-deleted", "MINID", "~", "1000-120"});
        for (int i = 1; i <= 60; i++) {
            c.add(new String[] {"XADD", "st-groups", "5-" + i, "a", "1", "b", Integer.toString(i)});
        }
        c.add(new String[] {"XGROUP", "CREATE", "st-groups", "g1", "0"});
        c.add(new String[] {"XGROUP", "CREATE", "st-groups", "g2", "$"});
        c.add(new String[] {"XGROUP", "CREATE", "st-groups", "g3", "5-10", "ENTRIESREAD", "10"});
        c.add(new String[] {"XREADGROUP", "GROUP", "g1", "alice", "COUNT", "10", "STREAMS", "st-groups", ">"});
        c.add(new String[] {"XREADGROUP", "GROUP", "g1", "bob", "COUNT", "7", "STREAMS", "st-groups", ">"});
        c.add(new String[] {"XREADGROUP", "GROUP", "g3", "alice", "COUNT", "3", "STREAMS", "st-groups", ">"});
        c.add(new String[] {"XACK", "st-groups", "g1", "5-2", "5-4", "5-12"});
        c.add(new String[] {"XCLAIM", "st-groups", "g1", "carol", "0", "5-1", "5-11", "RETRYCOUNT", "5"});
        c.add(new String[] {"XGROUP", "CREATECONSUMER", "st-groups", "g1", "dave"});
        c.add(new String[] {"XDEL", "st-groups", "5-3", "5-30"});
        c.add(new String[] {"XGROUP", "CREATE", "st-empty", "g", "$", "MKSTREAM"});
        c.add(new String[] {"XADD", "st-empty", "7-0", "f", "v"});
        c.add(new String[] {"XREADGROUP", "GROUP", "g", "c", "STREAMS", "st-empty", ">"});
        c.add(new String[] {"XDEL", "st-empty", "7-0"});
        c.add(new String[] {"XADD", "st-setid", "1-1", "f", "v"});
        c.add(new String[] {"XSETID", "st-setid", "100-5", "ENTRIESADDED", "40", "MAXDELETEDID", "90-0"});
        c.add(new String[] {"XADD", "st-ids", "5-100", "f", "v"});
        c.add(new String[] {"XADD", "st-ids", "6-0", "f", "v2"});
        c.add(new String[] {"XADD", "st-ids", "18446744073709551000-18446744073709551615", "f", "far"});
        return c;
    }

    /** XINFO STREAM FULL's raw reply, radix-tree-nodes masked (nioredis keeps no radix tree to count). */
    static String infoFull(RespConnection c, String key) throws IOException {
        String raw = new String(c.call("XINFO", "STREAM", key, "FULL").raw, StandardCharsets.ISO_8859_1);
        return raw.replaceFirst("radix-tree-nodes\r\n:\\d+\r\n", "radix-tree-nodes\r\n:?\r\n");
    }

    /** What a key answers: XINFO STREAM FULL, XRANGE, XREVRANGE, XPENDING summaries and DEBUG DIGEST-VALUE. */
    static List<String> state(RespConnection c, String key) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(infoFull(c, key));
        out.add(c.call("XRANGE", key, "-", "+").toString());
        out.add(c.call("XREVRANGE", key, "+", "-", "COUNT", "7").toString());
        out.add(c.call("XINFO", "GROUPS", key).toString());
        out.add(c.call("XLEN", key).toString());
        for (String group : List.of("g", "g1", "g2", "g3")) {
            out.add(c.call("XPENDING", key, group).toString());
        }
        out.add(c.call("DEBUG", "DIGEST-VALUE", key).toString());
        return out;
    }
}

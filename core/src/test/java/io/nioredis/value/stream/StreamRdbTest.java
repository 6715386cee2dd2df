package io.nioredis.value.stream;

import static io.nioredis.value.stream.StreamTestSupport.b;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.rdb.DumpPayload;
import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamRdbTest {
    private static final NodeLimits SMALL = new NodeLimits(4096, 10);

    @Test
    void randomStreamsSurviveADumpAndGrowOnAsTheOriginalDoes() throws Exception {
        long seed = System.nanoTime();
        System.out.println("StreamRdbTest seed " + seed);
        Random rnd = new Random(seed);
        for (int run = 0; run < 60; run++) {
            String where = "seed " + seed + " run " + run;
            Stream original = new Stream(b("s"));
            long now = 1000;
            List<StreamId> ids = new ArrayList<>();
            int ops = rnd.nextInt(400);
            for (int op = 0; op < ops; op++) {
                now += rnd.nextInt(3);
                int kind = rnd.nextInt(20);
                if (kind < 12) {
                    ids.add(addRandom(original, rnd, now));
                } else if (kind < 15 && !ids.isEmpty()) {
                    StreamId id = ids.get(rnd.nextInt(ids.size()));
                    original.delete(id.ms(), id.seq());
                } else if (kind == 15) {
                    original.trim(TrimArgs.maxLen(rnd.nextInt(50), rnd.nextBoolean(), 0));
                } else if (kind == 16) {
                    original.createGroup(b("g" + rnd.nextInt(3)), rnd.nextBoolean() ? null : StreamId.MIN, -1);
                } else if (kind < 19) {
                    for (ConsumerGroup g : original.groups()) {
                        byte[] name = b("c" + rnd.nextInt(3));
                        Consumer c = g.consumer(name);
                        if (c == null) c = g.createConsumer(name, now);
                        g.readNew(c, 1 + rnd.nextInt(5), rnd.nextInt(5) == 0, now, new IdList());
                    }
                } else if (!ids.isEmpty()) {
                    for (ConsumerGroup g : original.groups()) {
                        StreamId id = ids.get(rnd.nextInt(ids.size()));
                        g.ack(id.ms(), id.seq());
                    }
                }
            }
            byte[] dump = dump(original);
            Stream loaded = restore(dump);
            assertThat(hex(dump(loaded))).as(where).isEqualTo(hex(dump));
            assertSame(loaded, original, where);
            // Both go on the same way: the loaded nodes fill up and split exactly as the original's.
            for (int i = 0; i < 30; i++) {
                long seedForBoth = rnd.nextLong();
                addRandom(original, new Random(seedForBoth), now + i);
                addRandom(loaded, new Random(seedForBoth), now + i);
            }
            assertThat(hex(dump(loaded))).as(where).isEqualTo(hex(dump(original)));
            assertSame(loaded, original, where);
        }
    }

    private static StreamId addRandom(Stream s, Random rnd, long now) {
        int pairs = 1 + rnd.nextInt(3);
        byte[][] fv = new byte[2 * pairs][];
        for (int i = 0; i < pairs; i++) {
            fv[2 * i] = b(rnd.nextInt(4) == 0 ? "f" + rnd.nextInt(1000) : "f" + i);
            fv[2 * i + 1] = switch (rnd.nextInt(4)) {
                case 0 -> b(Long.toString(rnd.nextLong()));
                case 1 -> b(Integer.toString(rnd.nextInt(200) - 100));
                case 2 -> b("x".repeat(rnd.nextInt(rnd.nextInt(10) == 0 ? 3000 : 20)));
                default -> b("v" + rnd.nextInt());
            };
        }
        XaddId id = StreamIdParser.parseXaddId(b("*"), 0, 1);
        return s.add(id, fv, 0, pairs, now, SMALL);
    }

    private static byte[] dump(Stream s) {
        return DumpPayload.create(StreamRdb.toRdb(s), EncodingLimits.DEFAULTS);
    }

    private static Stream restore(byte[] payload) throws Exception {
        return StreamRdb.fromRdb(b("s"), (RdbValue.StreamValue) DumpPayload.restore(payload));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void assertSame(Stream loaded, Stream original, String where) {
        assertThat(StreamTestSupport.walk(loaded, StreamId.MIN, StreamId.MAX, false, 0)).as(where)
                .isEqualTo(StreamTestSupport.walk(original, StreamId.MIN, StreamId.MAX, false, 0));
        assertThat(StreamTestSupport.walk(loaded, StreamId.MIN, StreamId.MAX, true, 0)).as(where)
                .isEqualTo(StreamTestSupport.walk(original, StreamId.MIN, StreamId.MAX, true, 0));
        assertThat(loaded.length()).as(where).isEqualTo(original.length());
        assertThat(loaded.nodeCount()).as(where).isEqualTo(original.nodeCount());
        assertThat(loaded.lastId()).as(where).isEqualTo(original.lastId());
        assertThat(loaded.firstId()).as(where).isEqualTo(original.firstId());
        assertThat(loaded.maxDeletedEntryId()).as(where).isEqualTo(original.maxDeletedEntryId());
        assertThat(loaded.entriesAdded()).as(where).isEqualTo(original.entriesAdded());
        for (int slot = 0; slot < original.nodes.count(); slot++) {
            int a = loaded.nodes.slot(slot);
            int o = original.nodes.slot(slot);
            assertThat(loaded.nodes.listpackBytes[a]).as(where + " node " + slot).isEqualTo(original.nodes.listpackBytes[o]);
            assertThat(loaded.nodes.live[a]).as(where).isEqualTo(original.nodes.live[o]);
            assertThat(loaded.nodes.deleted[a]).as(where).isEqualTo(original.nodes.deleted[o]);
            assertThat(loaded.nodes.lastMs[a]).as(where).isEqualTo(original.nodes.lastMs[o]);
            assertThat(loaded.nodes.lastSeq[a]).as(where).isEqualTo(original.nodes.lastSeq[o]);
        }
        assertThat(loaded.groupCount()).as(where).isEqualTo(original.groupCount());
        List<ConsumerGroup> lg = new ArrayList<>(loaded.groups());
        List<ConsumerGroup> og = new ArrayList<>(original.groups());
        for (int i = 0; i < og.size(); i++) {
            assertThat(lg.get(i).lag()).as(where).isEqualTo(og.get(i).lag());
            assertThat(lg.get(i).entriesRead()).as(where).isEqualTo(og.get(i).entriesRead());
            // (the dumps compared byte for byte already cover names, PELs and consumers)
            assertThat(lg.get(i).pendingCount()).as(where).isEqualTo(og.get(i).pendingCount());
            assertThat(lg.get(i).lastDeliveredId()).as(where).isEqualTo(og.get(i).lastDeliveredId());
        }
    }
}

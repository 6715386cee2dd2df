package io.nioredis.value.stream;

import static io.nioredis.value.stream.StreamTestSupport.b;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random XADD / XDEL / XTRIM / XREADGROUP / XACK / XCLAIM / XAUTOCLAIM sequences against a model made
 * of java.util TreeMaps: the entries, the group PEL (id -> owner). The seed is printed; rerun a failure
 * with -Dstream.seed=N.
 */
class StreamModelTest {
    private static final String[] CONSUMERS = {"alice", "bob", "carol"};

    @Test
    void randomOperationsMatchTheModel() {
        long seed = Long.getLong("stream.seed", System.nanoTime());
        System.out.println("StreamModelTest seed " + seed);
        Random rnd = new Random(seed);
        for (int run = 0; run < 3; run++) runOnce(rnd, seed, run);
    }

    private void runOnce(Random rnd, long seed, int run) {
        NodeLimits limits = new NodeLimits(rnd.nextBoolean() ? 4096 : 300, 1 + rnd.nextInt(12));
        Stream s = new Stream();
        TreeMap<StreamId, String> model = new TreeMap<>(); // id -> "f v f v"
        TreeMap<StreamId, String> pelModel = new TreeMap<>(); // id -> consumer
        ConsumerGroup g = s.createGroup(b("g"), StreamId.MIN, -1);
        StreamId groupLast = StreamId.MIN;
        StreamId lastAdded = StreamId.MIN;
        long now = 1_000;
        IdList out = new IdList();

        for (int step = 0; step < 1200; step++) {
            String where = "seed " + seed + " run " + run + " step " + step;
            now += rnd.nextInt(3);
            int op = rnd.nextInt(100);
            if (op < 40) {
                long ms = lastAdded.ms() + rnd.nextInt(3);
                long seq = ms == lastAdded.ms() ? lastAdded.seq() + 1 + rnd.nextInt(3) : rnd.nextInt(3);
                String[] pairs = randomPairs(rnd);
                byte[][] bytes = new byte[pairs.length][];
                for (int i = 0; i < pairs.length; i++) bytes[i] = b(pairs[i]);
                StreamId id = s.add(XaddId.explicit(ms, seq), bytes, 0, pairs.length / 2, now, limits);
                assertThat(id).as(where).isGreaterThan(lastAdded);
                lastAdded = id;
                model.put(id, String.join(" ", pairs));
            } else if (op < 52) {
                StreamId id = pick(rnd, model, lastAdded);
                assertThat(s.delete(id.ms(), id.seq())).as(where).isEqualTo(model.remove(id) != null);
            } else if (op < 58) {
                boolean approx = rnd.nextBoolean();
                long removed;
                if (rnd.nextBoolean()) {
                    long maxLen = rnd.nextInt(Math.max(1, model.size() + 1));
                    removed = s.trim(TrimArgs.maxLen(maxLen, approx, approx ? 100L * limits.maxEntries() : 0));
                    if (!approx) assertThat(model.size() - removed).as(where).isEqualTo(Math.min(model.size(), maxLen));
                } else {
                    StreamId min = pick(rnd, model, lastAdded);
                    removed = s.trim(TrimArgs.minId(min, approx, approx ? 100L * limits.maxEntries() : 0));
                    if (!approx) assertThat(model.headMap(min).size()).as(where).isEqualTo((int) removed);
                }
                for (long i = 0; i < removed; i++) model.pollFirstEntry(); // trimming only ever takes the oldest
            } else if (op < 75) {
                String name = CONSUMERS[rnd.nextInt(CONSUMERS.length)];
                Consumer c = g.consumer(b(name));
                if (c == null) c = g.createConsumer(b(name), now);
                int count = rnd.nextInt(4);
                boolean noAck = rnd.nextInt(5) == 0;
                g.readNew(c, count, noAck, now, out);
                List<StreamId> expected = new ArrayList<>(model.tailMap(groupLast, false).keySet());
                if (count != 0 && expected.size() > count) expected = expected.subList(0, count);
                assertThat(StreamTestSupport.ids(out)).as(where).isEqualTo(expected.stream().map(StreamId::toString).toList());
                for (StreamId id : expected) {
                    if (!noAck) pelModel.put(id, name);
                    groupLast = id;
                }
            } else if (op < 85) {
                StreamId id = pick(rnd, pelModel, lastAdded);
                assertThat(g.ack(id.ms(), id.seq())).as(where).isEqualTo(pelModel.remove(id) != null);
            } else if (op < 93) {
                String name = CONSUMERS[rnd.nextInt(CONSUMERS.length)];
                List<StreamId> ids = List.of(pick(rnd, pelModel, lastAdded), pick(rnd, pelModel, lastAdded));
                IdList claimed = g.claim(b(name), 0, ids, ClaimOptions.NONE, now);
                List<String> expected = new ArrayList<>();
                for (StreamId id : ids) {
                    if (!pelModel.containsKey(id)) continue;
                    if (!model.containsKey(id)) {
                        pelModel.remove(id);
                        continue;
                    }
                    pelModel.put(id, name);
                    expected.add(id.toString());
                }
                assertThat(StreamTestSupport.ids(claimed)).as(where).isEqualTo(expected);
            } else {
                String name = CONSUMERS[rnd.nextInt(CONSUMERS.length)];
                StreamId start = pick(rnd, pelModel, lastAdded);
                int count = 1 + rnd.nextInt(4);
                AutoClaimResult r = g.autoClaim(b(name), 0, start, count, rnd.nextBoolean(), now);
                List<String> claimed = new ArrayList<>(), deleted = new ArrayList<>();
                StreamId cursor = StreamId.MIN;
                int left = count;
                for (StreamId id : new ArrayList<>(pelModel.tailMap(start, true).keySet())) {
                    if (left == 0) {
                        cursor = id;
                        break;
                    }
                    left--;
                    if (!model.containsKey(id)) {
                        pelModel.remove(id);
                        deleted.add(id.toString());
                    } else {
                        pelModel.put(id, name);
                        claimed.add(id.toString());
                    }
                }
                assertThat(StreamTestSupport.ids(r.claimed())).as(where).isEqualTo(claimed);
                assertThat(StreamTestSupport.ids(r.deleted())).as(where).isEqualTo(deleted);
                assertThat(r.next()).as(where).isEqualTo(cursor);
            }
            check(s, g, model, pelModel, where);
        }
    }

    private static void check(Stream s, ConsumerGroup g, TreeMap<StreamId, String> model,
                              TreeMap<StreamId, String> pelModel, String where) {
        assertThat(s.length()).as(where).isEqualTo(model.size());
        List<String> expected = new ArrayList<>();
        model.forEach((id, pairs) -> expected.add(id + " " + pairs));
        assertThat(StreamTestSupport.walk(s, StreamId.MIN, StreamId.MAX, false, 0)).as(where).isEqualTo(expected);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(StreamTestSupport.walk(s, StreamId.MIN, StreamId.MAX, true, 0)).as(where).isEqualTo(reversed);
        assertThat(s.firstId()).as(where).isEqualTo(model.isEmpty() ? StreamId.MIN : model.firstKey());
        assertThat(s.lastLiveId()).as(where).isEqualTo(model.isEmpty() ? null : model.lastKey());

        Map<StreamId, String> pel = new TreeMap<>();
        for (PendingEntry e : g.pending()) pel.put(e.id(), new String(e.consumer().name(), StandardCharsets.UTF_8));
        assertThat(pel).as(where).isEqualTo(pelModel);
        int owned = 0;
        for (Consumer c : g.consumers()) {
            for (PendingEntry e : c.pending()) {
                assertThat(e.consumer()).as(where).isSameAs(c); // never owned by two consumers
                owned++;
            }
        }
        assertThat(owned).as(where).isEqualTo(pelModel.size());
    }

    private static StreamId pick(Random rnd, TreeMap<StreamId, ?> map, StreamId last) {
        if (!map.isEmpty() && rnd.nextInt(4) != 0) {
            List<StreamId> keys = new ArrayList<>(map.keySet());
            return keys.get(rnd.nextInt(keys.size()));
        }
        return new StreamId(rnd.nextInt((int) Math.min(Integer.MAX_VALUE, last.ms() + 2)), rnd.nextInt(4));
    }

    private static String[] randomPairs(Random rnd) {
        String[][] shapes = {{"a", "b", "c"}, {"a", "b", "c"}, {"x"}, {"1", "-2"}};
        String[] fields = shapes[rnd.nextInt(shapes.length)];
        String[] out = new String[fields.length * 2];
        for (int i = 0; i < fields.length; i++) {
            out[2 * i] = fields[i];
            out[2 * i + 1] = switch (rnd.nextInt(4)) {
                case 0 -> Integer.toString(rnd.nextInt(200) - 100);
                case 1 -> Long.toString(rnd.nextLong());
                case 2 -> "0" + rnd.nextInt(10); // not canonical: stays text
                default -> "v".repeat(rnd.nextInt(40));
            };
        }
        return Arrays.copyOf(out, out.length);
    }
}

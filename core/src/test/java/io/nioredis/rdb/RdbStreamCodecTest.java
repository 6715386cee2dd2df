package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.rdb.RdbValue.StreamValue;
import io.nioredis.rdb.StreamParts.Entry;
import io.nioredis.rdb.StreamParts.Group;
import io.nioredis.rdb.StreamParts.GroupConsumer;
import io.nioredis.rdb.StreamParts.Id;
import io.nioredis.rdb.StreamParts.Node;
import io.nioredis.rdb.StreamParts.Pending;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RdbStreamCodecTest {
    /**
     * Redis 7.0.15's DUMP of: XADD s 1-1 a 1 b x; XADD s 1-2 a 2 b y; XADD s 2-0 c 300; XDEL s 1-2;
     * XGROUP CREATE s g 0; XREADGROUP GROUP g alice COUNT 1 STREAMS s &gt;.
     */
    static final byte[] REDIS_DUMP = HexFormat.of().parseHex(
            "1301100000000000000001000000000000000140404000000019000201010102018161028162020001020100010001010181"
            + "780205010301000101010201817902050100010101dfff020101816302c12c020601ff0202000101010203010167010181"
            + "ffffffffffffffff01000000000000000100000000000000019d289f2ba2010000010105616c6963659d289f2ba2010000"
            + "01000000000000000100000000000000010a004192658df8f3e346");
    private static final long DELIVERED = 1796028180637L;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The value Redis dumped above. */
    static StreamValue redisSample() {
        List<byte[]> master = List.of(b("a"), b("b"));
        Node node = new Node(new Id(1, 1), master, List.of(
                new Entry(new Id(1, 1), false, master, List.of(b("1"), b("x"))),
                new Entry(new Id(1, 2), true, master, List.of(b("2"), b("y"))),
                new Entry(new Id(2, 0), false, List.of(b("c")), List.of(b("300")))));
        Group group = new Group(b("g"), new Id(1, 1), -1, List.of(new Pending(new Id(1, 1), DELIVERED, 1)),
                List.of(new GroupConsumer(b("alice"), DELIVERED, List.of(new Id(1, 1)))));
        return new StreamValue(List.of(node), 2, new Id(2, 0), new Id(1, 1), new Id(1, 2), 3, List.of(group), true);
    }

    @Test
    void readsWhatRedisDumped() throws Exception {
        RdbValue value = DumpPayload.restore(REDIS_DUMP);
        assertThat(describe(value)).isEqualTo(describe(redisSample()));
    }

    @Test
    void writesWhatRedisDumps() {
        assertThat(HexFormat.of().formatHex(DumpPayload.create(redisSample(), EncodingLimits.DEFAULTS)))
                .isEqualTo(HexFormat.of().formatHex(REDIS_DUMP));
    }

    @Test
    void readsTheOlderTypeWithoutThe70Counters() throws Exception {
        StreamValue v = (StreamValue) DumpPayload.restore(DumpPayloadTest.withFooter(asType15(redisSample()), 9));
        assertThat(v.countersRecorded()).isFalse();
        assertThat(v.entriesAdded()).isEqualTo(2); // the length, as rdbLoadObject sets it
        assertThat(v.maxDeletedId()).isEqualTo(Id.ZERO);
        assertThat(v.firstId()).isEqualTo(new Id(1, 1));
        assertThat(v.nodes()).hasSize(1);
        assertThat(v.groups().get(0).consumers().get(0).pending()).containsExactly(new Id(1, 1));
    }

    @Test
    void anEmptyType15StreamRecordsTheMaximumIdAsItsFirst() throws Exception {
        StreamValue empty = new StreamValue(List.of(), 0, new Id(5, 0), Id.ZERO, Id.ZERO, 0, List.of(), true);
        StreamValue v = (StreamValue) DumpPayload.restore(DumpPayloadTest.withFooter(asType15(empty), 9));
        assertThat(v.firstId()).isEqualTo(Id.MAX);
        assertThat(v.lastId()).isEqualTo(new Id(5, 0));
    }

    @Test
    void refusesRedis72StreamsAsAnUnsupportedType() {
        byte[] body = Arrays.copyOf(REDIS_DUMP, REDIS_DUMP.length - 10);
        body[0] = (byte) RdbType.STREAM_LISTPACKS_3;
        assertThatThrownBy(() -> DumpPayload.restore(DumpPayloadTest.withFooter(body, 10)))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("Unsupported RDB type 21");
    }

    @Test
    void refusesInconsistentStreams() {
        StreamValue s = redisSample();
        Node node = s.nodes().get(0);
        // length that does not match the live entries
        assertRefused(new StreamValue(s.nodes(), 3, s.lastId(), s.firstId(), s.maxDeletedId(), 3, s.groups(), true),
                "does not match");
        // last id below the last entry
        assertRefused(new StreamValue(s.nodes(), 2, new Id(1, 5), s.firstId(), s.maxDeletedId(), 3, s.groups(), true),
                "past the last id");
        // entries out of order
        List<Entry> swapped = new ArrayList<>(node.entries());
        swapped.set(0, node.entries().get(2));
        swapped.set(2, node.entries().get(0));
        assertRefused(withNodes(s, List.of(new Node(new Id(1, 1), node.masterFields(), swapped))), "out of order");
        // a pending entry without an owner, and an owner of an entry not pending
        Group g = s.groups().get(0);
        assertRefused(withGroup(s, new Group(g.name(), g.lastId(), 0, g.pending(), List.of())), "without consumer");
        assertRefused(withGroup(s, new Group(g.name(), g.lastId(), 0, g.pending(),
                List.of(new GroupConsumer(b("bob"), 1, List.of(new Id(1, 1), new Id(2, 0)))))), "not found");
        // the same id owned twice
        assertRefused(withGroup(s, new Group(g.name(), g.lastId(), 0, g.pending(), List.of(
                new GroupConsumer(b("a"), 1, List.of(new Id(1, 1))), new GroupConsumer(b("b"), 1, List.of(new Id(1, 1)))))),
                "Duplicated consumer PEL");
        // two groups of one name
        assertRefused(new StreamValue(s.nodes(), 2, s.lastId(), s.firstId(), s.maxDeletedId(), 3, List.of(g, g), true),
                "Duplicated consumer group");
    }

    private static StreamValue withNodes(StreamValue s, List<Node> nodes) {
        return new StreamValue(nodes, s.length(), s.lastId(), s.firstId(), s.maxDeletedId(), s.entriesAdded(),
                s.groups(), true);
    }

    private static StreamValue withGroup(StreamValue s, Group g) {
        return new StreamValue(s.nodes(), s.length(), s.lastId(), s.firstId(), s.maxDeletedId(), s.entriesAdded(),
                List.of(g), true);
    }

    private static void assertRefused(StreamValue v, String message) {
        byte[] payload = DumpPayload.create(v, EncodingLimits.DEFAULTS);
        assertThatThrownBy(() -> DumpPayload.restore(payload)).isInstanceOf(RdbFormatException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyTruncationIsAFormatError() {
        byte[] body = Arrays.copyOf(REDIS_DUMP, REDIS_DUMP.length - 10);
        for (int cut = 0; cut < body.length; cut++) {
            byte[] truncated = DumpPayloadTest.withFooter(Arrays.copyOf(body, cut), 10);
            assertThatThrownBy(() -> DumpPayload.restore(truncated)).as("cut at " + cut)
                    .isInstanceOf(RdbFormatException.class);
        }
    }

    @Test
    void corruptBytesFailCleanlyOrDecodeToAConsistentStream() {
        long seed = System.nanoTime();
        System.out.println("RdbStreamCodecTest.corruptBytesFailCleanlyOrDecodeToAConsistentStream seed=" + seed);
        Random random = new Random(seed);
        byte[] body = Arrays.copyOf(REDIS_DUMP, REDIS_DUMP.length - 10);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] corrupt = body.clone();
            for (int f = 1 + random.nextInt(3); f > 0; f--) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            try {
                RdbValue v = DumpPayload.restore(DumpPayloadTest.withFooter(corrupt, 10));
                // A stream that decodes must write back and decode to the same value (a corrupt type byte
                // may turn the payload into some other value, which is fine).
                if (v instanceof StreamValue) assertThat(describe(DumpPayload.restore(DumpPayload.create(v, EncodingLimits.DEFAULTS))))
                        .isEqualTo(describe(v));
            } catch (RdbFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (Exception | Error unexpected) {
                throw new AssertionError("seed " + seed + " corrupt " + HexFormat.of().formatHex(corrupt), unexpected);
            }
        }
    }

    /** The value's type 15 body: no first id, max deleted id, entries added or entries read. */
    static byte[] asType15(StreamValue s) {
        RdbOutput out = new RdbOutput();
        out.writeType(RdbType.STREAM_LISTPACKS);
        out.writeLength(s.nodes().size());
        for (Node node : s.nodes()) {
            out.writeString(java.nio.ByteBuffer.allocate(16).putLong(node.masterId().ms())
                    .putLong(node.masterId().seq()).array());
            out.writeString(StreamListpack.encode(node));
        }
        out.writeLength(s.length());
        out.writeLength(s.lastId().ms());
        out.writeLength(s.lastId().seq());
        out.writeLength(s.groups().size());
        for (Group g : s.groups()) {
            out.writeString(g.name());
            out.writeLength(g.lastId().ms());
            out.writeLength(g.lastId().seq());
            out.writeLength(g.pending().size());
            for (Pending p : g.pending()) {
                out.writeBytes(java.nio.ByteBuffer.allocate(16).putLong(p.id().ms()).putLong(p.id().seq()).array());
                out.writeMillisecondTime(p.deliveryTime());
                out.writeLength(p.deliveryCount());
            }
            out.writeLength(g.consumers().size());
            for (GroupConsumer c : g.consumers()) {
                out.writeString(c.name());
                out.writeMillisecondTime(c.seenTime());
                out.writeLength(c.pending().size());
                for (Id id : c.pending()) {
                    out.writeBytes(java.nio.ByteBuffer.allocate(16).putLong(id.ms()).putLong(id.seq()).array());
                }
            }
        }
        return out.toByteArray();
    }

    /** The stream as comparable text (the model's records hold byte arrays). */
    static String describe(RdbValue value) {
        StreamValue s = (StreamValue) value;
        StringBuilder t = new StringBuilder();
        t.append("length=").append(s.length()).append(" last=").append(s.lastId()).append(" first=")
                .append(s.firstId()).append(" maxdel=").append(s.maxDeletedId()).append(" added=")
                .append(Long.toUnsignedString(s.entriesAdded())).append(" recorded=").append(s.countersRecorded());
        for (Node n : s.nodes()) {
            t.append("\nnode ").append(n.masterId()).append(" master=").append(text(n.masterFields()));
            for (Entry e : n.entries()) {
                t.append("\n  ").append(e.id()).append(e.deleted() ? " deleted " : " ").append(text(e.fields()))
                        .append(text(e.values()));
            }
        }
        for (Group g : s.groups()) {
            t.append("\ngroup ").append(text(List.of(g.name()))).append(" last=").append(g.lastId()).append(" read=")
                    .append(g.entriesRead());
            for (Pending p : g.pending()) {
                t.append("\n  pending ").append(p.id()).append(' ').append(p.deliveryTime()).append(' ')
                        .append(p.deliveryCount());
            }
            for (GroupConsumer c : g.consumers()) {
                t.append("\n  consumer ").append(text(List.of(c.name()))).append(' ').append(c.seenTime()).append(' ')
                        .append(c.pending());
            }
        }
        return t.toString();
    }

    private static String text(List<byte[]> items) {
        StringBuilder t = new StringBuilder("[");
        for (byte[] item : items) {
            t.append(t.length() > 1 ? "," : "").append(HexFormat.of().formatHex(item));
        }
        return t.append(']').toString();
    }
}

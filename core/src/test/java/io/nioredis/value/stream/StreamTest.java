package io.nioredis.value.stream;

import static io.nioredis.value.stream.StreamTestSupport.add;
import static io.nioredis.value.stream.StreamTestSupport.b;
import static io.nioredis.value.stream.StreamTestSupport.ids;
import static io.nioredis.value.stream.StreamTestSupport.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value below is the reply Redis 7.0.15 gave to the same command sequence. */
class StreamTest {

    @Test
    void xaddIdRules() {
        Stream s = new Stream();
        assertThatThrownBy(() -> add(s, "0-0", "f", "v")).hasMessage(StreamErrors.XADD_ID_ZERO);
        assertThatThrownBy(() -> add(s, "0", "f", "v")).hasMessage(StreamErrors.XADD_ID_ZERO);
        assertThat(add(s, "0-*", "f", "v")).hasToString("0-1");
        assertThat(add(s, "0-*", "f", "v")).hasToString("0-2");
        assertThatThrownBy(() -> add(s, "0-1", "f", "v")).hasMessage(StreamErrors.XADD_ID_TOO_SMALL);
        assertThat(add(s, "5-*", "f", "v")).hasToString("5-0");
        assertThatThrownBy(() -> add(s, "4-*", "f", "v")).hasMessage(StreamErrors.XADD_ID_TOO_SMALL);
        assertThat(add(s, "18446744073709551615-18446744073709551614", "f", "v"))
                .hasToString("18446744073709551615-18446744073709551614");
        assertThat(add(s, "18446744073709551615-*", "f", "v")).hasToString("18446744073709551615-18446744073709551615");
        assertThatThrownBy(() -> add(s, "*", "f", "v")).hasMessage(StreamErrors.EXHAUSTED);
        assertThat(s.length()).isEqualTo(5);
        assertThat(s.entriesAdded()).isEqualTo(5);
    }

    @Test
    void autoIdsFollowTheClockButNeverGoBack() {
        Stream s = new Stream();
        assertThat(add(s, "*", 1000, NodeLimits.DEFAULT, "f", "v")).hasToString("1000-0");
        assertThat(add(s, "*", 1000, NodeLimits.DEFAULT, "f", "v")).hasToString("1000-1");
        assertThat(add(s, "*", 999, NodeLimits.DEFAULT, "f", "v")).hasToString("1000-2");
        assertThat(add(s, "*", 1001, NodeLimits.DEFAULT, "f", "v")).hasToString("1001-0");
    }

    @Test
    void rangesForwardBackwardWithCountAndDifferentFields() {
        Stream s = new Stream();
        add(s, "1-1", "a", "1", "b", "2", "c", "3");
        add(s, "1-2", "a", "1", "b", "2", "c", "3");
        add(s, "2-1", "x", "1");
        add(s, "3-0", "a", "-17", "b", "hello", "c", "99999999999");
        assertThat(walk(s, StreamId.MIN, StreamId.MAX, false, 0)).containsExactly(
                "1-1 a 1 b 2 c 3", "1-2 a 1 b 2 c 3", "2-1 x 1", "3-0 a -17 b hello c 99999999999");
        assertThat(walk(s, StreamId.MIN, StreamId.MAX, true, 2)).containsExactly(
                "3-0 a -17 b hello c 99999999999", "2-1 x 1");
        assertThat(walk(s, new StreamId(1, 2), new StreamId(2, -1L), false, 0)).containsExactly(
                "1-2 a 1 b 2 c 3", "2-1 x 1");
        assertThat(s.delete(1, 2)).isTrue();
        assertThat(s.delete(1, 2)).isFalse();
        assertThat(walk(s, StreamId.MIN, StreamId.MAX, true, 0)).containsExactly(
                "3-0 a -17 b hello c 99999999999", "2-1 x 1", "1-1 a 1 b 2 c 3");
        assertThat(s.maxDeletedEntryId()).hasToString("1-2");
        assertThat(s.firstId()).hasToString("1-1");
        assertThat(s.length()).isEqualTo(3);
    }

    @Test
    void deletingEveryEntryEmptiesTheRecordedFirstId() {
        Stream s = new Stream();
        for (int i = 1; i <= 3; i++) add(s, i + "-0", "f", "v");
        for (int i = 1; i <= 3; i++) assertThat(s.delete(i, 0)).isTrue();
        // XINFO STREAM: length 0, radix-tree-keys 0, last 3-0, max-deleted 3-0, entries-added 3, first 0-0
        assertThat(s.length()).isZero();
        assertThat(s.nodeCount()).isZero();
        assertThat(s.lastId()).hasToString("3-0");
        assertThat(s.maxDeletedEntryId()).hasToString("3-0");
        assertThat(s.entriesAdded()).isEqualTo(3);
        assertThat(s.firstId()).hasToString("0-0");
    }

    @Test
    void trimmingByWholeNodesAndExactly() {
        Stream s = new Stream();
        for (int i = 1; i <= 250; i++) add(s, i + "-0", "f", "v");
        assertThat(s.trim(TrimArgs.maxLen(120, true, 10_000))).isEqualTo(100);
        assertThat(s.length()).isEqualTo(150);
        assertThat(s.nodeCount()).isEqualTo(2);
        assertThat(s.trim(TrimArgs.maxLen(0, true, 10))).isZero();
        assertThat(s.trim(TrimArgs.minId(new StreamId(240, 0), true, 10_000))).isEqualTo(100);
        assertThat(s.trim(TrimArgs.minId(new StreamId(240, 0), false, 0))).isEqualTo(39);
        assertThat(s.length()).isEqualTo(11);
        assertThat(s.firstId()).hasToString("240-0");
    }

    @Test
    void nodesSplitWhereRedisListpacksFill() {
        Stream big = new Stream();
        String v500 = "x".repeat(500);
        for (int i = 1; i <= 30; i++) add(big, i + "-0", "f", v500);
        assertThat(big.nodeCount()).isEqualTo(5);
        assertThat(big.trim(TrimArgs.maxLen(10, true, 10_000))).isEqualTo(14);

        Stream mixed = new Stream();
        String v100 = "y".repeat(100);
        for (int i = 1; i <= 120; i++) {
            if (i % 2 == 0) add(mixed, i + "-0", "f", v100);
            else add(mixed, i + "-0", "g", v100, "h", "1");
        }
        assertThat(mixed.nodeCount()).isEqualTo(4);
        assertThat(mixed.trim(TrimArgs.maxLen(100, true, 10_000))).isZero();

        Stream ints = new Stream();
        for (int i = 1; i <= 300; i++) add(ints, (i * 1000) + "-" + i, "a", "" + i, "b", "" + (i * 100000), "c", "-" + i);
        assertThat(ints.nodeCount()).isEqualTo(3);
        assertThat(ints.trim(TrimArgs.maxLen(150, true, 10_000))).isEqualTo(100);
        assertThat(walk(ints, StreamId.MIN, StreamId.MAX, false, 1)).containsExactly("101000-101 a 101 b 10100000 c -101");
    }

    @Test
    void lagIsNilBehindATombstone() {
        Stream s = new Stream();
        add(s, "1-1", "a", "1");
        add(s, "1-2", "a", "1");
        add(s, "2-1", "x", "1");
        add(s, "3-0", "a", "1");
        ConsumerGroup g = s.createGroup(b("g"), new StreamId(0, 0), -1);
        Consumer alice = g.createConsumer(b("alice"), 1000);
        IdList out = new IdList();
        g.readNew(alice, 2, false, 1000, out);
        assertThat(ids(out)).containsExactly("1-1", "1-2");
        assertThat(g.entriesRead()).isEqualTo(2);
        assertThat(g.lag()).isEqualTo(2);
        s.delete(1, 2);
        assertThat(g.lag()).isEqualTo(ConsumerGroup.UNKNOWN_LAG);
    }

    @Test
    void lagEstimatedBeforeTheFirstEntry() {
        Stream s = new Stream();
        for (int i = 1; i <= 5; i++) add(s, i + "-0", "f", "v");
        s.delete(2, 0);
        assertThat(s.trim(TrimArgs.minId(new StreamId(3, 0), false, 0))).isEqualTo(1);
        ConsumerGroup g = s.createGroup(b("g"), new StreamId(1, 0), -1);
        assertThat(g.entriesRead()).isEqualTo(-1);
        assertThat(g.lag()).isEqualTo(3);
        assertThat(s.firstId()).hasToString("3-0");
    }

    @Test
    void lagKeepsCountingAfterTrims() {
        Stream s = new Stream();
        for (int i = 1; i <= 5; i++) add(s, i + "-0", "f", "v");
        ConsumerGroup g = s.createGroup(b("g"), StreamId.MIN, -1);
        g.readNew(g.createConsumer(b("c"), 0), 2, false, 0, new IdList());
        assertThat(s.trim(TrimArgs.maxLen(1, false, 0))).isEqualTo(4);
        assertThat(g.lag()).isEqualTo(3);
        assertThat(s.firstId()).hasToString("5-0");
        assertThat(s.trim(TrimArgs.maxLen(0, false, 0))).isEqualTo(1);
        assertThat(s.firstId()).hasToString("0-0");
        assertThat(g.lag()).isEqualTo(3);
        assertThat(g.entriesRead()).isEqualTo(2);
    }

    @Test
    void entriesReadAsRedis70CountsIt() {
        Stream s = new Stream();
        for (int i = 1; i <= 5; i++) add(s, i + "-0", "f", "v");
        s.delete(2, 0);
        IdList out = new IdList();
        ConsumerGroup g = s.createGroup(b("g"), new StreamId(1, 0), 1);
        g.readNew(g.createConsumer(b("c"), 0), 1, false, 0, out);
        assertThat(ids(out)).containsExactly("3-0");
        assertThat(g.entriesRead()).isEqualTo(2);
        assertThat(g.lag()).isEqualTo(3);

        ConsumerGroup g2 = s.createGroup(b("g2"), StreamId.MIN, -1);
        Consumer c2 = g2.createConsumer(b("c"), 0);
        g2.readNew(c2, 1, false, 0, out);
        assertThat(ids(out)).containsExactly("1-0");
        assertThat(g2.entriesRead()).isEqualTo(-1);
        assertThat(g2.lag()).isEqualTo(ConsumerGroup.UNKNOWN_LAG);
        g2.readNew(c2, 10, false, 0, out);
        assertThat(ids(out)).containsExactly("3-0", "4-0", "5-0");
        assertThat(g2.entriesRead()).isEqualTo(5);
        assertThat(g2.lag()).isZero();
        assertThat(g2.pendingCount()).isEqualTo(4);

        ConsumerGroup g3 = s.createGroup(b("g3"), StreamId.MIN, 0);
        assertThat(g3.lag()).isEqualTo(ConsumerGroup.UNKNOWN_LAG);
        assertThatThrownBy(() -> s.createGroup(b("g4"), StreamId.MIN, -2)).hasMessage(StreamErrors.ENTRIESREAD_NEGATIVE);
        ConsumerGroup g4 = s.createGroup(b("g4"), StreamId.MIN, -1);
        ConsumerGroup g5 = s.createGroup(b("g5"), StreamId.MIN, 10);
        assertThat(g5.lag()).isEqualTo(ConsumerGroup.UNKNOWN_LAG);
        assertThat(s.createGroup(b("g5"), StreamId.MIN, 10)).isNull();
        g5.setId(null, -1);
        g4.setId(new StreamId(3, 0), 7);
        assertThat(g5.lastDeliveredId()).hasToString("5-0");
        assertThat(g5.entriesRead()).isEqualTo(-1);
        assertThat(g5.lag()).isZero();
        assertThat(g4.lag()).isEqualTo(-2);
        assertThat(s.groups()).extracting(x -> new String(x.name())).containsExactly("g", "g2", "g3", "g4", "g5");
    }

    @Test
    void claimAndAutoClaimDropDeletedEntries() {
        Stream s = new Stream();
        for (int i = 1; i <= 6; i++) add(s, i + "-0", "f", "v" + i);
        ConsumerGroup g = s.createGroup(b("g"), StreamId.MIN, -1);
        g.readNew(g.createConsumer(b("alice"), 1000), 0, false, 1000, new IdList());
        s.delete(1, 0);
        s.delete(2, 0);
        s.delete(3, 0);

        IdList none = g.claim(b("bob"), 100_000, List.of(new StreamId(4, 0), new StreamId(5, 0)), ClaimOptions.NONE, 1024);
        assertThat(none.size()).isZero();
        assertThat(g.consumer(b("bob"))).isNull();

        IdList deleted = g.claim(b("bob"), 100_000, List.of(new StreamId(1, 0), new StreamId(9, 0)), ClaimOptions.NONE, 1049);
        assertThat(deleted.size()).isZero();
        PendingSummary summary = g.pendingSummary();
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.smallest()).hasToString("2-0");
        assertThat(summary.largest()).hasToString("6-0");
        assertThat(summary.consumers()).hasSize(1);
        assertThat(summary.consumers().get(0).pending()).isEqualTo(5);

        AutoClaimResult first = g.autoClaim(b("carol"), 0, StreamId.MIN, 1, false, 1080);
        assertThat(first.next()).hasToString("3-0");
        assertThat(first.claimed().size()).isZero();
        assertThat(ids(first.deleted())).containsExactly("2-0");
        AutoClaimResult second = g.autoClaim(b("carol"), 0, StreamId.MIN, 1, false, 1090);
        assertThat(second.next()).hasToString("4-0");
        assertThat(ids(second.deleted())).containsExactly("3-0");
        assertThat(g.consumer(b("carol"))).isNull();
        AutoClaimResult third = g.autoClaim(b("carol"), 0, StreamId.MIN, 5, true, 1100);
        assertThat(third.next()).hasToString("0-0");
        assertThat(ids(third.claimed())).containsExactly("4-0", "5-0", "6-0");
        assertThat(third.deleted().size()).isZero();
        List<PendingRow> rows = g.pendingRange(0, StreamId.MIN, StreamId.MAX, 10, null, 1108);
        assertThat(rows).extracting(r -> r.id() + " " + new String(r.consumer()) + " " + r.idle() + " " + r.deliveryCount())
                .containsExactly("4-0 carol 8 1", "5-0 carol 8 1", "6-0 carol 8 1");
        assertThat(g.consumer(b("alice")).pendingCount()).isZero();
        assertThat(g.consumer(b("carol")).idle(1115)).isEqualTo(15);
    }

    @Test
    void autoClaimOnAnEmptyPelCreatesNoConsumer() {
        Stream s = new Stream();
        for (int i = 1; i <= 3; i++) add(s, i + "-0", "f", "v" + i);
        ConsumerGroup g = s.createGroup(b("g"), null, -1);
        AutoClaimResult r = g.autoClaim(b("dave"), 0, StreamId.MIN, 100, false, 0);
        assertThat(r.next()).hasToString("0-0");
        assertThat(g.consumerCount()).isZero();
    }

    @Test
    void historyReadsRedeliverAndClaimForcesAndSetsTimes() {
        Stream s = new Stream();
        for (int i = 1; i <= 3; i++) add(s, i + "-0", "f", "v" + i);
        ConsumerGroup g = s.createGroup(b("g"), StreamId.MIN, -1);
        Consumer erin = g.createConsumer(b("erin"), 10);
        IdList out = new IdList();
        g.readNew(erin, 2, false, 10, out);
        s.delete(1, 0);
        g.readHistory(erin, StreamId.MIN, 0, 20, out);
        assertThat(ids(out)).containsExactly("1-0", "2-0");
        assertThat(g.pendingEntry(1, 0).deliveryCount()).isEqualTo(1); // deleted: left alone, body is nil
        assertThat(g.pendingEntry(2, 0).deliveryCount()).isEqualTo(2);
        assertThat(g.pendingEntry(2, 0).deliveryTime()).isEqualTo(20);

        IdList forced = g.claim(b("frank"), 0, List.of(new StreamId(3, 0)),
                new ClaimOptions(-1, 5, 7, true, false, new StreamId(3, 0)), 30);
        assertThat(ids(forced)).containsExactly("3-0");
        PendingEntry e = g.pendingEntry(3, 0);
        assertThat(e.deliveryTime()).isEqualTo(5);
        assertThat(e.deliveryCount()).isEqualTo(7);
        assertThat(new String(e.consumer().name())).isEqualTo("frank");
        assertThat(g.lastDeliveredId()).hasToString("3-0");
        assertThat(g.deleteConsumer(b("erin"))).isEqualTo(2);
        assertThat(g.pendingCount()).isEqualTo(1);
        assertThat(g.ack(3, 0)).isTrue();
        assertThat(g.ack(3, 0)).isFalse();
    }

    @Test
    void xsetidRules() {
        Stream s = new Stream();
        for (int i = 1; i <= 3; i++) add(s, i + "-0", "f", "v");
        assertThatThrownBy(() -> s.setId(new StreamId(2, 0), -1, null)).hasMessage(StreamErrors.XSETID_SMALLER_THAN_TOP);
        assertThatThrownBy(() -> s.setId(new StreamId(3, 0), 1, null)).hasMessage(StreamErrors.XSETID_ENTRIES_ADDED_SMALLER);
        assertThatThrownBy(() -> s.setId(new StreamId(3, 0), -5, null)).hasMessage(StreamErrors.XSETID_ENTRIES_ADDED_NEGATIVE);
        assertThatThrownBy(() -> s.setId(new StreamId(3, 0), -1, new StreamId(4, 0)))
                .hasMessage(StreamErrors.XSETID_SMALLER_THAN_MAX_DELETED);
        s.setId(new StreamId(5, 0), 7, new StreamId(4, 0));
        s.setId(new StreamId(4, 5), -1, null);
        s.setId(new StreamId(6, 0), -1, null);
        assertThat(s.lastId()).hasToString("6-0");
        assertThat(s.maxDeletedEntryId()).hasToString("4-0");
        assertThat(s.entriesAdded()).isEqualTo(7);

        Stream e = new Stream();
        add(e, "5-0", "f", "v");
        e.delete(5, 0);
        e.setId(new StreamId(1, 0), -1, null); // 7.0 lets an empty stream's last id go back
        e.setId(new StreamId(6, 0), -1, StreamId.MIN);
        assertThat(e.lastId()).hasToString("6-0");
        assertThat(e.maxDeletedEntryId()).hasToString("5-0");
        assertThat(e.entriesAdded()).isEqualTo(1);
    }
}

package io.nioredis.command.stream;

import io.nioredis.resp.RespWriter;
import io.nioredis.value.stream.IdList;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamId;

/** How stream entries and ids go on the wire, as t_stream.c's streamReplyWithRange and addReplyStreamID. */
final class StreamReplies {
    private StreamReplies() {}

    /** Scratch for id text: an id is at most 20 + 1 + 20 bytes. */
    private static final ThreadLocal<byte[]> ID_TEXT = ThreadLocal.withInitial(() -> new byte[41]);

    static void id(long ms, long seq, RespWriter out) {
        byte[] b = ID_TEXT.get();
        int p = unsigned(ms, b, 0);
        b[p++] = '-';
        p = unsigned(seq, b, p);
        out.bulk(b, 0, p);
    }

    static void id(StreamId id, RespWriter out) {
        id(id.ms(), id.seq(), out);
    }

    private static int unsigned(long v, byte[] b, int p) {
        if (v >= 0 && v < 10) {
            b[p] = (byte) ('0' + v);
            return p + 1;
        }
        int digits = 0;
        long t = v;
        do {
            t = Long.divideUnsigned(t, 10);
            digits++;
        } while (t != 0);
        int end = p + digits;
        t = v;
        for (int i = end - 1; i >= p; i--) {
            b[i] = (byte) ('0' + Long.remainderUnsigned(t, 10));
            t = Long.divideUnsigned(t, 10);
        }
        return end;
    }

    /** One entry at the cursor: [id, [field, value, ...]]. */
    static void entry(StreamCursor c, RespWriter out) {
        out.arrayHeader(2);
        id(c.ms(), c.seq(), out);
        out.arrayHeader(2L * c.pairCount());
        while (c.nextPair()) {
            out.bulk(c.fieldArray(), c.fieldOffset(), c.fieldLength());
            out.bulk(c.valueArray(), c.valueOffset(), c.valueLength());
        }
    }

    /**
     * The entries a read of new entries ("&gt;") just delivered, as an array. They are consecutive live
     * entries, so one walk from the first writes them all, where a lookup each would walk its node from the
     * start every time; any id the walk does not meet is looked up.
     */
    static void newlyDelivered(Stream s, StreamCursor c, IdList ids, RespWriter out) {
        int n = ids.size();
        if (n == 0) {
            out.arrayHeader(0);
            return;
        }
        out.arrayHeader(n);
        c.open(s, ids.ms(0), ids.seq(0), ids.ms(n - 1), ids.seq(n - 1), false);
        boolean walking = true;
        for (int i = 0; i < n; i++) {
            walking = walking && c.next() && c.ms() == ids.ms(i) && c.seq() == ids.seq(i);
            if (walking) {
                entry(c, out);
            } else {
                one(s, c, ids.ms(i), ids.seq(i), out);
            }
        }
    }

    /**
     * The entries a group read delivered, as an array: each one still in the stream in full, one deleted
     * since (a history read) as [id, nil], as Redis's streamReplyWithRangeFromConsumerPEL.
     */
    static void delivered(Stream s, StreamCursor c, IdList ids, RespWriter out) {
        out.arrayHeader(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            one(s, c, ids.ms(i), ids.seq(i), out);
        }
    }

    /** The entry with this id, or [id, nil] when it is no longer in the stream. */
    private static void one(Stream s, StreamCursor c, long ms, long seq, RespWriter out) {
        if (s.lookup(c, ms, seq)) {
            entry(c, out);
        } else {
            out.arrayHeader(2);
            id(ms, seq, out);
            out.nullArrayValue();
        }
    }

    /**
     * Up to {@code count} entries (0: all) of [start, end], as an array. The header is written after the
     * entries are counted, so the reply is produced in one pass over a second cursor walk only when a
     * count cap is hit: the first walk counts, the second writes.
     */
    static long range(Stream s, StreamCursor c, StreamId start, StreamId end, boolean reverse, long count,
                      RespWriter out) {
        long n = 0;
        s.range(c, start, end, reverse);
        while ((count == 0 || n < count) && c.next()) n++;
        out.arrayHeader(n);
        s.range(c, start, end, reverse);
        for (long i = 0; i < n && c.next(); i++) entry(c, out);
        return n;
    }
}

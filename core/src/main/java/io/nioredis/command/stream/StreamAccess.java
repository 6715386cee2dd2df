package io.nioredis.command.stream;

import io.nioredis.command.Lookup;
import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.config.EncodingLimits;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.stream.NodeLimits;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamException;
import io.nioredis.value.stream.StreamId;
import io.nioredis.value.stream.StreamIdParser;

import java.nio.charset.StandardCharsets;

/** What the stream commands share: the type check, id arguments that reply on error, the node limits. */
final class StreamAccess {
    private StreamAccess() {}

    /** The stream in the slot, or null after replying WRONGTYPE. */
    static Stream streamOrReply(Keyspace keyspace, int slot, RespWriter out) {
        return Lookup.typedOrReply(keyspace, slot, Stream.class, out);
    }

    /** Argument i as a strict id ("-" and "+" refused), or null after replying Redis's error. */
    static StreamId strictIdOrReply(Request r, int i, long missingSeq, RespWriter out) {
        try {
            return StreamIdParser.parseStrict(r.array(), r.offset(i), r.length(i), missingSeq);
        } catch (StreamException e) {
            out.error(e.getMessage());
            return null;
        }
    }

    /** Argument i as an id where "-" and "+" are allowed, or null after replying. */
    static StreamId idOrReply(Request r, int i, long missingSeq, RespWriter out) {
        try {
            return StreamIdParser.parse(r.array(), r.offset(i), r.length(i), missingSeq);
        } catch (StreamException e) {
            out.error(e.getMessage());
            return null;
        }
    }

    /** A range bound ("(" exclusive allowed), or null after replying. */
    static StreamId boundOrReply(Request r, int i, boolean isStart, RespWriter out) {
        try {
            return StreamIdParser.parseRangeBound(r.array(), r.offset(i), r.length(i), isStart);
        } catch (StreamException e) {
            out.error(e.getMessage());
            return null;
        }
    }

    /** Argument i as a long, or Long.MIN_VALUE after replying "not an integer". */
    /**
     * Argument i as an integer, or {@code Long.MIN_VALUE} after replying Redis's error. An argument that is
     * itself the smallest long reads as one more, so it cannot pass for the error: every caller treats the
     * two alike (a negative count, limit or time).
     */
    static long longOrReply(Request r, int i, RespWriter out) {
        if (!r.isLong(i)) {
            out.raw(Errors.NOT_INTEGER);
            return Long.MIN_VALUE;
        }
        long v = r.longValue(i);
        return v == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : v;
    }

    private static NodeLimits cachedLimits = NodeLimits.DEFAULT;

    /** stream-node-max-bytes / -entries as configured now (CONFIG SET applies to the next write). */
    static NodeLimits nodeLimits(Client client) {
        EncodingLimits e = client.server().config.encoding;
        NodeLimits l = cachedLimits;
        if (l.maxBytes() != e.streamNodeMaxBytes || l.maxEntries() != e.streamNodeMaxEntries) {
            l = new NodeLimits(e.streamNodeMaxBytes, e.streamNodeMaxEntries);
            cachedLimits = l;
        }
        return l;
    }

    /** Names in error texts, as Redis prints them with %s. */
    /**
     * A key or name as Redis's "%s" prints it in an error: the bytes as they are (the writer sends chars
     * back as single bytes) up to a NUL, where a C string ends.
     */
    static String text(byte[] b) {
        return text(b, 0, b.length);
    }

    static String text(Request r, int i) {
        return text(r.array(), r.offset(i), r.length(i));
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.ISO_8859_1);
    }
}

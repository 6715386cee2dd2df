package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ElementScanArguments;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.text.DoubleFormat;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SkipList;
import io.nioredis.value.SortedSetValue;

/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count]: a flat array of member, score pairs with scores as bulk
 * strings in both protocols, as Redis 7.0. A sorted set Redis would still keep as a listpack is returned
 * whole, in score order, with cursor 0, as Redis does for that encoding; a larger one is scanned over its
 * member dict with Redis's reverse-binary cursor.
 */
final class ZscanCommand implements Command {
    private final ElementScanArguments args = new ElementScanArguments();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 2, out)) {
            return;
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            ElementScanArguments.writeCursor(0, out);
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        SortedSetValue zset = SortedSetCommands.asZset(keyspace, slot);
        if (zset == null) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        if (!args.optionsOrReply(request, 3, out)) {
            return;
        }
        if (zset.compact()) {
            long matched = 0;
            for (SkipList.Node n = zset.list().first(); n != null; n = n.next()) {
                if (args.matches(n.key(), 0, n.key().length)) {
                    matched++;
                }
            }
            ElementScanArguments.writeCursor(0, out);
            out.arrayHeader(matched * 2);
            for (SkipList.Node n = zset.list().first(); n != null; n = n.next()) {
                if (args.matches(n.key(), 0, n.key().length)) {
                    writePair(n, out);
                }
            }
            return;
        }
        long cursor = args.collect(zset::scan);
        int matched = 0;
        for (int i = 0; i < args.visitedCount; i++) {
            byte[] member = zset.nodeAt(args.visited[i]).key();
            if (args.matches(member, 0, member.length)) {
                args.visited[matched++] = args.visited[i];
            }
        }
        ElementScanArguments.writeCursor(cursor, out);
        out.arrayHeader(matched * 2L);
        for (int i = 0; i < matched; i++) {
            writePair(zset.nodeAt(args.visited[i]), out);
        }
    }

    private static void writePair(SkipList.Node node, RespWriter out) {
        out.bulk(node.key());
        out.bulk(scoreText(node.score()));
    }

    /**
     * Redis's d2string, which ZSCAN uses rather than the reply formatting: integral scores up to
     * LLONG_MAX/2 are printed as exact integers (so 1.2345678901234568e+17 reads 123456789012345680).
     */
    static String scoreText(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        if (!Double.isInfinite(d) && Math.abs(d) <= Long.MAX_VALUE / 2 && d == (long) d) {
            return Long.toString((long) d);
        }
        return DoubleFormat.g17(d);
    }
}

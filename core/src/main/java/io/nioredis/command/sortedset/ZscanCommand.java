package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ScanArguments;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.text.DoubleFormat;
import io.nioredis.value.SortedSetValue;

/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count]: a flat array of member, score pairs with scores as bulk
 * strings in both protocols, as Redis 7.0. A sorted set Redis would still keep as a listpack is returned
 * whole, in score order, with cursor 0, as Redis does for that encoding; a larger one is scanned over its
 * member dict with Redis's reverse-binary cursor.
 */
final class ZscanCommand implements Command {
    private final ScanArguments args = new ScanArguments();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 2, out)) {
            return;
        }
        SortedSetValue zset = Lookup.readOrReply(client.keyspace(), request, 1, SortedSetValue.class,
                Missing.EMPTY_SCAN, out);
        if (zset == null || !args.optionsOrReply(request, 3, false, out)) {
            return;
        }
        if (zset.compact()) {
            // A listpack replies whole, with cursor 0, as Redis's scanGenericCommand.
            long size = zset.size();
            long matched = 0;
            for (long r = 0; r < size; r++) {
                if (args.matches(zset.memberArray(r), zset.memberOffset(r), zset.memberLength(r))) {
                    matched++;
                }
            }
            ScanArguments.writeCursor(0, out);
            out.arrayHeader(matched * 2);
            for (long r = 0; r < size; r++) {
                byte[] b = zset.memberArray(r);
                int off = zset.memberOffset(r);
                int len = zset.memberLength(r);
                if (args.matches(b, off, len)) {
                    out.bulk(b, off, len);
                    out.bulk(scoreText(zset.score(r)));
                }
            }
            return;
        }
        long cursor = args.collect(zset);
        int matched = 0;
        for (int i = 0; i < args.visitedCount; i++) {
            int slot = args.visited[i];
            if (args.matches(zset.slotMemberArray(slot), zset.slotMemberOffset(slot), zset.slotMemberLength(slot))) {
                args.visited[matched++] = args.visited[i];
            }
        }
        ScanArguments.writeCursor(cursor, out);
        out.arrayHeader(matched * 2L);
        for (int i = 0; i < matched; i++) {
            int slot = args.visited[i];
            out.bulk(zset.slotMemberArray(slot), zset.slotMemberOffset(slot), zset.slotMemberLength(slot));
            out.bulk(scoreText(zset.slotScore(slot)));
        }
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

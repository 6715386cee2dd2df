package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.ScanArguments;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count], as Redis's scanGenericCommand: a large hash is walked
 * with the dict's reverse-binary cursor, at least COUNT buckets' worth per call (bounded by 10 x COUNT
 * bucket visits); a small hash is returned whole with cursor 0, as Redis does for a listpack. MATCH
 * filters on the field after the walk, so a call may return fewer than COUNT fields, or none.
 */
final class HscanCommand implements Command {
    private final ScanArguments args = new ScanArguments();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 2, out)) {
            return;
        }
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.EMPTY_SCAN, out);
        if (hash == null || !args.optionsOrReply(request, 3, false, out)) {
            return;
        }
        long cursor = hash.isSmall() ? args.visitAll(hash.size()) : args.collect(hash);
        int kept = 0;
        for (int k = 0; k < args.visitedCount; k++) {
            int h = args.visited[k];
            if (args.matches(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h))) {
                args.visited[kept++] = h;
            }
        }
        ScanArguments.writeCursor(cursor, out);
        out.arrayHeader(2L * kept);
        for (int k = 0; k < kept; k++) {
            int h = args.visited[k];
            out.bulk(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h));
            out.bulk(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
        }
    }
}

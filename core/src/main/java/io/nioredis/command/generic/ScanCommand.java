package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ScanArguments;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import java.util.ArrayList;
import java.util.List;

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type], Redis's scanGenericCommand over the keyspace:
 * visit buckets from the reverse-binary cursor until COUNT keys were gathered (or ten times COUNT buckets
 * visited), then filter by pattern, type and expiry. Keys found expired are deleted, as Redis does.
 */
final class ScanCommand implements Command {
    private final ScanArguments args = new ScanArguments();
    private final List<byte[]> keys = new ArrayList<>();
    private final List<byte[]> expired = new ArrayList<>();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 1, out) || !args.optionsOrReply(request, 2, true, out)) {
            return;
        }
        Keyspace keyspace = client.keyspace();
        long cursor = args.collect(keyspace);
        long now = keyspace.now();
        for (int i = 0; i < args.visitedCount; i++) {
            filter(keyspace, args.visited[i], now);
        }
        for (byte[] key : expired) {
            keyspace.lookup(key, 0, key.length); // deletes it
        }
        ScanArguments.writeCursor(cursor, out);
        out.arrayHeader(keys.size());
        for (byte[] key : keys) {
            out.bulk(key);
        }
        keys.clear();
        expired.clear();
    }

    /** Redis's filter step for one visited key: pattern, then type, then expiry. */
    private void filter(Keyspace keyspace, int slot, long now) {
        Object entry = keyspace.entry(slot);
        byte[] key = keyspace.keyOf(slot);
        if (!args.matches(key, 0, key.length)) {
            return;
        }
        boolean live = keyspace.isLive(slot, now);
        if (!live) {
            expired.add(key);
        }
        // Redis looks the key up to learn its type, which deletes an expired key and calls its type
        // "none"; the expiry check after that finds nothing to expire. So "TYPE none" lists expired
        // keys (deleting them), and any other type skips them; without TYPE expired keys are skipped.
        String type = !live ? "none" : entry instanceof byte[] ? "string" : ((KeyedValue) entry).typeName();
        if (live ? args.typeMatches(type) : args.hasType() && args.typeMatches(type)) {
            keys.add(key);
        }
    }
}

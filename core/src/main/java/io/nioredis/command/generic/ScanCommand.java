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
import java.util.function.IntConsumer;

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type], Redis's scanGenericCommand over the keyspace:
 * visit buckets from the reverse-binary cursor until COUNT keys were gathered (or ten times COUNT buckets
 * visited), then filter by pattern, type and expiry. Keys found expired are deleted, as Redis does.
 */
final class ScanCommand implements Command {
    private final ScanArguments args = new ScanArguments();
    private final List<byte[]> keys = new ArrayList<>();
    private final List<byte[]> expired = new ArrayList<>();
    private Keyspace scanning;
    private long now;
    /** Keys visited before filtering: Redis stops gathering on this count, not on the filtered one. */
    private long visited;
    private final IntConsumer collect = this::collect;

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.parseOrReply(request, 1, true, out)) {
            return;
        }
        Keyspace keyspace = client.keyspace();
        scanning = keyspace;
        now = keyspace.now();
        keys.clear();
        expired.clear();
        visited = 0;
        long cursor = args.cursor;
        long maxIterations = args.count * 10;
        do {
            cursor = keyspace.scan(cursor, collect);
        } while (cursor != 0 && maxIterations-- > 0 && visited < args.count);
        scanning = null;
        for (byte[] key : expired) {
            keyspace.lookup(key, 0, key.length); // deletes it
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor));
        out.arrayHeader(keys.size());
        for (byte[] key : keys) {
            out.bulk(key);
        }
        keys.clear();
        expired.clear();
    }

    private void collect(int slot) {
        visited++;
        Object entry = scanning.entry(slot);
        byte[] key = Keyspace.keyOf(entry);
        if (!args.matches(key, 0, key.length)) {
            return;
        }
        boolean live = scanning.isLive(slot, now);
        if (args.typeArg >= 0) {
            // Redis looks the key up to learn its type, which deletes an expired key and calls its type
            // "none"; the expiry check after that finds nothing to expire. So "TYPE none" lists expired
            // keys (deleting them), and any other type skips them.
            String type = !live ? "none" : entry instanceof byte[] ? "string" : ((KeyedValue) entry).typeName();
            boolean typeMatches = args.typeMatches(type);
            if (!live) {
                expired.add(key);
            }
            if (typeMatches) {
                keys.add(key);
            }
            return;
        }
        if (!live) {
            expired.add(key);
            return;
        }
        keys.add(key);
    }
}

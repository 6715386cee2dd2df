package io.nioredis.command.cluster;

import io.nioredis.client.Client;
import io.nioredis.cluster.HashSlot;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.SlotKeys;

/** CLUSTER COUNTKEYSINSLOT and GETKEYSINSLOT, read from database 0's index of keys by slot. */
final class ClusterKeys {
    private ClusterKeys() {}

    static void countKeysInSlot(Client client, Request request, RespWriter out) {
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long slot = request.longValue(2);
        if (slot < 0 || slot >= HashSlot.COUNT) {
            out.raw(Errors.INVALID_SLOT);
            return;
        }
        out.integer(client.server().databases.get(0).slotKeys().count((int) slot));
    }

    /** Up to count keys of the slot, most recently added first, as Redis's slot_to_keys list. */
    static void getKeysInSlot(Client client, Request request, RespWriter out) {
        // As Redis: the count is parsed before the slot.
        if (!request.isLong(3) || !request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long max = request.longValue(3);
        long slot = request.longValue(2);
        if (slot < 0 || slot >= HashSlot.COUNT || max < 0) {
            out.raw(Errors.INVALID_SLOT_OR_COUNT);
            return;
        }
        Keyspace db = client.server().databases.get(0);
        SlotKeys index = db.slotKeys();
        int n = (int) Math.min(max, index.count((int) slot));
        out.arrayHeader(n);
        int dictSlot = index.first((int) slot);
        for (int i = 0; i < n; i++) {
            out.bulk(db.keyOf(dictSlot));
            dictSlot = index.next(dictSlot);
        }
    }
}

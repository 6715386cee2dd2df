package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.text.GlobPattern;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import java.util.ArrayList;
import java.util.List;

/** KEYS pattern: every live key matching the glob; "*" alone matches all, even the empty key, as Redis. */
final class KeysCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] p = request.array();
        int poff = request.offset(1);
        int plen = request.length(1);
        boolean all = plen == 1 && p[poff] == '*';
        long now = keyspace.now();
        List<byte[]> keys = new ArrayList<>();
        for (int slot = 0; slot < keyspace.slotLimit(); slot++) {
            if (!keyspace.isLive(slot, now)) {
                continue;
            }
            byte[] key = keyspace.keyOf(slot);
            if (all || GlobPattern.matches(p, poff, plen, key, 0, key.length, false)) {
                keys.add(key);
            }
        }
        out.arrayHeader(keys.size());
        for (byte[] key : keys) {
            out.bulk(key);
        }
    }
}

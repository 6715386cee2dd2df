package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/** RANDOMKEY: a random live key, nil if the database is empty; expired keys met on the way are deleted. */
final class RandomkeyCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        while (keyspace.size() > 0) {
            int slot = keyspace.randomSlot();
            byte[] key = keyspace.keyOf(slot);
            if (keyspace.lookup(key, 0, key.length) >= 0) {
                out.bulk(key);
                return;
            }
        }
        out.nullValue();
    }
}

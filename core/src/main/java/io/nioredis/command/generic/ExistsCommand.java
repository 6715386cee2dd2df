package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/**
 * EXISTS key [key ...] and TOUCH key [key ...]: how many of the arguments exist, a key named twice counting
 * twice. Both count keyspace hits and misses; only TOUCH marks the keys as used (LRU clock, LFU counter),
 * as Redis 7.0's existsCommand looks keys up with LOOKUP_NOTOUCH.
 */
final class ExistsCommand implements Command {
    private final boolean touches;

    ExistsCommand(boolean touches) {
        this.touches = touches;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        long found = 0;
        for (int i = 1; i < request.argc(); i++) {
            int slot = touches
                    ? keyspace.lookupRead(request.array(), request.offset(i), request.length(i))
                    : keyspace.lookupReadNoTouch(request.array(), request.offset(i), request.length(i));
            if (slot >= 0) {
                found++;
            }
        }
        out.integer(found);
    }
}

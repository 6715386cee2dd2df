package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import io.nioredis.value.Members;

/**
 * HDEL key field..., SREM key member..., ZREM key member...: the number removed; the key goes when its
 * last member does. One implementation, as Redis's hdelCommand, sremCommand and zremCommand differ only
 * in the value type and the event they publish.
 */
public final class RemoveMembersCommand<T extends KeyedValue & Members> implements Command {
    private final Class<T> type;
    private final int eventClass;
    private final String event;

    /** {@code eventClass} is the KeyspaceEvents class bit of {@code event} ("hdel", "srem", "zrem"). */
    public RemoveMembersCommand(Class<T> type, int eventClass, String event) {
        this.type = type;
        this.eventClass = eventClass;
        this.event = event;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        T value = Lookup.writeOrReply(keyspace, request, 1, type, Missing.ZERO, out);
        if (value == null) {
            return;
        }
        byte[] b = request.array();
        long before = value.memoryUsage();
        long removed = 0;
        for (int i = 2; i < request.argc() && !value.isEmpty(); i++) {
            if (value.remove(b, request.offset(i), request.length(i))) {
                removed++;
            }
        }
        keyspace.adjustMemory(value.memoryUsage() - before);
        if (removed > 0) {
            keyspace.changed(eventClass, event, b, request.offset(1), request.length(1));
            keyspace.deleteIfEmpty(value);
        }
        out.integer(removed);
    }
}

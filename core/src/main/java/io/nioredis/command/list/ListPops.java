package io.nioredis.command.list;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.ListValue;

/**
 * Popping with the key in the reply, as the blocking pops and LMPOP answer, whether they find an element at
 * once or are served later: BLPOP's [key, element] and LMPOP's [key, [element, ...]], then Redis's
 * listElementsRemoved (the lpop/rpop event, and the key deleted with a "del" event once empty).
 */
final class ListPops {
    private ListPops() {}

    /** [key, element]; returns true if that emptied and deleted the list. */
    static boolean popOne(Keyspace keyspace, ListValue list, byte[] b, int off, int len, boolean atHead,
                          RespWriter out) {
        long before = list.memoryUsage();
        out.arrayHeader(2);
        out.bulk(b, off, len);
        list.popTo(atHead, out);
        keyspace.adjustMemory(list.memoryUsage() - before);
        return removed(keyspace, list, b, off, len, atHead);
    }

    /** [key, [up to count elements, in popping order]]; returns true if that emptied and deleted the list. */
    static boolean popRange(Keyspace keyspace, ListValue list, byte[] b, int off, int len, boolean atHead,
                            long count, RespWriter out) {
        int n = (int) Math.min(count, list.size());
        long before = list.memoryUsage();
        out.arrayHeader(2);
        out.bulk(b, off, len);
        out.arrayHeader(n);
        for (int i = 0; i < n; i++) {
            list.popTo(atHead, out);
        }
        keyspace.adjustMemory(list.memoryUsage() - before);
        return removed(keyspace, list, b, off, len, atHead);
    }

    private static boolean removed(Keyspace keyspace, ListValue list, byte[] b, int off, int len, boolean atHead) {
        keyspace.changed(KeyspaceEvents.LIST, atHead ? "lpop" : "rpop", b, off, len);
        boolean empty = list.isEmpty();
        keyspace.deleteIfEmpty(list);
        return empty;
    }
}

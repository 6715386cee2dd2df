package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetValue;
import io.nioredis.store.StringEntry;

/**
 * SINTER, SUNION, SDIFF key [key ...] (a set reply) and their STORE forms destination key [key ...] (the
 * size of the stored set), as Redis's sinterGenericCommand and sunionDiffGenericCommand: every key is
 * type-checked first, a missing key counts as an empty set, and an empty result deletes the destination.
 * A stored result replaces the destination whatever its type and drops its TTL, as Redis's setKey.
 */
final class SetAlgebraCommand implements Command {
    static final int INTER = 0;
    static final int UNION = 1;
    static final int DIFF = 2;
    private static final String[] STORE_EVENTS = {"sinterstore", "sunionstore", "sdiffstore"};

    private final int op;
    private final boolean store;

    SetAlgebraCommand(int op, boolean store) {
        this.op = op;
        this.store = store;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int first = store ? 2 : 1;
        SetValue[] sets = new SetValue[request.argc() - first];
        if (!SetCommands.collectSetsOrReply(keyspace, request, first, request.argc(), store, sets, out)) {
            return;
        }
        byte[] resultKey = store ? request.copy(1) : new byte[0];
        SetValue result = compute(resultKey, sets);
        if (!store) {
            out.setHeader(result.size());
            SetCommands.writeMembers(result, out);
            return;
        }
        byte[] b = request.array();
        int doff = request.offset(1);
        int dlen = request.length(1);
        int slot = keyspace.lookup(b, doff, dlen);
        if (result.size() == 0) {
            if (slot >= 0) {
                keyspace.delete(slot);
                keyspace.changed(KeyspaceEvents.GENERIC, "del", b, doff, dlen);
            }
            out.raw(Replies.ZERO);
            return;
        }
        if (slot >= 0) {
            keyspace.delete(slot);
        }
        keyspace.add(result);
        keyspace.changed(KeyspaceEvents.SET, STORE_EVENTS[op], b, doff, dlen);
        out.integer(result.size());
    }

    private SetValue compute(byte[] key, SetValue[] sets) {
        SetValue result = new SetValue(key);
        switch (op) {
            case INTER:
                SetAlgebraCommand.intersect(sets, result, Long.MAX_VALUE);
                break;
            case UNION:
                for (SetValue set : sets) {
                    if (set != null) {
                        addAll(set, result);
                    }
                }
                break;
            default:
                if (sets[0] != null) {
                    addAll(sets[0], result);
                    for (int i = 1; i < sets.length && result.size() > 0; i++) {
                        if (sets[i] != null) {
                            removeAll(sets[i], result);
                        }
                    }
                }
        }
        return result;
    }

    /**
     * Members of every set, walking the smallest: up to {@code limit} of them are added to {@code result}
     * (when not null); returns how many there are, at most {@code limit}.
     */
    static long intersect(SetValue[] sets, SetValue result, long limit) {
        SetValue smallest = null;
        for (SetValue set : sets) {
            if (set == null) {
                return 0;
            }
            if (smallest == null || set.size() < smallest.size()) {
                smallest = set;
            }
        }
        long n = 0;
        for (int s = 0, end = smallest.slotLimit(); s < end && n < limit; s++) {
            byte[] e = smallest.entry(s);
            if (e == null) {
                continue;
            }
            int off = StringEntry.keyOffset(e);
            int len = StringEntry.keyLength(e);
            boolean inAll = true;
            for (SetValue set : sets) {
                if (set != smallest && !set.contains(e, off, len)) {
                    inAll = false;
                    break;
                }
            }
            if (inAll) {
                n++;
                if (result != null) {
                    result.add(e, off, len);
                }
            }
        }
        return n;
    }

    private static void addAll(SetValue from, SetValue to) {
        for (int s = 0, end = from.slotLimit(); s < end; s++) {
            byte[] e = from.entry(s);
            if (e != null) {
                to.add(e, StringEntry.keyOffset(e), StringEntry.keyLength(e));
            }
        }
    }

    private static void removeAll(SetValue from, SetValue to) {
        for (int s = 0, end = from.slotLimit(); s < end; s++) {
            byte[] e = from.entry(s);
            if (e != null) {
                to.remove(e, StringEntry.keyOffset(e), StringEntry.keyLength(e));
            }
        }
    }
}

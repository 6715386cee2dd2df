package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;

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
    private static final byte[] EMPTY_KEY = new byte[0];

    private final int op;
    private final boolean store;

    SetAlgebraCommand(int op, boolean store) {
        this.op = op;
        this.store = store;
    }

    private final SetMember view = new SetMember();
    private final SetMember probe = new SetMember();
    private int[] positions = new int[16];

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int first = store ? 2 : 1;
        SetValue[] sets = new SetValue[request.argc() - first];
        if (!SetCommands.collectSetsOrReply(keyspace, request, first, request.argc(), store, sets, out)) {
            return;
        }
        long maxIntsetEntries = SetCommands.maxIntsetEntries(client);
        if (!store && op == INTER) {
            writeIntersection(sets, out);
            return;
        }
        byte[] resultKey = store ? request.copy(1) : EMPTY_KEY;
        SetValue result = op == INTER ? storedIntersection(sets, resultKey, maxIntsetEntries)
                : op == UNION ? union(sets, resultKey, maxIntsetEntries, view)
                : difference(sets, resultKey, maxIntsetEntries);
        if (!store) {
            out.setHeader(result.size());
            SetCommands.writeMembers(result, view, out);
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

    /** SINTER replies as it walks the smallest set, so members come in that set's order. */
    private void writeIntersection(SetValue[] sets, RespWriter out) {
        SetValue smallest = smallestOrNull(sets);
        if (smallest == null) {
            out.setHeader(0);
            return;
        }
        int n = 0;
        for (int p = 0, limit = smallest.positionLimit(); p < limit; p++) {
            if (smallest.member(p, view) && inAllOthers(sets, smallest, view)) {
                if (n == positions.length) {
                    positions = java.util.Arrays.copyOf(positions, n * 2);
                }
                positions[n++] = p;
            }
        }
        out.setHeader(n);
        for (int i = 0; i < n; i++) {
            SetCommands.writeMember(smallest, positions[i], view, out);
        }
    }

    /** SINTERSTORE's result: a new set (an intset until a member says otherwise) of the common members. */
    private SetValue storedIntersection(SetValue[] sets, byte[] key, long maxIntsetEntries) {
        SetValue result = new SetValue(key);
        SetValue smallest = smallestOrNull(sets);
        if (smallest == null) {
            return result;
        }
        for (int p = 0, limit = smallest.positionLimit(); p < limit; p++) {
            if (smallest.member(p, view) && inAllOthers(sets, smallest, view)) {
                result.add(view.array, view.offset, view.length, maxIntsetEntries);
            }
        }
        return result;
    }

    /** Every member of every set, added set by set to a new set (sunionDiffGenericCommand's dstset). */
    static SetValue union(SetValue[] sets, byte[] key, long maxIntsetEntries, SetMember view) {
        SetValue result = new SetValue(key);
        for (SetValue set : sets) {
            if (set != null) {
                for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
                    if (set.member(p, view)) {
                        result.add(view.array, view.offset, view.length, maxIntsetEntries);
                    }
                }
            }
        }
        return result;
    }

    /**
     * SDIFF as Redis 7.0 computes it, with the same choice between its two algorithms, since they may leave
     * the result in different encodings: the first adds only the surviving members of the first set, the
     * second adds all of them (a non-integer among them makes a hashtable) and then removes the others'.
     */
    private SetValue difference(SetValue[] sets, byte[] key, long maxIntsetEntries) {
        SetValue result = new SetValue(key);
        SetValue first = sets[0];
        if (first == null) {
            return result;
        }
        long algoOneWork = 0;
        long algoTwoWork = 0;
        for (SetValue set : sets) {
            if (set != null) {
                algoOneWork += first.size();
                algoTwoWork += set.size();
            }
        }
        // "Algorithm 1 has better constant times and performs less operations if there are elements in
        // common. Give it some advantage."
        if (algoOneWork / 2 <= algoTwoWork) {
            for (int p = 0, limit = first.positionLimit(); p < limit; p++) {
                if (first.member(p, view) && !inAnyOther(sets, view)) {
                    result.add(view.array, view.offset, view.length, maxIntsetEntries);
                }
            }
            return result;
        }
        for (int i = 0; i < sets.length && (i == 0 || result.size() > 0); i++) {
            SetValue set = sets[i];
            if (set == null) {
                continue;
            }
            for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
                if (set.member(p, view)) {
                    if (i == 0) {
                        result.add(view.array, view.offset, view.length, maxIntsetEntries);
                    } else {
                        result.remove(view.array, view.offset, view.length);
                    }
                }
            }
        }
        return result;
    }

    /** True if a set after the first holds the member. */
    private static boolean inAnyOther(SetValue[] sets, SetMember m) {
        for (int i = 1; i < sets.length; i++) {
            if (sets[i] != null && sets[i].contains(m.array, m.offset, m.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The set to walk for an intersection, the first of the smallest (Redis sorts the sets by size with a
     * stable sort and walks the first), or null when a key is missing and the intersection is empty.
     */
    static SetValue smallestOrNull(SetValue[] sets) {
        SetValue smallest = null;
        for (SetValue set : sets) {
            if (set == null) {
                return null;
            }
            if (smallest == null || set.size() < smallest.size()) {
                smallest = set;
            }
        }
        return smallest;
    }

    /** True if every set other than {@code walked} holds the member. */
    static boolean inAllOthers(SetValue[] sets, SetValue walked, SetMember m) {
        for (SetValue set : sets) {
            if (set != walked && !set.contains(m.array, m.offset, m.length)) {
                return false;
            }
        }
        return true;
    }
}

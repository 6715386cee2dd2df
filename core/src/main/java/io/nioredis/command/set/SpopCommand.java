package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Propagated;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;

/**
 * SPOP key [count]: removes random members. Without a count the reply is one bulk string (nil for a
 * missing key); with one it is a set of up to count members (RESP3 {@code ~}), as Redis 7.0's
 * spopWithCountCommand: the whole set (in the order SUNION gives) when count reaches the size, random pops
 * for a small count, else random members kept and the rest popped in the set's order.
 */
final class SpopCommand implements Command {
    /** SPOP_MOVE_STRATEGY_MUL: beyond a fifth of the set, pick the members that stay instead. */
    private static final long SPOP_MOVE_STRATEGY_MUL = 5;
    private static final byte[] EMPTY_KEY = new byte[0];

    private final SetMember view = new SetMember();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.raw(Errors.SYNTAX);
            return;
        }
        long count = -1;
        if (request.argc() == 3) {
            count = SetCommands.positiveCountOrReply(request, 2, out);
            if (count < 0) {
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            if (count < 0) {
                out.nullValue();
            } else {
                out.setHeader(0);
            }
            return;
        }
        SetValue set = Lookup.typedOrReply(keyspace, slot, SetValue.class, out);
        if (set == null) {
            return;
        }
        if (count == 0) {
            out.setHeader(0);
            return;
        }
        long before = set.memoryUsage();
        // Redis's propagation: one member as SREM key member, the whole set as DEL key, else one SREM per
        // member popped, in the order of the reply.
        boolean propagating = client.propagating();
        if (propagating && count >= 0 && count < set.size()) {
            client.propagateNothing(); // the SREMs say it all
        }
        if (count < 0) {
            int member = set.randomPosition();
            SetCommands.writeMember(set, member, view, out);
            if (propagating) {
                client.propagateAs(srem(request, set, member));
            }
            set.removeAt(member);
        } else if (count >= set.size()) {
            if (propagating) {
                client.propagateAs(Propagated.of(Propagated.DEL, request.copy(1)));
            }
            // Redis replies with SUNION of the set, so the order is that of a set rebuilt from its members.
            out.setHeader(set.size());
            SetCommands.writeMembers(SetAlgebraCommand.union(new SetValue[] {set}, EMPTY_KEY,
                    SetCommands.maxIntsetEntries(client), view), view, out);
            set.clear();
        } else if ((set.size() - count) * SPOP_MOVE_STRATEGY_MUL > count) {
            out.setHeader(count);
            for (long i = 0; i < count; i++) {
                int member = set.randomPosition();
                SetCommands.writeMember(set, member, view, out);
                if (propagating) {
                    client.propagateAlso(srem(request, set, member));
                }
                set.removeAt(member);
            }
        } else {
            out.setHeader(count);
            SetValue kept = keepRandomRemainder(set, count, SetCommands.maxIntsetEntries(client), out);
            if (propagating) {
                for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
                    if (set.member(p, view)) {
                        client.propagateAlso(srem(request, set, p));
                    }
                }
            }
            keyspace.adjustMemory(set.memoryUsage() - before);
            keyspace.replace(slot, kept);
            keyspace.changed(KeyspaceEvents.SET, "spop", b, koff, klen);
            return;
        }
        keyspace.adjustMemory(set.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.SET, "spop", b, koff, klen);
        keyspace.deleteIfEmpty(set);
    }

    /**
     * Redis's third SPOP strategy, for a count close to the size: the members that stay move at random into
     * a new set (created as setTypeCreate would: an intset if the first of them is an integer), the rest
     * are the reply in the old set's order, and the new set takes the key's place with its TTL.
     */
    private SetValue keepRandomRemainder(SetValue set, long count, long maxIntsetEntries, RespWriter out) {
        SetValue kept = new SetValue(set.key());
        for (long remaining = set.size() - count; remaining > 0; remaining--) {
            int member = set.randomPosition();
            set.member(member, view);
            kept.add(view.array, view.offset, view.length, maxIntsetEntries);
            set.removeAt(member);
        }
        SetCommands.writeMembers(set, view, out);
        return kept;
    }

    /** SREM key member for the member at {@code position}, copied out of the set. */
    private byte[][] srem(Request request, SetValue set, int position) {
        set.member(position, view);
        return new byte[][] {Propagated.SREM.clone(), request.copy(1),
            java.util.Arrays.copyOfRange(view.array, view.offset, view.offset + view.length)};
    }
}

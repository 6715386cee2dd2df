package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SRANDMEMBER key [count]: one random member (nil if none), or an array of up to count distinct members,
 * or for a negative count exactly -count members drawn with repetition. Always an array, also in RESP3.
 */
final class SrandmemberCommand implements Command {
    /**
     * Redis streams any reply size; this server builds a reply in one array, so a repeated-members reply
     * larger than this is refused rather than exhausting the heap.
     */
    static final long MAX_REPEATED = 1 << 24;
    private static final String RANGE_ERROR =
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";

    private final SetMember view = new SetMember();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.raw(Errors.SYNTAX);
            return;
        }
        boolean withCount = request.argc() == 3;
        long count = 1;
        boolean distinct = true;
        if (withCount) {
            if (!request.isLong(2)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            count = request.longValue(2);
            if (count == Long.MIN_VALUE) {
                out.error(RANGE_ERROR);
                return;
            }
            if (count < 0) {
                count = -count;
                distinct = false;
                if (count > MAX_REPEATED) {
                    out.error("ERR value is out of range");
                    return;
                }
            }
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            if (withCount) {
                out.raw(Replies.EMPTY_ARRAY);
            } else {
                out.nullValue();
            }
            return;
        }
        SetValue set = Lookup.typedOrReply(keyspace, slot, SetValue.class, out);
        if (set == null) {
            return;
        }
        if (!withCount) {
            SetCommands.writeMember(set, set.randomPosition(), view, out);
            return;
        }
        if (count == 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        if (!distinct || count == 1) {
            out.arrayHeader(count);
            for (long i = 0; i < count; i++) {
                SetCommands.writeMember(set, set.randomPosition(), view, out);
            }
            return;
        }
        if (count >= set.size()) {
            // The whole set in its own order: ascending for an intset, as Redis.
            out.arrayHeader(set.size());
            SetCommands.writeMembers(set, view, out);
            return;
        }
        // Distinct and fewer than the set holds: a partial Fisher-Yates shuffle of the member positions.
        int[] positions = new int[set.size()];
        int n = 0;
        for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
            if (set.member(p, view)) {
                positions[n++] = p;
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        out.arrayHeader(count);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
            SetCommands.writeMember(set, positions[i], view, out);
        }
    }
}

package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;

/** SINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection, counting stops at limit. */
final class SintercardCommand implements Command {
    private static final byte[] LIMIT_TOKEN = {'l', 'i', 'm', 'i', 't'};
    private final SetMember view = new SetMember();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(1) || request.longValue(1) <= 0) {
            out.error("ERR numkeys should be greater than 0");
            return;
        }
        long numkeys = request.longValue(1);
        if (numkeys > request.argc() - 2) {
            out.error("ERR Number of keys can't be greater than number of args");
            return;
        }
        long limit = 0;
        int argc = request.argc();
        for (int j = 2 + (int) numkeys; j < argc; j++) {
            if (request.is(j, LIMIT_TOKEN) && j < argc - 1) {
                j++;
                if (!request.isLong(j) || request.longValue(j) < 0) {
                    out.error("ERR LIMIT can't be negative");
                    return;
                }
                limit = request.longValue(j);
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        SetValue[] sets = new SetValue[(int) numkeys];
        if (!SetCommands.collectSetsOrReply(client.keyspace(), request, 2, 2 + (int) numkeys, false, sets, out)) {
            return;
        }
        out.integer(intersectionSize(sets, limit == 0 ? Long.MAX_VALUE : limit));
    }

    private long intersectionSize(SetValue[] sets, long limit) {
        SetValue smallest = SetAlgebraCommand.smallestOrNull(sets);
        long n = 0;
        if (smallest != null) {
            for (int p = 0, end = smallest.positionLimit(); p < end && n < limit; p++) {
                if (smallest.member(p, view) && SetAlgebraCommand.inAllOthers(sets, smallest, view)) {
                    n++;
                }
            }
        }
        return n;
    }
}

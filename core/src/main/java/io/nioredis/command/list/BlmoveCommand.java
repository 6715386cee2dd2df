package io.nioredis.command.list;

import io.nioredis.command.Lookup;

import io.nioredis.client.Client;
import io.nioredis.command.Propagated;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.TimeoutArgument;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.ListValue;

/**
 * BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout and BRPOPLPUSH source destination timeout, as
 * Redis 7.0's blmoveGenericCommand: a source that holds a list is moved at once as LMOVE; a missing one
 * blocks the client on the source alone (the destination is checked when it is served). Where blocking is
 * denied the answer is a nil bulk, unlike the other blocking commands; a timeout is a null array.
 */
final class BlmoveCommand implements Command {
    private final boolean brpoplpush;

    BlmoveCommand(boolean brpoplpush) {
        this.brpoplpush = brpoplpush;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean fromHead = false;
        boolean toHead = true;
        int timeoutArg = 3;
        if (!brpoplpush) {
            int from = LmoveCommand.side(request, 3);
            int to = from < 0 ? -1 : LmoveCommand.side(request, 4);
            if (from < 0 || to < 0) {
                out.raw(Errors.SYNTAX);
                return;
            }
            fromHead = from == 1;
            toHead = to == 1;
            timeoutArg = 5;
        }
        Keyspace keyspace = client.keyspace();
        long deadline = TimeoutArgument.deadlineOrReply(request, timeoutArg, keyspace.now(), out);
        if (deadline < 0) {
            return;
        }
        byte[] b = request.array();
        int soff = request.offset(1);
        int slen = request.length(1);
        int slot = keyspace.lookup(b, soff, slen);
        if (slot >= 0) {
            ListValue source = Lookup.typedOrReply(keyspace, slot, ListValue.class, out);
            if (source != null) {
                if (client.propagating()) {
                    // As Redis: the blocking form becomes the plain one, the arguments kept as sent.
                    byte[][] argv = brpoplpush ? new byte[][] {Propagated.RPOPLPUSH.clone(), request.copy(1), request.copy(2)}
                            : new byte[][] {Propagated.LMOVE.clone(), request.copy(1), request.copy(2), request.copy(3),
                                request.copy(4)};
                    client.propagateAs(argv);
                }
                ListMove.moveOrReply(keyspace, source, b, soff, slen, b, request.offset(2), request.length(2),
                        fromHead, toHead, client.server().config.encoding.listMaxListpackSize, out);
            }
            return;
        }
        if (client.blockingDenied()) {
            out.nullValue();
            return;
        }
        BlockedListPop.move(client, fromHead, request.copy(2), toHead, brpoplpush).blockOn(request, 1, 1, deadline);
    }
}

package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/**
 * EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT key time [NX|XX|GT|LT], as Redis's expireGenericCommand: a
 * deadline already past deletes the key, and a key without a TTL counts as an infinite TTL for GT and LT.
 */
final class ExpireCommand implements Command {
    private static final byte[] NX_TOKEN = {'n', 'x'};
    private static final byte[] XX_TOKEN = {'x', 'x'};
    private static final byte[] GT_TOKEN = {'g', 't'};
    private static final byte[] LT_TOKEN = {'l', 't'};
    private static final int NX = 1;
    private static final int XX = 2;
    private static final int GT = 4;
    private static final int LT = 8;

    private final String name;
    private final boolean seconds;
    private final boolean relative;

    ExpireCommand(String name, boolean seconds, boolean relative) {
        this.name = name;
        this.seconds = seconds;
        this.relative = relative;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int flags = 0;
        for (int j = 3; j < request.argc(); j++) {
            if (request.is(j, NX_TOKEN)) {
                flags |= NX;
            } else if (request.is(j, XX_TOKEN)) {
                flags |= XX;
            } else if (request.is(j, GT_TOKEN)) {
                flags |= GT;
            } else if (request.is(j, LT_TOKEN)) {
                flags |= LT;
            } else {
                out.error("ERR Unsupported option " + request.string(j));
                return;
            }
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            out.raw(Errors.EXPIRE_NX_CONFLICT);
            return;
        }
        if ((flags & (GT | LT)) == (GT | LT)) {
            out.raw(Errors.EXPIRE_GT_LT_CONFLICT);
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        Keyspace keyspace = client.keyspace();
        long when = request.longValue(2);
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                out.error(Errors.invalidExpireTime(name));
                return;
            }
            when *= 1000;
        }
        long now = keyspace.now();
        long base = relative ? now : 0;
        if (when > Long.MAX_VALUE - base) {
            out.error(Errors.invalidExpireTime(name));
            return;
        }
        when += base;
        int slot = keyspace.lookup(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        if (flags != 0) {
            long current = keyspace.deadline(slot);
            boolean refused = ((flags & NX) != 0 && current != -1)
                    || ((flags & XX) != 0 && current == -1)
                    || ((flags & GT) != 0 && (current == -1 || when <= current))
                    || ((flags & LT) != 0 && current != -1 && when >= current);
            if (refused) {
                out.raw(Replies.ZERO);
                return;
            }
        }
        byte[] b = request.array();
        if (when <= now) {
            keyspace.delete(slot);
            keyspace.changed(KeyspaceEvents.GENERIC, "del", b, request.offset(1), request.length(1));
        } else {
            keyspace.setDeadline(slot, when);
            keyspace.changed(KeyspaceEvents.GENERIC, "expire", b, request.offset(1), request.length(1));
        }
        if (client.propagating()) {
            propagate(client, request, when, when <= now);
        }
        out.raw(Replies.ONE);
    }

    /**
     * As Redis: a deadline in the past propagates as DEL (UNLINK with lazyfree-lazy-expire), any other as
     * PEXPIREAT with the absolute deadline, the options kept; PEXPIREAT itself goes as sent.
     */
    private void propagate(Client client, Request request, long when, boolean deleted) {
        if (deleted) {
            client.propagateAs(Propagated.of(Propagated.deletion(client, "lazyfree-lazy-expire"), request.copy(1)));
        } else if (relative || seconds) {
            byte[][] argv = Propagated.without(request, i -> false);
            argv[0] = Propagated.PEXPIREAT.clone();
            argv[2] = Propagated.number(when);
            client.propagateAs(argv);
        }
    }
}

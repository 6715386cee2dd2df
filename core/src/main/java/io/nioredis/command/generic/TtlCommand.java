package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/**
 * TTL and PTTL key: -2 for no key, -1 for no deadline, else the time left (seconds rounded); EXPIRETIME and
 * PEXPIRETIME key give the deadline itself as a Unix time, as Redis's ttlGenericCommand.
 */
final class TtlCommand implements Command {
    private final boolean millis;
    private final boolean absolute;

    TtlCommand(boolean millis) {
        this(millis, false);
    }

    TtlCommand(boolean millis, boolean absolute) {
        this.millis = millis;
        this.absolute = absolute;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupReadNoTouch(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.MINUS_TWO);
            return;
        }
        long deadline = keyspace.deadline(slot);
        if (deadline < 0) {
            out.raw(Replies.MINUS_ONE);
            return;
        }
        long ttl = Math.max(0, absolute ? deadline : deadline - keyspace.now());
        // Rounded as Redis's (ttl+500)/1000, which wraps as unsigned for a deadline within 500 ms of
        // LLONG_MAX (PEXPIREAT k 9223372036854775807, then EXPIRETIME k: 9223372036854776).
        out.integer(millis ? ttl : Long.divideUnsigned(ttl + 500, 1000));
    }
}

package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetValue;

/**
 * SISMEMBER key member (an integer 1 or 0) and SMISMEMBER key member [member ...] (an array of them). Redis
 * 7.0 replies with integers in RESP3 too.
 */
final class SismemberCommand implements Command {
    private final boolean multi;

    SismemberCommand(boolean multi) {
        this.multi = multi;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (Lookup.checkType(keyspace, slot, SetValue.class, out)) {
            return;
        }
        SetValue set = slot < 0 ? null : (SetValue) keyspace.entry(slot);
        if (multi) {
            out.arrayHeader(request.argc() - 2);
        }
        for (int i = 2; i < request.argc(); i++) {
            boolean member = set != null && set.contains(request.array(), request.offset(i), request.length(i));
            out.raw(member ? Replies.ONE : Replies.ZERO);
        }
    }
}

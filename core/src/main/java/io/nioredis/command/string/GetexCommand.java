package io.nioredis.command.string;

import io.nioredis.command.ExpireTime;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;

/**
 * GETEX key [EX s|PX ms|EXAT s|PXAT ms|PERSIST]: GET that also sets or removes the TTL. The options
 * combine as in Redis's parseExtendedStringArgumentsOrReply for GET: one kind of expiry (repeating it is
 * allowed, the last wins) or PERSIST, never both. A deadline already in the past deletes the key after
 * replying with its value.
 */
final class GetexCommand implements Command {
    private static final byte[] PERSIST_TOKEN = {'p', 'e', 'r', 's', 'i', 's', 't'};
    private static final byte[] EX_TOKEN = {'e', 'x'};
    private static final byte[] PX_TOKEN = {'p', 'x'};
    private static final byte[] EXAT_TOKEN = {'e', 'x', 'a', 't'};
    private static final byte[] PXAT_TOKEN = {'p', 'x', 'a', 't'};
    private static final int PERSIST = 1 << 8;
    private static final int ANY_EXPIRE = SetCommand.EX | SetCommand.PX | SetCommand.EXAT | SetCommand.PXAT;

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int flags = 0;
        int expireArg = -1;
        int argc = request.argc();
        for (int j = 2; j < argc; j++) {
            boolean hasNext = j < argc - 1;
            int option = request.is(j, EX_TOKEN) ? SetCommand.EX
                    : request.is(j, PX_TOKEN) ? SetCommand.PX
                    : request.is(j, EXAT_TOKEN) ? SetCommand.EXAT
                    : request.is(j, PXAT_TOKEN) ? SetCommand.PXAT : 0;
            if (request.is(j, PERSIST_TOKEN) && (flags & ANY_EXPIRE) == 0) {
                flags |= PERSIST;
            } else if (option != 0 && (flags & (PERSIST | ANY_EXPIRE & ~option)) == 0 && hasNext) {
                flags |= option;
                expireArg = ++j;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookupRead(b, koff, klen);
        if (slot < 0) {
            out.nullValue();
            return;
        }
        if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        // Redis checks the time only once it knows the key is a string: a missing key gets nil even for
        // "EX -1".
        long deadline = -1;
        if (expireArg >= 0) {
            int mode = ((flags & (SetCommand.EX | SetCommand.EXAT)) != 0 ? ExpireTime.SECONDS : 0)
                    | ((flags & (SetCommand.EX | SetCommand.PX)) != 0 ? ExpireTime.RELATIVE : 0);
            deadline = ExpireTime.deadlineOrReply(request, expireArg, mode, keyspace.now(), "getex", out);
            if (deadline == ExpireTime.INVALID) {
                return;
            }
        }
        out.bulk(e, StringEntry.valueOffset(e, eb), StringEntry.valueLength(e, eb));
        if (deadline >= 0 && (flags & (SetCommand.EXAT | SetCommand.PXAT)) != 0 && deadline <= keyspace.now()) {
            keyspace.delete(slot);
            keyspace.changed(KeyspaceEvents.GENERIC, "del", b, koff, klen);
            if (client.propagating()) {
                client.propagateAs(Propagated.of(Propagated.deletion(client, "lazyfree-lazy-expire"),
                        request.copy(1)));
            }
        } else if (deadline >= 0) {
            keyspace.setDeadline(slot, deadline);
            keyspace.changed(KeyspaceEvents.GENERIC, "expire", b, koff, klen);
            if (client.propagating()) {
                client.propagateAs(Propagated.of(Propagated.PEXPIREAT, request.copy(1), Propagated.number(deadline)));
            }
        } else if ((flags & PERSIST) != 0 && keyspace.persist(slot)) {
            keyspace.changed(KeyspaceEvents.GENERIC, "persist", b, koff, klen);
            if (client.propagating()) {
                client.propagateAs(Propagated.of(Propagated.PERSIST, request.copy(1)));
            }
        }
    }
}

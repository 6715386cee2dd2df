package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.ExpireTime;
import io.nioredis.command.Propagated;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;

/**
 * SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL], parsed once into bit flags as Redis's
 * parseExtendedStringArgumentsOrReply, including which options may be combined.
 *
 * <p>Overwriting a string with a value of the same length copies the bytes in place, so a steady stream
 * of SETs on existing keys allocates nothing.
 */
final class SetCommand implements Command {
    private static final java.util.List<String> GET_FLAGS = java.util.List.of("RW", "access", "update");
    private static final java.util.List<String> SET_FLAGS = java.util.List.of("OW", "update");

    /** The key's flags as Redis's setGetKeys: read too when a GET follows the value, else only overwritten. */
    static java.util.List<String> keyFlags(Request request, int base) {
        for (int i = base + 3; i < request.argc(); i++) {
            if (request.is(i, GET_TOKEN)) {
                return GET_FLAGS;
            }
        }
        return SET_FLAGS;
    }

    private static final byte[] NX_TOKEN = {'n', 'x'};
    private static final byte[] XX_TOKEN = {'x', 'x'};
    private static final byte[] GET_TOKEN = {'g', 'e', 't'};
    private static final byte[] KEEPTTL_TOKEN = {'k', 'e', 'e', 'p', 't', 't', 'l'};
    private static final byte[] EX_TOKEN = {'e', 'x'};
    private static final byte[] PX_TOKEN = {'p', 'x'};
    private static final byte[] EXAT_TOKEN = {'e', 'x', 'a', 't'};
    private static final byte[] PXAT_TOKEN = {'p', 'x', 'a', 't'};

    static final int NX = 1;
    static final int XX = 1 << 1;
    static final int GET = 1 << 2;
    static final int KEEPTTL = 1 << 3;
    static final int EX = 1 << 4;
    static final int PX = 1 << 5;
    static final int EXAT = 1 << 6;
    static final int PXAT = 1 << 7;
    private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int flags = 0;
        int expireArg = -1;
        int argc = request.argc();
        for (int j = 3; j < argc; j++) {
            boolean hasNext = j < argc - 1;
            if (request.is(j, NX_TOKEN) && (flags & XX) == 0) {
                flags |= NX;
            } else if (request.is(j, XX_TOKEN) && (flags & NX) == 0) {
                flags |= XX;
            } else if (request.is(j, GET_TOKEN)) {
                flags |= GET;
            } else if (request.is(j, KEEPTTL_TOKEN) && (flags & ANY_EXPIRE) == 0) {
                flags |= KEEPTTL;
            } else if (request.is(j, EX_TOKEN) && (flags & (KEEPTTL | ANY_EXPIRE & ~EX)) == 0 && hasNext) {
                flags |= EX;
                expireArg = ++j;
            } else if (request.is(j, PX_TOKEN) && (flags & (KEEPTTL | ANY_EXPIRE & ~PX)) == 0 && hasNext) {
                flags |= PX;
                expireArg = ++j;
            } else if (request.is(j, EXAT_TOKEN) && (flags & (KEEPTTL | ANY_EXPIRE & ~EXAT)) == 0 && hasNext) {
                flags |= EXAT;
                expireArg = ++j;
            } else if (request.is(j, PXAT_TOKEN) && (flags & (KEEPTTL | ANY_EXPIRE & ~PXAT)) == 0 && hasNext) {
                flags |= PXAT;
                expireArg = ++j;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        long deadline = -1;
        if (expireArg >= 0) {
            int mode = ((flags & (EX | EXAT)) != 0 ? ExpireTime.SECONDS : 0)
                    | ((flags & (EX | PX)) != 0 ? ExpireTime.RELATIVE : 0);
            deadline = ExpireTime.deadlineOrReply(request, expireArg, mode, keyspace.now(), "set", out);
            if (deadline == ExpireTime.INVALID) {
                return;
            }
        }
        set(client, request, 1, 2, flags, deadline, out);
    }

    /**
     * The part SET shares with SETNX, SETEX and PSETEX (Redis's setGenericCommand): store the value under
     * the flags' conditions and reply OK, the old value (GET) or nil.
     */
    static void set(Client client, Request request, int keyArg, int valueArg, int flags, long deadline,
                    RespWriter out) {
        set(client, request, keyArg, valueArg, flags, deadline, Replies.OK, null, out);
    }

    /**
     * As above, replying {@code okReply} when the value was stored and {@code abortReply} when NX or XX
     * prevented it, as SETNX replies 1 and 0 (Redis's ok_reply and abort_reply); a null
     * {@code abortReply} means the protocol's null, as SET replies.
     */
    static void set(Client client, Request request, int keyArg, int valueArg, int flags, long deadline,
                    byte[] okReply, byte[] abortReply, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(keyArg);
        int klen = request.length(keyArg);
        int slot = keyspace.lookup(b, koff, klen);
        Object old = slot >= 0 ? keyspace.entry(slot) : null;
        if ((flags & GET) != 0) {
            if (Lookup.checkType(keyspace, slot, byte[].class, out)) {
                return;
            }
            if (old == null) {
                out.nullValue();
            } else {
                byte[] e = (byte[]) old;
                int eb = keyspace.stringBase(slot);
                out.bulk(e, StringEntry.valueOffset(e, eb), StringEntry.valueLength(e, eb));
            }
        }
        if (((flags & NX) != 0 && old != null) || ((flags & XX) != 0 && old == null)) {
            if ((flags & GET) == 0 && abortReply != null) {
                out.raw(abortReply);
            } else if ((flags & GET) == 0) {
                out.nullValue();
            }
            return;
        }
        slot = store(keyspace, slot, b, koff, klen, request.offset(valueArg), request.length(valueArg),
                (flags & KEEPTTL) != 0);
        if (deadline >= 0) {
            keyspace.setDeadline(slot, deadline);
        }
        keyspace.changed(KeyspaceEvents.STRING, "set", b, koff, klen);
        if (deadline >= 0) {
            keyspace.notify(KeyspaceEvents.GENERIC, "expire", b, koff, klen);
        }
        if (client.propagating()) {
            propagate(client, request, keyArg, valueArg, flags, deadline);
        }
        if ((flags & GET) == 0) {
            out.raw(okReply);
        }
    }

    /**
     * Redis 7.0's rewrites in setGenericCommand: any expiry becomes {@code SET key value PXAT <unix ms>} (so a
     * replica or a reloaded AOF expires the key when the master did), else GET options are dropped.
     */
    private static void propagate(Client client, Request request, int keyArg, int valueArg, int flags,
                                  long deadline) {
        if (deadline >= 0) {
            client.propagateAs(Propagated.of(Propagated.SET, request.copy(keyArg), request.copy(valueArg),
                    Propagated.PXAT, Propagated.number(deadline)));
        } else if ((flags & GET) != 0 && keyArg == 1 && valueArg == 2) {
            client.propagateAs(Propagated.without(request, i -> i >= 3 && request.is(i, GET_TOKEN)));
        }
    }

    /**
     * Stores the value under the key found at {@code slot} (-1 if absent), replacing any type, dropping
     * its TTL unless {@code keepTtl}; returns the key's slot. Redis's setKey, without the notification.
     */
    static int store(Keyspace keyspace, int slot, byte[] b, int koff, int klen, int voff, int vlen,
                     boolean keepTtl) {
        if (slot < 0) {
            return keyspace.addStringAfterMiss(b, koff, klen, b, voff, vlen, StringEntry.BY_VALUE);
        }
        // A new object to Redis; copied in place when it has the old one's length
        keyspace.setString(slot, b, voff, vlen, StringEntry.BY_VALUE);
        if (!keepTtl) {
            keyspace.persist(slot);
        }
        return slot;
    }
}

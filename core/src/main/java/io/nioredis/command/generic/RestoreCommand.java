package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.value.PackedLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.rdb.DumpPayload;
import io.nioredis.rdb.DumpPayloadException;
import io.nioredis.rdb.RdbFormatException;
import io.nioredis.rdb.RdbValue;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.AccessTracker;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.RdbConversion;

import java.nio.charset.StandardCharsets;

/**
 * RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency], as Redis 7.0's
 * restoreCommand: options first, then BUSYKEY unless REPLACE, then the TTL, then the payload's footer and
 * value. A TTL already in the past (ABSTTL) restores nothing but still deletes a replaced key.
 */
final class RestoreCommand implements Command {
    private static final byte[] REPLACE = token("replace");
    private static final byte[] ABSTTL = token("absttl");
    private static final byte[] IDLETIME = token("idletime");
    private static final byte[] FREQ = token("freq");

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean replace = false;
        boolean absolute = false;
        long idle = -1;
        long frequency = -1;
        for (int j = 4; j < request.argc(); j++) {
            boolean more = j + 1 < request.argc();
            if (request.is(j, REPLACE)) {
                replace = true;
            } else if (request.is(j, ABSTTL)) {
                absolute = true;
            } else if (request.is(j, IDLETIME) && more && frequency == -1) {
                if (!request.isLong(j + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                idle = request.longValue(++j);
                if (idle < 0) {
                    out.raw(Errors.RESTORE_BAD_IDLETIME);
                    return;
                }
            } else if (request.is(j, FREQ) && more && idle == -1) {
                if (!request.isLong(j + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                frequency = request.longValue(++j);
                if (frequency < 0 || frequency > 255) {
                    out.raw(Errors.RESTORE_BAD_FREQ);
                    return;
                }
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        if (!replace && keyspace.lookup(b, koff, klen) >= 0) {
            out.raw(Errors.BUSYKEY);
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long ttl = request.longValue(2);
        if (ttl < 0) {
            out.raw(Errors.RESTORE_BAD_TTL);
            return;
        }
        RdbValue value;
        try {
            value = DumpPayload.restore(request.copy(3));
        } catch (DumpPayloadException e) {
            out.error(DumpPayload.VERSION_OR_CHECKSUM_WRONG);
            return;
        } catch (RdbFormatException e) {
            out.error(DumpPayload.BAD_DATA_FORMAT);
            return;
        }
        boolean deleted = replace && keyspace.delete(b, koff, klen);
        long now = keyspace.now();
        if (ttl > 0 && !absolute) {
            ttl += now;
        }
        if (ttl > 0 && ttl <= now) {
            if (deleted) {
                keyspace.changed(KeyspaceEvents.GENERIC, "del", b, koff, klen);
                if (client.propagating()) {
                    client.propagateAs(Propagated.of(Propagated.DEL, request.copy(1)));
                }
            }
            out.raw(Replies.OK);
            return;
        }
        EncodingLimits limits = client.server().config.encoding;
        int slot = RdbConversion.addTo(keyspace, request.copy(1), value, limits.setMaxIntsetEntries,
                limits.listMaxListpackSize, new PackedLimits(limits.hashMaxListpackEntries, limits.hashMaxListpackValue,
                        limits.zsetMaxListpackEntries, limits.zsetMaxListpackValue));
        if (ttl > 0) {
            keyspace.setDeadline(slot, ttl);
        }
        AccessTracker access = keyspace.access();
        if (access != null) {
            access.restored(slot, now, frequency, idle);
        }
        keyspace.changed(KeyspaceEvents.GENERIC, "restore", b, koff, klen);
        if (ttl > 0 && !absolute && client.propagating()) {
            // As Redis: a relative TTL goes out as the absolute deadline, with ABSTTL appended.
            byte[][] argv = new byte[request.argc() + 1][];
            for (int i = 0; i < request.argc(); i++) {
                argv[i] = request.copy(i);
            }
            argv[2] = Propagated.number(ttl);
            argv[request.argc()] = Propagated.ABSTTL.clone();
            client.propagateAs(argv);
        }
        out.raw(Replies.OK);
    }

    private static byte[] token(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

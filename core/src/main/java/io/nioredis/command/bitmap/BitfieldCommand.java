package io.nioredis.command.bitmap;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;
import io.nioredis.value.bitmap.Bitfield;
import io.nioredis.value.bitmap.BitfieldRequest;

/**
 * BITFIELD key [GET type offset | SET type offset value | INCRBY type offset increment | OVERFLOW WRAP|SAT|FAIL]...
 * and BITFIELD_RO key [GET type offset]...: every subcommand is parsed before the key is touched; a request with a
 * write grows the string once to the farthest bit written (creating the key even if OVERFLOW FAIL then writes
 * nothing). As Redis 7.0, the "setbit" event and WATCH see a change only when a write happened and either the key
 * was created or grew, or the field's value changed.
 */
final class BitfieldCommand implements Command {
    private static final java.util.List<String> READ_FLAGS = java.util.List.of("RO", "access");
    private static final java.util.List<String> WRITE_FLAGS = java.util.List.of("RW", "access", "update");
    private static final byte[] GET = {'g', 'e', 't'};
    private static final byte[] OVERFLOW = {'o', 'v', 'e', 'r', 'f', 'l', 'o', 'w'};

    /**
     * The key's flags as Redis's bitfieldGetKeys: read-only while every operation is a complete GET or
     * OVERFLOW; a SET, an INCRBY or anything it cannot parse makes it a write.
     */
    static java.util.List<String> keyFlags(Request request, int base) {
        int argc = request.argc() - base;
        for (int i = 2; i < argc; i++) {
            int remaining = argc - i - 1;
            int arg = base + i;
            if (request.is(arg, GET) && remaining >= 2) {
                i += 2;
            } else if (request.is(arg, OVERFLOW) && remaining >= 1) {
                i += 1;
            } else {
                return WRITE_FLAGS; // SET, INCRBY or a syntax error, "safer to assume non-RO"
            }
        }
        return READ_FLAGS;
    }

    private static final byte[] EMPTY = new byte[0];

    private final boolean readOnlyCommand;
    private final StringForBits string = new StringForBits();

    BitfieldCommand(boolean readOnlyCommand) {
        this.readOnlyCommand = readOnlyCommand;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int argc = request.argc();
        byte[][] args = new byte[argc - 2][];
        for (int i = 2; i < argc; i++) {
            args[i - 2] = request.copy(i);
        }
        BitfieldRequest parsed = BitfieldRequest.parse(args, 0, args.length,
                client.server().config.bulk.maxBulkLength);
        if (parsed.error() != null) {
            out.raw(switch (parsed.error()) {
                case SYNTAX -> Errors.SYNTAX;
                case BAD_TYPE -> Errors.BITFIELD_TYPE;
                case BAD_OFFSET -> Errors.BIT_OFFSET;
                case BAD_OVERFLOW -> Errors.BITFIELD_OVERFLOW;
                case NOT_AN_INTEGER -> Errors.NOT_INTEGER;
            });
            return;
        }
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        Keyspace keyspace = client.keyspace();
        if (parsed.isReadOnly()) {
            byte[] value = EMPTY;
            int from = 0;
            int length = 0;
            int slot = keyspace.lookupRead(b, koff, klen);
            if (slot >= 0) {
                if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
                    return;
                }
                byte[] e = keyspace.stringArray(slot);
                int eb = keyspace.stringBase(slot);
                value = e;
                from = StringEntry.valueOffset(e, eb);
                length = StringEntry.valueLength(e, eb);
            }
            out.arrayHeader(parsed.ops().size());
            for (BitfieldRequest.Op op : parsed.ops()) {
                out.integer(BitfieldRequest.run(op, value, from, length));
            }
            return;
        }
        if (readOnlyCommand) {
            out.raw(Errors.BITFIELD_RO_WRITE);
            return;
        }
        if (!string.lookupOrReply(keyspace, b, koff, klen, parsed.bytesNeeded(), out)) {
            return;
        }
        byte[] e = string.entry;
        int from = string.from;
        int length = string.length;
        boolean changed = false;
        out.arrayHeader(parsed.ops().size());
        for (BitfieldRequest.Op op : parsed.ops()) {
            if (op.kind() == BitfieldRequest.Kind.GET) {
                out.integer(BitfieldRequest.run(op, e, from, length));
                continue;
            }
            long before = Bitfield.get(e, from, length, op.type(), op.offset());
            Long reply = BitfieldRequest.run(op, e, from, length);
            if (reply == null) {
                out.nullValue();
                continue;
            }
            out.integer(reply);
            if (string.dirty || before != Bitfield.get(e, from, length, op.type(), op.offset())) {
                changed = true;
            }
        }
        string.release();
        if (changed) {
            keyspace.changed(KeyspaceEvents.STRING, "setbit", b, koff, klen);
        }
    }
}

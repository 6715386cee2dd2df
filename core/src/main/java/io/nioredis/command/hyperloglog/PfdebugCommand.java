package io.nioredis.command.hyperloglog;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.hll.HyperLogLog;

/**
 * PFDEBUG GETREG|DECODE|ENCODING|TODENSE key, Redis's debugging views of an HLL. The key is looked up and checked
 * before the subcommand is, as in Redis; GETREG and TODENSE leave a sparse value dense.
 */
final class PfdebugCommand implements Command {
    private static final byte[] GETREG = "getreg".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DECODE = "decode".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ENCODING = "encoding".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TODENSE = "todense".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, request.offset(2), request.length(2));
        if (slot < 0) {
            out.raw(Errors.PFDEBUG_NO_KEY);
            return;
        }
        if (HllStrings.hllOrReply(keyspace, slot, out) < 0) {
            return;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        HllStrings.unshared(e, eb);
        int from = StringEntry.valueOffset(e, eb);
        int length = StringEntry.valueLength(e, eb);
        if (request.is(1, GETREG)) {
            if (!HyperLogLog.isDense(e, from)) {
                if (!toDenseOrReply(keyspace, slot, e, from, length, out)) {
                    return;
                }
                e = keyspace.stringArray(slot);
                eb = keyspace.stringBase(slot);
                from = StringEntry.valueOffset(e, eb);
            }
            out.arrayHeader(HyperLogLog.REGISTERS);
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                out.integer(HyperLogLog.register(e, from, i));
            }
        } else if (request.is(1, DECODE)) {
            if (HyperLogLog.isDense(e, from)) {
                out.raw(Errors.PFDEBUG_NOT_SPARSE);
                return;
            }
            out.bulk(HyperLogLog.decodeSparse(e, from, length)); // a bulk string, though ENCODING is a status
        } else if (request.is(1, ENCODING)) {
            out.simpleString(HyperLogLog.encodingName(e, from));
        } else if (request.is(1, TODENSE)) {
            if (HyperLogLog.isDense(e, from)) {
                out.raw(Replies.ZERO);
                return;
            }
            if (toDenseOrReply(keyspace, slot, e, from, length, out)) {
                out.raw(Replies.ONE);
            }
        } else {
            out.error(Errors.unknownPfdebugSubcommand(request.string(1)));
        }
    }

    /** Converts the key's sparse value to dense and stores it; false after replying the corruption error. */
    private static boolean toDenseOrReply(Keyspace keyspace, int slot, byte[] e, int from, int length,
                                         RespWriter out) {
        byte[] dense = HyperLogLog.toDense(e, from, length);
        if (dense == null) {
            out.raw(Errors.HLL_CORRUPTED);
            return false;
        }
        keyspace.setString(slot, dense, 0, dense.length, StringEntry.RAW);
        return true;
    }
}

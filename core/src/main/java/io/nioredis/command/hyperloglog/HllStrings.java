package io.nioredis.command.hyperloglog;

import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Lookup;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.hll.HyperLogLog;
import io.nioredis.value.hll.HyperLogLogEditor;

/**
 * The steps the HyperLogLog commands share: Redis's isHLLObjectOrReply (a string, then a valid HLL), the
 * hll-sparse-max-bytes setting, and storing what a {@link HyperLogLogEditor} produced back under the key.
 */
final class HllStrings {
    private HllStrings() {}

    /**
     * The slot if the key holds a valid HLL; -1 after replying WRONGTYPE (another type, or a string that is
     * not an HLL, with Redis's own text for each).
     */
    static int hllOrReply(Keyspace keyspace, int slot, RespWriter out) {
        if (Lookup.stringOrReply(keyspace, slot, out) < 0) {
            return -1;
        }
        byte[] e = keyspace.stringArray(slot);
        int eb = keyspace.stringBase(slot);
        if (!HyperLogLog.isValid(e, StringEntry.valueOffset(e, eb), StringEntry.valueLength(e, eb))) {
            out.raw(Errors.NOT_AN_HLL);
            return -1;
        }
        return slot;
    }

    /**
     * Redis's dbUnshareStringValue, which the HyperLogLog commands call on the key they may write (PFADD,
     * single-key PFCOUNT, PFMERGE's target, PFDEBUG) even when nothing changes: the string is raw after it.
     */
    static void unshared(byte[] e, int eb) {
        StringEntry.made(e, eb, StringEntry.RAW);
    }

    static int sparseMaxBytes(Client client) {
        return (int) Math.min(Integer.MAX_VALUE, client.server().config.encoding.hllSparseMaxBytes);
    }

    /**
     * Makes the editor's value the key's value: nothing to do when it was edited in the key's own array; copied
     * over the old value when the length is unchanged; otherwise a new entry ({@code slot} -1 adds the key).
     */
    static void store(Keyspace keyspace, int slot, byte[] k, int koff, int klen, HyperLogLogEditor editor) {
        if (editor.editedInPlace()) {
            return;
        }
        if (slot >= 0) {
            keyspace.setString(slot, editor.array(), editor.offset(), editor.length(), StringEntry.RAW);
            return;
        }
        keyspace.addString(k, koff, klen, editor.array(), editor.offset(), editor.length(), StringEntry.RAW);
    }
}

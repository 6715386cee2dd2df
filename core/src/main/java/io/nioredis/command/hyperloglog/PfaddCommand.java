package io.nioredis.command.hyperloglog;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.StringEntry;
import io.nioredis.value.hll.HyperLogLogEditor;

/**
 * PFADD key [element ...]: replies 1 when the key was created or a register grew, 0 otherwise. A corrupt sparse
 * value gets Redis's INVALIDOBJ error, keeping what the elements before the corrupt spot changed, unannounced.
 */
final class PfaddCommand implements Command {
    private final HyperLogLogEditor editor = new HyperLogLogEditor();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, koff, klen);
        int updated = 0;
        if (slot < 0) {
            editor.openNew(HllStrings.sparseMaxBytes(client));
            updated++;
        } else {
            if (HllStrings.hllOrReply(keyspace, slot, out) < 0) {
                return;
            }
            byte[] e = keyspace.stringArray(slot);
            int eb = keyspace.stringBase(slot);
            HllStrings.unshared(e, eb);
            int from = StringEntry.valueOffset(e, eb);
            editor.open(e, from, StringEntry.valueLength(e, eb), HllStrings.sparseMaxBytes(client));
        }
        int argc = request.argc();
        for (int j = 2; j < argc; j++) {
            int result = editor.add(b, request.offset(j), request.length(j));
            if (result == HyperLogLogEditor.UPDATED) {
                updated++;
            } else if (result == HyperLogLogEditor.CORRUPTED) {
                HllStrings.store(keyspace, slot, b, koff, klen, editor);
                out.raw(Errors.HLL_CORRUPTED);
                return;
            }
        }
        if (updated > 0) {
            editor.invalidateCache();
            HllStrings.store(keyspace, slot, b, koff, klen, editor);
            keyspace.changed(KeyspaceEvents.STRING, "pfadd", b, koff, klen);
        }
        out.raw(updated > 0 ? Replies.ONE : Replies.ZERO);
    }
}

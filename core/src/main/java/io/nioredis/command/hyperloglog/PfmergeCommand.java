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
import io.nioredis.value.hll.HyperLogLogUnion;

/**
 * PFMERGE destkey [sourcekey ...]: the destination, itself merged as a source, takes the register-wise maximum of
 * all; it becomes dense if any source was. Redis announces it as "pfadd".
 */
final class PfmergeCommand implements Command {
    private final HyperLogLogUnion union = new HyperLogLogUnion();
    private final HyperLogLogEditor editor = new HyperLogLogEditor();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        Keyspace keyspace = client.keyspace();
        union.clear();
        for (int j = 1; j < request.argc(); j++) {
            int slot = keyspace.lookupRead(b, request.offset(j), request.length(j));
            if (slot < 0) {
                continue;
            }
            if (HllStrings.hllOrReply(keyspace, slot, out) < 0) {
                return;
            }
            byte[] e = keyspace.stringArray(slot);
            int eb = keyspace.stringBase(slot);
            int from = StringEntry.valueOffset(e, eb);
            if (!union.add(e, from, StringEntry.valueLength(e, eb))) {
                out.raw(Errors.HLL_CORRUPTED);
                return;
            }
        }
        int koff = request.offset(1);
        int klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            editor.openNew(HllStrings.sparseMaxBytes(client));
        } else {
            byte[] e = keyspace.stringArray(slot); // checked above, as the first source
            int eb = keyspace.stringBase(slot);
            HllStrings.unshared(e, eb);
            int from = StringEntry.valueOffset(e, eb);
            editor.open(e, from, StringEntry.valueLength(e, eb), HllStrings.sparseMaxBytes(client));
        }
        if (editor.merge(union) == HyperLogLogEditor.CORRUPTED) {
            if (slot < 0) {
                HllStrings.store(keyspace, slot, b, koff, klen, editor); // Redis added the key before converting
            }
            out.raw(Errors.HLL_CORRUPTED);
            return;
        }
        HllStrings.store(keyspace, slot, b, koff, klen, editor);
        keyspace.changed(KeyspaceEvents.STRING, "pfadd", b, koff, klen);
        out.raw(Replies.OK);
    }
}

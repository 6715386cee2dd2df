package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.NodeLimits;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamException;
import io.nioredis.value.stream.StreamId;

/**
 * XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]:
 * the new entry's id, as t_stream.c's xaddCommand (events "xadd", then "xtrim" when trimming removed entries).
 */
final class XaddCommand implements Command {
    private final TrimOptions options = new TrimOptions();
    private byte[][] pairs = new byte[16][];

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        NodeLimits limits = StreamAccess.nodeLimits(client);
        if (!options.parse(request, 2, true, limits, out)) return;
        int fieldPos = options.idIndex + 1;
        int fieldArgs = request.argc() - fieldPos;
        if (fieldArgs < 2 || fieldArgs % 2 == 1) {
            out.error(Errors.wrongArity("xadd"));
            return;
        }
        if (options.id.isExplicitZero()) {
            out.error(io.nioredis.value.stream.StreamErrors.XADD_ID_ZERO);
            return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1), klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        Stream stream;
        long before;
        if (slot < 0) {
            if (options.noMkStream) {
                out.nullValue();
                return;
            }
            stream = new Stream(request.copy(1));
            keyspace.add(stream);
            before = stream.memoryUsage();
        } else {
            stream = StreamAccess.streamOrReply(keyspace, slot, out);
            if (stream == null) return;
            before = stream.memoryUsage();
        }
        if (pairs.length < fieldArgs) pairs = new byte[Math.max(fieldArgs, 2 * pairs.length)][];
        for (int i = 0; i < fieldArgs; i++) pairs[i] = request.copy(fieldPos + i);
        StreamId id;
        try {
            id = stream.add(options.id, pairs, 0, fieldArgs / 2, keyspace.now(), limits);
        } catch (StreamException e) {
            java.util.Arrays.fill(pairs, 0, fieldArgs, null);
            out.error(e.getMessage());
            return;
        }
        java.util.Arrays.fill(pairs, 0, fieldArgs, null);
        StreamReplies.id(id, out);
        keyspace.changed(KeyspaceEvents.STREAM, "xadd", b, koff, klen);
        client.server().blocking.signal(keyspace, b, koff, klen);
        if (options.trim != null && stream.trim(options.trim) > 0) {
            keyspace.notify(KeyspaceEvents.STREAM, "xtrim", b, koff, klen);
        }
        keyspace.adjustMemory(stream.memoryUsage() - before);
        if (client.propagating()) {
            propagate(client, request, id, stream);
        }
    }

    /**
     * As Redis's xaddCommand: an id the server chose ("*", "ms-*") is written out as the id it became, and
     * an approximate trim as the exact one it did.
     */
    private void propagate(Client client, Request request, StreamId id, Stream stream) {
        byte[][] argv = new byte[request.argc()][];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = request.copy(i);
        }
        if (options.id.kind() != io.nioredis.value.stream.XaddId.Kind.EXPLICIT) {
            argv[options.idIndex] = id.toBytes();
        }
        options.rewriteApproximateTrim(argv, stream);
        client.propagateAs(argv);
    }
}

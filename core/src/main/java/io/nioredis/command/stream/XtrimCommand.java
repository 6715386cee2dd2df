package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.Stream;

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]: entries removed; a missing key is 0 before parsing. */
final class XtrimCommand implements Command {
    private final TrimOptions options = new TrimOptions();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1), klen = request.length(1);
        // Redis parses the options before it looks the key up.
        if (!options.parse(request, 2, false, StreamAccess.nodeLimits(client), out)) return;
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        Stream stream = StreamAccess.streamOrReply(keyspace, slot, out);
        if (stream == null) return;
        long before = stream.memoryUsage();
        long removed = stream.trim(options.trim);
        if (removed > 0) {
            keyspace.adjustMemory(stream.memoryUsage() - before);
            keyspace.changed(KeyspaceEvents.STREAM, "xtrim", b, koff, klen);
            if (client.propagating()) {
                byte[][] argv = new byte[request.argc()][];
                for (int i = 0; i < argv.length; i++) {
                    argv[i] = request.copy(i);
                }
                options.rewriteApproximateTrim(argv, stream);
                client.propagateAs(argv);
            }
        }
        out.integer(removed);
    }
}

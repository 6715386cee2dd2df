package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.stream.Stream;

/** XLEN key: the number of entries, 0 for a missing key. */
final class XlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        Stream stream = StreamAccess.streamOrReply(keyspace, slot, out);
        if (stream != null) out.integer(stream.length());
    }
}

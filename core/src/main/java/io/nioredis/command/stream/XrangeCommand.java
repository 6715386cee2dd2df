package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamId;

/**
 * XRANGE key start end [COUNT count] and XREVRANGE key end start [COUNT count], as xrangeGenericCommand:
 * the bounds are parsed (start first) before the key is looked up; COUNT 0 or negative replies a null array.
 */
final class XrangeCommand implements Command {
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
    private final boolean reverse;
    private final StreamCursor cursor = new StreamCursor();

    XrangeCommand(boolean reverse) {
        this.reverse = reverse;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int startArg = reverse ? 3 : 2, endArg = reverse ? 2 : 3;
        StreamId start = StreamAccess.boundOrReply(request, startArg, true, out);
        if (start == null) return;
        StreamId end = StreamAccess.boundOrReply(request, endArg, false, out);
        if (end == null) return;
        long count = -1;
        for (int j = 4; j < request.argc(); j++) {
            if (request.is(j, COUNT) && j + 1 < request.argc()) {
                count = StreamAccess.longOrReply(request, j + 1, out);
                if (count == Long.MIN_VALUE) return;
                if (count < 0) count = 0;
                j++;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        Stream stream = StreamAccess.streamOrReply(keyspace, slot, out);
        if (stream == null) return;
        if (count == 0) {
            out.nullArrayValue();
            return;
        }
        StreamReplies.range(stream, cursor, start, end, reverse,
                count == -1 ? 0 : count, out);
    }
}

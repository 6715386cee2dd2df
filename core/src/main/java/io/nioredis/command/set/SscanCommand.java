package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ElementScanArguments;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetValue;
import io.nioredis.store.StringEntry;

/**
 * SSCAN key cursor [MATCH pattern] [COUNT count]: Redis's reverse-binary cursor over the member dict,
 * visiting buckets until COUNT members were collected or ten times COUNT buckets were looked at.
 */
final class SscanCommand implements Command {
    private final ElementScanArguments args = new ElementScanArguments();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 2, out)) {
            return;
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            ElementScanArguments.writeCursor(0, out);
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        SetValue set = SetCommands.asSet(keyspace, slot);
        if (set == null) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        if (!args.optionsOrReply(request, 3, out)) {
            return;
        }
        long cursor = args.collect(set::scan);
        int matched = 0;
        for (int i = 0; i < args.visitedCount; i++) {
            byte[] e = set.entry(args.visited[i]);
            if (args.matches(e, StringEntry.keyOffset(e), StringEntry.keyLength(e))) {
                args.visited[matched++] = args.visited[i];
            }
        }
        ElementScanArguments.writeCursor(cursor, out);
        out.arrayHeader(matched);
        for (int i = 0; i < matched; i++) {
            SetCommands.writeMember(set.entry(args.visited[i]), out);
        }
    }
}

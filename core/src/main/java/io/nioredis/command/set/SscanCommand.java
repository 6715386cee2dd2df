package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ScanArguments;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.SetValue;
import io.nioredis.store.StringEntry;

/**
 * SSCAN key cursor [MATCH pattern] [COUNT count]: Redis's reverse-binary cursor over the member dict,
 * visiting buckets until COUNT members were collected or ten times COUNT buckets were looked at.
 */
final class SscanCommand implements Command {
    private final ScanArguments args = new ScanArguments();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 2, out)) {
            return;
        }
        SetValue set = Lookup.readOrReply(client.keyspace(), request, 1, SetValue.class, Missing.EMPTY_SCAN, out);
        if (set == null || !args.optionsOrReply(request, 3, false, out)) {
            return;
        }
        long cursor = args.collect(set);
        int matched = 0;
        for (int i = 0; i < args.visitedCount; i++) {
            byte[] e = set.entry(args.visited[i]);
            if (args.matches(e, StringEntry.keyOffset(e), StringEntry.keyLength(e))) {
                args.visited[matched++] = args.visited[i];
            }
        }
        ScanArguments.writeCursor(cursor, out);
        out.arrayHeader(matched);
        for (int i = 0; i < matched; i++) {
            SetCommands.writeMember(set.entry(args.visited[i]), out);
        }
    }
}

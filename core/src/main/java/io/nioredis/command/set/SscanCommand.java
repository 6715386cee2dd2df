package io.nioredis.command.set;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ScanArguments;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;

/**
 * SSCAN key cursor [MATCH pattern] [COUNT count]: Redis's reverse-binary cursor over the member dict,
 * visiting buckets until COUNT members were collected or ten times COUNT buckets were looked at. An intset
 * is returned whole, ascending, with cursor 0 whatever the cursor and COUNT, as Redis's scanGenericCommand.
 */
final class SscanCommand implements Command {
    private final ScanArguments args = new ScanArguments();
    private final SetMember view = new SetMember();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!args.cursorOrReply(request, 2, out)) {
            return;
        }
        SetValue set = Lookup.readOrReply(client.keyspace(), request, 1, SetValue.class, Missing.EMPTY_SCAN, out);
        if (set == null || !args.optionsOrReply(request, 3, false, out)) {
            return;
        }
        long cursor = set.isIntset() ? args.visitAll(set.size()) : args.collect(set);
        int matched = 0;
        for (int i = 0; i < args.visitedCount; i++) {
            set.member(args.visited[i], view);
            if (args.matches(view.array, view.offset, view.length)) {
                args.visited[matched++] = args.visited[i];
            }
        }
        ScanArguments.writeCursor(cursor, out);
        out.arrayHeader(matched);
        for (int i = 0; i < matched; i++) {
            SetCommands.writeMember(set, args.visited[i], view, out);
        }
    }
}

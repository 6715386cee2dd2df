package io.nioredis.command.acl;

import io.nioredis.AclLog;
import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.List;

/** ACL LOG [count | RESET]: the newest entries (10 by default), each a map of seven fields, as Redis 7.0. */
final class AclLogCommand {
    private static final byte[] RESET = {'r', 'e', 's', 'e', 't'};

    private AclLogCommand() {}

    static void execute(Client client, Request request, RespWriter out) {
        AclLog log = client.server().aclLog;
        if (request.argc() > 3) {
            out.error(Errors.subcommandSyntax(request.string(1), "ACL"));
            return;
        }
        long count = 10;
        if (request.argc() > 2) {
            if (request.is(2, RESET)) {
                log.reset();
                out.raw(Replies.OK);
                return;
            }
            if (!request.isLong(2)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            count = Math.max(0, request.longValue(2));
        }
        long now = client.server().clock.millis();
        List<AclLog.Entry> entries = log.newest(count);
        out.arrayHeader(entries.size());
        for (AclLog.Entry e : entries) {
            out.mapHeader(7);
            out.bulk("count");
            out.integer(e.count());
            out.bulk("reason");
            out.bulk(e.reason);
            out.bulk("context");
            out.bulk(e.context);
            out.bulk("object");
            out.bulk(e.object);
            out.bulk("username");
            out.bulk(e.username);
            out.bulk("age-seconds");
            out.doubleValue((now - e.millis()) / 1000.0);
            out.bulk("client-info");
            out.bulk(e.clientInfo());
        }
    }
}

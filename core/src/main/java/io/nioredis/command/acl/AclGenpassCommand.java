package io.nioredis.command.acl;

import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.RandomSeed;
import java.util.HexFormat;

/** ACL GENPASS [bits]: random hex, 256 bits unless asked otherwise, from /dev/urandom as Redis's. */
final class AclGenpassCommand {
    private static final int MAX_BITS = 4096;

    private AclGenpassCommand() {}

    static void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.error(Errors.subcommandSyntax(request.string(1), "ACL"));
            return;
        }
        long bits = 256;
        if (request.argc() > 2) {
            if (!request.isLong(2)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            bits = request.longValue(2);
            if (bits <= 0 || bits > MAX_BITS) {
                out.error("ERR ACL GENPASS argument must be the number of bits for the output password, "
                        + "a positive number up to 4096");
                return;
            }
        }
        int chars = (int) ((bits + 3) / 4); // a hex digit per 4 bits, rounded up as Redis does
        out.bulk(HexFormat.of().formatHex(RandomSeed.bytes((chars + 1) / 2)).substring(0, chars));
    }
}

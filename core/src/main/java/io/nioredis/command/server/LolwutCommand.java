package io.nioredis.command.server;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.text.Ascii;

/**
 * LOLWUT [VERSION version]: Redis 7.0 answers every version but 5 and 6 (and no VERSION at all) with only its
 * version line, and so does this. The drawings of versions 5 and 6 (Schotter and the skyline) are not
 * ported yet; they are refused rather than answered with the plain line.
 */
final class LolwutCommand implements Command {
    private static final byte[] VERSION = {'v', 'e', 'r', 's', 'i', 'o', 'n'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        long version = 0;
        if (request.argc() >= 3 && request.is(1, VERSION)) {
            if (!Ascii.isLong(request.array(), request.offset(2), request.length(2))) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            version = Ascii.parseLong(request.array(), request.offset(2), request.length(2));
        }
        if (version == 5 || version == 6) {
            out.raw(Errors.LOLWUT_DRAWING_MISSING);
            return;
        }
        out.bulk("Redis ver. " + ServerState.REDIS_VERSION + "\n");
    }
}

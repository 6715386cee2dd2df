package io.nioredis.command.geo;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.sortedset.SortedSetCommands;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.text.Ascii;
import io.nioredis.value.geo.GeoHash;

/**
 * GEOADD key [NX|XX] [CH] longitude latitude member [...]: as Redis, checks the options and every pair, then
 * becomes ZADD key [options] score member... with each pair's 52-bit geohash as the score, so replies, errors
 * after the coordinates (WRONGTYPE included) and the "zadd" event are ZADD's.
 */
final class GeoaddCommand implements Command {
    private static final byte[] NX = {'n', 'x'};
    private static final byte[] XX = {'x', 'x'};
    private static final byte[] CH = {'c', 'h'};
    private static final byte[] ZADD = {'z', 'a', 'd', 'd'};

    private final Command zadd = SortedSetCommands.zadd();
    private final double[] xy = new double[2];

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int argc = request.argc();
        int first = 2;
        boolean nx = false;
        boolean xx = false;
        for (; first < argc; first++) {
            if (request.is(first, NX)) {
                nx = true;
            } else if (request.is(first, XX)) {
                xx = true;
            } else if (!request.is(first, CH)) {
                break;
            }
        }
        if ((argc - first) % 3 != 0 || (nx && xx)) {
            out.raw(Errors.SYNTAX);
            return;
        }
        int elements = (argc - first) / 3;
        byte[][] args = new byte[first + elements * 2][];
        args[0] = ZADD;
        for (int i = 1; i < first; i++) {
            args[i] = request.copy(i);
        }
        for (int i = 0; i < elements; i++) {
            int arg = first + i * 3;
            if (!GeoArguments.lonLatOrReply(request, arg, xy, out)) {
                return;
            }
            long score = GeoHash.encode(xy[0], xy[1]);
            byte[] text = new byte[Ascii.decimalLength(score)];
            Ascii.writeLong(text, 0, score);
            args[first + i * 2] = text;
            args[first + i * 2 + 1] = request.copy(arg + 2);
        }
        zadd.execute(client, Request.of(args), out);
    }
}

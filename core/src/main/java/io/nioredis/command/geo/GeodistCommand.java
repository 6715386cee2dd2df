package io.nioredis.command.geo;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.geo.GeoDistance;
import io.nioredis.value.geo.GeoFormat;
import io.nioredis.value.geo.GeoUnit;

/**
 * GEODIST key member1 member2 [M|KM|FT|MI]: the distance with four decimals, or a null when the key or either
 * member is missing. The unit is checked before the key, as in Redis.
 */
final class GeodistCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        GeoUnit unit = GeoUnit.M;
        if (request.argc() == 5) {
            unit = GeoArguments.unitOrReply(request, 4, out);
            if (unit == null) {
                return;
            }
        } else if (request.argc() > 5) {
            out.raw(Errors.SYNTAX);
            return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        SortedSetValue zset = Lookup.readOrReply(keyspace, request, 1, SortedSetValue.class, Missing.NULL, out);
        if (zset == null) {
            return;
        }
        double a = zset.score(b, request.offset(2), request.length(2));
        double c = Double.isNaN(a) ? Double.NaN : zset.score(b, request.offset(3), request.length(3));
        if (Double.isNaN(c)) {
            out.nullValue();
            return;
        }
        double meters = GeoDistance.between(GeoScores.longitude(a), GeoScores.latitude(a),
                GeoScores.longitude(c), GeoScores.latitude(c));
        out.bulk(GeoFormat.distance(meters / unit.meters));
    }
}

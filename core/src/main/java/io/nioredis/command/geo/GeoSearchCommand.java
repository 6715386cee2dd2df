package io.nioredis.command.geo;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.geo.GeoBox;
import io.nioredis.value.geo.GeoFormat;
import io.nioredis.value.geo.GeoRadius;
import io.nioredis.value.geo.GeoSearch;
import io.nioredis.value.geo.GeoShape;
import io.nioredis.value.geo.GeoUnit;

/**
 * GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and the two _RO forms: Redis's georadiusGeneric, with
 * its order of checks kept (the type of the source key first, then the centre and shape arguments as they come,
 * then the option conflicts, and only then a missing source key), since clients see which error wins.
 */
final class GeoSearchCommand implements Command {
    /** GEORADIUS: centre from longitude latitude, radius and unit fixed after the key. */
    static final int RADIUS_COORDS = 1;
    /** GEORADIUSBYMEMBER: centre from a member. */
    static final int RADIUS_MEMBER = 1 << 1;
    /** The _RO forms: no STORE or STOREDIST. */
    static final int NO_STORE = 1 << 2;
    /** GEOSEARCH and GEOSEARCHSTORE: FROM... and BY... options. */
    static final int SEARCH = 1 << 3;
    /** GEOSEARCHSTORE: destination first, source second. */
    static final int SEARCH_STORE = 1 << 4;

    private static final byte[] WITHDIST = "withdist".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] WITHHASH = "withhash".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] WITHCOORD = "withcoord".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ANY = "any".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ASC = "asc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DESC = "desc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] COUNT = "count".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] STORE = "store".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] STOREDIST = "storedist".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] FROMMEMBER = "frommember".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] FROMLONLAT = "fromlonlat".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BYRADIUS = "byradius".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BYBOX = "bybox".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final int SORT_NONE = 0;
    private static final int SORT_ASC = 1;
    private static final int SORT_DESC = 2;

    private final int flags;
    private final GeoMatches matches = new GeoMatches();
    private final double[] xy = new double[2];
    private final double[] widthHeight = new double[2];
    private final GeoUnit[] unit = new GeoUnit[1];

    GeoSearchCommand(int flags) {
        this.flags = flags;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        try {
            search(client, request, out);
        } finally {
            matches.clear();
        }
    }

    private void search(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int sourceArg = (flags & SEARCH_STORE) != 0 ? 2 : 1;
        int slot = keyspace.lookupRead(b, request.offset(sourceArg), request.length(sourceArg));
        if (Lookup.checkType(keyspace, slot, SortedSetValue.class, out)) {
            return;
        }
        SortedSetValue zset = slot < 0 ? null : (SortedSetValue) keyspace.entry(slot);

        int base;
        int storeArg = -1;
        boolean storeDist = false;
        boolean box = false;
        double radius = 0;
        if ((flags & RADIUS_COORDS) != 0) {
            base = 6;
            if (!GeoArguments.lonLatOrReply(request, 2, xy, out)) {
                return;
            }
            radius = GeoArguments.radiusOrReply(request, 4, unit, out);
            if (radius < 0) {
                return;
            }
        } else if ((flags & RADIUS_MEMBER) != 0) {
            base = 5;
            if (zset != null) {
                // Without a source key Redis goes on parsing, to know which empty reply to give.
                if (!memberPositionOrReply(zset, request, 2, out)) {
                    return;
                }
                radius = GeoArguments.radiusOrReply(request, 3, unit, out);
                if (radius < 0) {
                    return;
                }
            }
        } else {
            base = 2;
            if ((flags & SEARCH_STORE) != 0) {
                base = 3;
                storeArg = 1;
            }
        }

        boolean withDist = false;
        boolean withHash = false;
        boolean withCoord = false;
        boolean fromMember = false;
        boolean fromLonLat = false;
        boolean byRadius = false;
        boolean byBox = false;
        boolean any = false;
        int sort = SORT_NONE;
        long count = 0;
        boolean search = (flags & SEARCH) != 0;
        boolean canStore = (flags & NO_STORE) == 0 && !search;
        int argc = request.argc();
        int remaining = argc - base;
        for (int i = 0; i < remaining; i++) {
            int arg = base + i;
            if (request.is(arg, WITHDIST)) {
                withDist = true;
            } else if (request.is(arg, WITHHASH)) {
                withHash = true;
            } else if (request.is(arg, WITHCOORD)) {
                withCoord = true;
            } else if (request.is(arg, ANY)) {
                any = true;
            } else if (request.is(arg, ASC)) {
                sort = SORT_ASC;
            } else if (request.is(arg, DESC)) {
                sort = SORT_DESC;
            } else if (request.is(arg, COUNT) && i + 1 < remaining) {
                if (!request.isLong(arg + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                count = request.longValue(arg + 1);
                if (count <= 0) {
                    out.raw(Errors.GEO_COUNT_NOT_POSITIVE);
                    return;
                }
                i++;
            } else if (request.is(arg, STORE) && i + 1 < remaining && canStore) {
                storeArg = arg + 1;
                storeDist = false;
                i++;
            } else if (request.is(arg, STOREDIST) && i + 1 < remaining && canStore) {
                storeArg = arg + 1;
                storeDist = true;
                i++;
            } else if (request.is(arg, STOREDIST) && search && (flags & SEARCH_STORE) != 0) {
                storeDist = true;
            } else if (request.is(arg, FROMMEMBER) && i + 1 < remaining && search && !fromLonLat) {
                if (zset != null && !memberPositionOrReply(zset, request, arg + 1, out)) {
                    return;
                }
                fromMember = true;
                i++;
            } else if (request.is(arg, FROMLONLAT) && i + 2 < remaining && search && !fromMember) {
                if (!GeoArguments.lonLatOrReply(request, arg + 1, xy, out)) {
                    return;
                }
                fromLonLat = true;
                i += 2;
            } else if (request.is(arg, BYRADIUS) && i + 2 < remaining && search && !byBox) {
                radius = GeoArguments.radiusOrReply(request, arg + 1, unit, out);
                if (radius < 0) {
                    return;
                }
                box = false;
                byRadius = true;
                i += 2;
            } else if (request.is(arg, BYBOX) && i + 3 < remaining && search && !byRadius) {
                if (!GeoArguments.boxOrReply(request, arg + 1, widthHeight, unit, out)) {
                    return;
                }
                box = true;
                byBox = true;
                i += 3;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }

        if (storeArg >= 0 && (withDist || withHash || withCoord)) {
            out.raw((flags & SEARCH_STORE) != 0 ? Errors.GEOSEARCHSTORE_WITH : Errors.GEORADIUS_STORE_WITH);
            return;
        }
        if (search && !(fromMember || fromLonLat)) {
            out.error(Errors.geoOneFrom(request.string(0)));
            return;
        }
        if (search && !(byRadius || byBox)) {
            out.error(Errors.geoOneBy(request.string(0)));
            return;
        }
        if (any && count == 0) {
            out.raw(Errors.GEO_ANY_WITHOUT_COUNT);
            return;
        }
        if (zset == null) {
            if (storeArg >= 0) {
                deleteDestination(keyspace, request, storeArg);
                out.raw(Replies.ZERO);
            } else {
                out.raw(Replies.EMPTY_ARRAY);
            }
            return;
        }
        // COUNT without an order means the nearest ones, except with ANY.
        if (count != 0 && sort == SORT_NONE && !any) {
            sort = SORT_ASC;
        }

        GeoShape shape = box
                ? new GeoBox(xy[0], xy[1], widthHeight[0], widthHeight[1], unit[0])
                : new GeoRadius(xy[0], xy[1], radius, unit[0]);
        matches.collect(zset, GeoSearch.areas(shape), shape, any ? count : 0);
        int found = matches.size();
        if (found == 0 && storeArg < 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        int returned = count == 0 || found < count ? found : (int) count;
        if (sort != SORT_NONE) {
            matches.sort(sort == SORT_DESC);
        }
        double conversion = unit[0].meters;
        if (storeArg < 0) {
            reply(zset, returned, withDist, withHash, withCoord, conversion, out);
        } else {
            store(keyspace, request, zset, storeArg, returned, storeDist, conversion,
                    client.server().config.encoding);
            out.integer(returned);
        }
    }

    /** Redis's longLatFromMember: the member's position into {@link #xy}; false after replying. */
    private boolean memberPositionOrReply(SortedSetValue zset, Request request, int arg, RespWriter out) {
        double score = zset.score(request.array(), request.offset(arg), request.length(arg));
        if (Double.isNaN(score)) {
            out.raw(Errors.GEO_UNDECODABLE_MEMBER);
            return false;
        }
        xy[0] = GeoScores.longitude(score);
        xy[1] = GeoScores.latitude(score);
        return true;
    }

    private void reply(SortedSetValue zset, int returned, boolean withDist, boolean withHash, boolean withCoord,
                       double conversion, RespWriter out) {
        int options = (withDist ? 1 : 0) + (withHash ? 1 : 0) + (withCoord ? 1 : 0);
        out.arrayHeader(returned);
        for (int i = 0; i < returned; i++) {
            long rank = matches.rank(i);
            if (options > 0) {
                out.arrayHeader(options + 1);
            }
            out.bulk(zset.memberArray(rank), zset.memberOffset(rank), zset.memberLength(rank));
            if (withDist) {
                out.bulk(GeoFormat.distance(matches.distance(i) / conversion));
            }
            if (withHash) {
                out.integer((long) zset.score(rank));
            }
            if (withCoord) {
                out.arrayHeader(2);
                out.formattedDouble(GeoFormat.coordinate(matches.longitude(i)));
                out.formattedDouble(GeoFormat.coordinate(matches.latitude(i)));
            }
        }
    }

    /**
     * STORE, STOREDIST and GEOSEARCHSTORE: the first {@code returned} matches become a new sorted set replacing
     * the destination (its TTL dropped), scored by geohash or by distance in the unit; none deletes it.
     */
    private void store(Keyspace keyspace, Request request, SortedSetValue zset, int storeArg, int returned,
                       boolean storeDist, double conversion, EncodingLimits limits) {
        if (returned == 0) {
            deleteDestination(keyspace, request, storeArg);
            return;
        }
        byte[] b = request.array();
        int koff = request.offset(storeArg);
        int klen = request.length(storeArg);
        SortedSetValue result = new SortedSetValue(request.copy(storeArg));
        for (int i = 0; i < returned; i++) {
            long rank = matches.rank(i);
            double score = storeDist ? matches.distance(i) / conversion : zset.score(rank);
            result.add(score, zset.memberArray(rank), zset.memberOffset(rank), zset.memberLength(rank),
                    limits.zsetMaxListpackEntries, limits.zsetMaxListpackValue);
        }
        result.trimToSize();
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            keyspace.add(result);
        } else {
            keyspace.replace(slot, result);
            keyspace.persist(slot);
        }
        keyspace.changed(KeyspaceEvents.ZSET, (flags & SEARCH) != 0 ? "geosearchstore" : "georadiusstore",
                b, koff, klen);
    }

    private static void deleteDestination(Keyspace keyspace, Request request, int storeArg) {
        byte[] b = request.array();
        int koff = request.offset(storeArg);
        int klen = request.length(storeArg);
        if (keyspace.delete(b, koff, klen)) {
            keyspace.changed(KeyspaceEvents.GENERIC, "del", b, koff, klen);
        }
    }
}

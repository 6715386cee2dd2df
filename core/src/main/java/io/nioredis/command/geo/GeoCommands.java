package io.nioredis.command.geo;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import java.util.List;

/**
 * The GEO family (Redis's geo.c): geo sets are sorted sets scored by 52-bit geohashes, with arity, flags and key
 * specs as Redis 7.0's COMMAND INFO. GEORADIUS and GEORADIUSBYMEMBER also name a key after STORE or STOREDIST,
 * which Redis declares with keyword key specs; KeySpec has no keyword form yet, so only their source key spec is
 * declared here, and the movablekeys flag says, as in Redis, that the keys move.
 */
public final class GeoCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "geoadd geopos geodist geohash geosearch geosearchstore georadius "
            + "georadius_ro georadiusbymember georadiusbymember_ro";

    private static final CommandFactory IMPLEMENTATIONS = GeoCommands::implementation;

    private GeoCommands() {}

    private static final String RADIUS_COMPLEXITY = "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.";
    private static final String SEARCH_COMPLEXITY = "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape";

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.GEO.command("geoadd", -5, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("3.2.0")
                .history("6.2.0", "Added the `CH`, `NX` and `XX` options.")
                .complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
                .summary("Add places by longitude and latitude to a geo index")
                .args("key condition=[NX|XX]@6.2.0 [change=CH]@6.2.0 longitude_latitude_member=(longitude latitude member)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("geopos", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("3.2.0")
                .complexity("O(N) where N is the number of members requested.")
                .summary("Reply with the longitude and latitude of places")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("geodist", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("3.2.0")
                .complexity("O(log(N))")
                .summary("Reply with the distance between two places")
                .args("key member1 member2 unit=[M|KM|FT|MI]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("geohash", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("3.2.0")
                .complexity("O(log(N)) for each member requested, where N is the number of elements in the sorted set.")
                .summary("Reply with the geohash strings of places")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("geosearch", -7, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.2.0")
                .history("7.0.0", "Added support for uppercase unit names.")
                .complexity(SEARCH_COMPLEXITY)
                .summary("Find the places inside a circle or box")
                .args("key from=(FROMMEMBER:member|longitude_latitude=FROMLONLAT:(longitude latitude)) by=(circle=(BYRADIUS:radius unit=(M|KM|FT|MI))|box=(BYBOX:width height unit=(M|KM|FT|MI))) order=[ASC|DESC] count=[COUNT:count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("geosearchstore", -8, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.range(2, 0, 1, "RO", "access"))
                .since("6.2.0")
                .history("7.0.0", "Added support for uppercase unit names.")
                .complexity(SEARCH_COMPLEXITY)
                .summary("Store the places inside a circle or box under a key")
                .args("destination source from=(FROMMEMBER:member|longitude_latitude=FROMLONLAT:(longitude latitude)) by=(circle=(BYRADIUS:radius unit=(M|KM|FT|MI))|box=(BYBOX:width height unit=(M|KM|FT|MI))) order=[ASC|DESC] count=[COUNT:count [ANY]] [STOREDIST]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("georadius", -6, WRITE | DENYOOM | MOVABLE_KEYS)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"), KeySpec.keyword("STORE", 6, 0, 1, 0, "OW", "update"),
                        KeySpec.keyword("STOREDIST", 6, 0, 1, 0, "OW", "update"))
                .since("3.2.0")
                .deprecated("6.2.0", "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument")
                .history("6.2.0", "Added the `ANY` option for `COUNT`.", "7.0.0", "Added support for uppercase unit names.")
                .complexity(RADIUS_COMPLEXITY)
                .summary("Find the places within a radius of a point (older form of GEOSEARCH)")
                .args("key longitude latitude radius unit=(M|KM|FT|MI) [WITHCOORD] [WITHDIST] [WITHHASH] count=[COUNT:count [ANY]@6.2.0] order=[ASC|DESC] [STORE:key] [STOREDIST:key]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("georadius_ro", -6, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("3.2.10")
                .deprecated("6.2.0", "`GEOSEARCH` with the `BYRADIUS` argument")
                .history("6.2.0", "Added the `ANY` option for `COUNT`.")
                .complexity(RADIUS_COMPLEXITY)
                .summary("Find the places within a radius of a point, read-only")
                .args("key longitude latitude radius unit=(M|KM|FT|MI) [WITHCOORD] [WITHDIST] [WITHHASH] count=[COUNT:count [ANY]@6.2.0] order=[ASC|DESC]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("georadiusbymember", -5, WRITE | DENYOOM | MOVABLE_KEYS)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"), KeySpec.keyword("STORE", 5, 0, 1, 0, "OW", "update"),
                        KeySpec.keyword("STOREDIST", 5, 0, 1, 0, "OW", "update"))
                .since("3.2.0")
                .deprecated("6.2.0", "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments")
                .history("7.0.0", "Added support for uppercase unit names.")
                .complexity(RADIUS_COMPLEXITY)
                .summary("Find the places within a radius of a place (older form of GEOSEARCH)")
                .args("key member radius unit=(M|KM|FT|MI) [WITHCOORD] [WITHDIST] [WITHHASH] count=[COUNT:count [ANY]] order=[ASC|DESC] [STORE:key] [STOREDIST:key]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GEO.command("georadiusbymember_ro", -5, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("3.2.10")
                .deprecated("6.2.0", "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments")
                .complexity(RADIUS_COMPLEXITY)
                .summary("Find the places within a radius of a place, read-only")
                .args("key member radius unit=(M|KM|FT|MI) [WITHCOORD] [WITHDIST] [WITHHASH] count=[COUNT:count [ANY]] order=[ASC|DESC]")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "geoadd" -> new GeoaddCommand();
            case "geopos" -> new GeoposCommand();
            case "geodist" -> new GeodistCommand();
            case "geohash" -> new GeohashCommand();
            case "geosearch" -> new GeoSearchCommand(GeoSearchCommand.SEARCH);
            case "geosearchstore" -> new GeoSearchCommand(GeoSearchCommand.SEARCH | GeoSearchCommand.SEARCH_STORE);
            case "georadius" -> new GeoSearchCommand(GeoSearchCommand.RADIUS_COORDS);
            case "georadius_ro" -> new GeoSearchCommand(GeoSearchCommand.RADIUS_COORDS | GeoSearchCommand.NO_STORE);
            case "georadiusbymember" -> new GeoSearchCommand(GeoSearchCommand.RADIUS_MEMBER);
            case "georadiusbymember_ro" -> new GeoSearchCommand(GeoSearchCommand.RADIUS_MEMBER | GeoSearchCommand.NO_STORE);
            default -> throw new IllegalArgumentException(name);
        };
    }
}

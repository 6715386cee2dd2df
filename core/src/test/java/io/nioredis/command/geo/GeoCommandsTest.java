package io.nioredis.command.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.EventRecorder;
import org.junit.jupiter.api.Test;

/** Geo events and RESP3 replies, as redis-server 7.0.15 gives them. */
class GeoCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void eventsAreZaddsAndStores() {
        EventRecorder recorder = new EventRecorder();
        h.client.keyspace().events(recorder);
        h.run("GEOADD", "g", "1", "2", "m");
        h.run("GEOADD", "g", "1", "2", "m");
        h.run("GEOSEARCHSTORE", "gs", "g", "FROMLONLAT", "1", "2", "BYRADIUS", "10", "km");
        h.run("GEOSEARCHSTORE", "gs", "g", "FROMLONLAT", "50", "2", "BYRADIUS", "10", "km");
        h.run("GEORADIUS", "g", "1", "2", "10", "km", "STORE", "gr");
        h.run("SET", "x", "1");
        h.run("GEOSEARCHSTORE", "x", "missing", "FROMLONLAT", "50", "2", "BYRADIUS", "10", "km");
        recorder.events.removeIf(e -> e.startsWith("keymiss ")); // KEA leaves out key misses
        assertThat(recorder.events).containsExactly("zadd g", "geosearchstore gs", "del gs", "georadiusstore gr",
                "set x", "del x");
    }

    @Test
    void coordinatesAreDoublesInResp3() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo");
        Client resp3 = new Client(2, h.state);
        resp3.protocol(3);
        assertThat(h.runAs(resp3, "GEOPOS", "g", "Palermo", "nope")).isEqualTo(
                "*2\r\n*2\r\n,13.36138933897018433\r\n,38.11555639549629859\r\n_\r\n");
        assertThat(h.runAs(resp3, "GEOSEARCH", "g", "FROMLONLAT", "13", "38", "BYRADIUS", "100", "km", "WITHDIST",
                "WITHCOORD")).isEqualTo("*1\r\n*3\r\n$7\r\nPalermo\r\n$7\r\n34.1601\r\n"
                + "*2\r\n,13.36138933897018433\r\n,38.11555639549629859\r\n");
        assertThat(h.runAs(resp3, "GEOHASH", "g", "nope")).isEqualTo("*1\r\n_\r\n");
    }
}

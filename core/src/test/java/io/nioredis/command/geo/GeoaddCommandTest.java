package io.nioredis.command.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * GEOADD, GEOPOS, GEODIST and GEOHASH on sorted sets.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class GeoaddCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void addsAsZaddWithGeohashScores() {
        assertThat(h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania")).isEqualTo(":2\r\n");
        assertThat(h.run("GEOADD", "g", "NX", "13.361389", "38.115556", "Palermo", "2", "3", "x")).isEqualTo(":1\r\n");
        assertThat(h.run("GEOADD", "g", "XX", "CH", "13.0", "38.0", "Palermo", "2", "3", "y")).isEqualTo(":1\r\n");
        assertThat(h.run("GEOADD", "g", "ch", "1", "2", "m")).isEqualTo(":1\r\n");
        assertThat(h.run("ZRANGE", "g", "0", "-1", "WITHSCORES")).isEqualTo("*8\r\n$1\r\nm\r\n$16\r\n3378080408407459\r\n$1\r\nx\r\n$16\r\n3378964761752270\r\n$7\r\nPalermo\r\n$16\r\n3479065152021743\r\n$7\r\nCatania\r\n$16\r\n3479447370796909\r\n");
        assertThat(h.run("TYPE", "g")).isEqualTo("+zset\r\n");
    }

    @Test
    void argumentErrorsInRedisOrder() {
        assertThat(h.run("GEOADD", "g", "NX", "XX", "1", "2", "m")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOADD", "g", "1", "2")).isEqualTo("-ERR wrong number of arguments for 'geoadd' command\r\n");
        assertThat(h.run("GEOADD", "g", "ch", "ch", "ch")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOADD", "g", "gt", "1", "2", "m")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOADD", "g", "200", "2", "m")).isEqualTo("-ERR invalid longitude,latitude pair 200.000000,2.000000\r\n");
        assertThat(h.run("GEOADD", "g", "abc", "2", "m")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("GEOADD", "g", "1", "abc", "m")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("GEOADD", "g", "1", "85.06", "m")).isEqualTo("-ERR invalid longitude,latitude pair 1.000000,85.060000\r\n");
        assertThat(h.run("GEOADD", "g", "inf", "0", "m")).isEqualTo("-ERR invalid longitude,latitude pair inf,0.000000\r\n");
        assertThat(h.run("GEOADD", "g", "1", "2", "m", "3", "400", "n")).isEqualTo("-ERR invalid longitude,latitude pair 3.000000,400.000000\r\n");
        assertThat(h.run("EXISTS", "g")).isEqualTo(":0\r\n");
        h.run("SET", "s", "x");
        assertThat(h.run("GEOADD", "s", "1", "2", "m")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("GEOADD", "s", "1", "200", "m")).isEqualTo("-ERR invalid longitude,latitude pair 1.000000,200.000000\r\n");
    }

    @Test
    void positionsHashesAndDistances() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
        assertThat(h.run("GEOPOS", "g", "Palermo", "Catania", "nope")).isEqualTo("*3\r\n*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n*2\r\n$20\r\n15.08726745843887329\r\n$20\r\n37.50266842333162032\r\n*-1\r\n");
        assertThat(h.run("GEOPOS", "missing", "a", "b")).isEqualTo("*2\r\n*-1\r\n*-1\r\n");
        assertThat(h.run("GEOHASH", "g", "Palermo", "Catania", "nope")).isEqualTo("*3\r\n$11\r\nsqc8b49rny0\r\n$11\r\nsqdtr74hyu0\r\n$-1\r\n");
        assertThat(h.run("GEOHASH", "missing", "a")).isEqualTo("*1\r\n$-1\r\n");
        assertThat(h.run("GEODIST", "g", "Palermo", "Catania")).isEqualTo("$11\r\n166274.1516\r\n");
        assertThat(h.run("GEODIST", "g", "Palermo", "Catania", "km")).isEqualTo("$8\r\n166.2742\r\n");
        assertThat(h.run("GEODIST", "g", "Palermo", "Catania", "MI")).isEqualTo("$8\r\n103.3182\r\n");
        assertThat(h.run("GEODIST", "g", "Palermo", "Catania", "ft")).isEqualTo("$11\r\n545518.8700\r\n");
        assertThat(h.run("GEODIST", "g", "Palermo", "nope")).isEqualTo("$-1\r\n");
        assertThat(h.run("GEODIST", "missing", "a", "b")).isEqualTo("$-1\r\n");
        assertThat(h.run("GEODIST", "g", "a", "b", "parsec")).isEqualTo("-ERR unsupported unit provided. please use M, KM, FT, MI\r\n");
        assertThat(h.run("GEODIST", "g", "a", "b", "km", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEODIST", "missing", "a", "b", "parsec")).isEqualTo("-ERR unsupported unit provided. please use M, KM, FT, MI\r\n");
    }

    @Test
    void scoresThatAreNotGeohashes() {
        h.run("ZADD", "weird", "1e300", "a", "-5", "b", "4503599627370496", "c", "-1e300", "e", "inf", "f");
        assertThat(h.run("GEOPOS", "weird", "a", "b", "c", "e", "f")).isEqualTo("*5\r\n*2\r\n$22\r\n-179.99999731779098511\r\n$21\r\n-85.05112751263942528\r\n*2\r\n$3\r\n180\r\n$19\r\n85.0511287799999991\r\n*2\r\n$22\r\n-179.99999731779098511\r\n$19\r\n85.0511287799999991\r\n*2\r\n$3\r\n180\r\n$21\r\n-85.05112751263942528\r\n*2\r\n$22\r\n-179.99999731779098511\r\n$21\r\n-85.05112751263942528\r\n");
        assertThat(h.run("GEOHASH", "weird", "a", "b", "c", "e", "f")).isEqualTo("*5\r\n$11\r\n00bh0hbj200\r\n$11\r\nbp05b5048p0\r\n$11\r\nbp05b5048p0\r\n$11\r\n00bh0hbj200\r\n$11\r\n00bh0hbj200\r\n");
        assertThat(h.run("GEODIST", "weird", "a", "b")).isEqualTo("$13\r\n18919844.5891\r\n");
    }

    @Test
    void wrongType() {
        h.run("SET", "s", "x");
        assertThat(h.run("GEOPOS", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("GEOHASH", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("GEODIST", "s", "a", "b")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }
}

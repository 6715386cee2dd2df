package io.nioredis.command.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and their _RO forms.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class GeoSearchCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void searchesByRadiusAndBox() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania", "13.583333", "37.316667", "Agrigento", "12.758489", "38.788135", "edge1", "17.241510", "38.788135", "edge2");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC")).isEqualTo("*3\r\n$7\r\nCatania\r\n$9\r\nAgrigento\r\n$7\r\nPalermo\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "DESC", "WITHCOORD", "WITHDIST", "WITHHASH")).isEqualTo("*3\r\n*4\r\n$7\r\nPalermo\r\n$8\r\n190.4424\r\n:3479099956230698\r\n*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n*4\r\n$9\r\nAgrigento\r\n$8\r\n130.4235\r\n:3479030013248308\r\n*2\r\n$19\r\n13.5833314061164856\r\n$20\r\n37.31666804993816555\r\n*4\r\n$7\r\nCatania\r\n$7\r\n56.4413\r\n:3479447370796909\r\n*2\r\n$20\r\n15.08726745843887329\r\n$20\r\n37.50266842333162032\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYBOX", "400", "400", "km", "ASC", "WITHCOORD", "WITHDIST", "WITHHASH")).isEqualTo("*4\r\n*4\r\n$7\r\nPalermo\r\n$6\r\n0.0000\r\n:3479099956230698\r\n*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n*4\r\n$9\r\nAgrigento\r\n$7\r\n90.9778\r\n:3479030013248308\r\n*2\r\n$19\r\n13.5833314061164856\r\n$20\r\n37.31666804993816555\r\n*4\r\n$5\r\nedge1\r\n$7\r\n91.4007\r\n:3479273021651468\r\n*2\r\n$19\r\n12.7584877610206604\r\n$20\r\n38.78813451624225195\r\n*4\r\n$7\r\nCatania\r\n$8\r\n166.2742\r\n:3479447370796909\r\n*2\r\n$20\r\n15.08726745843887329\r\n$20\r\n37.50266842333162032\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYBOX", "400", "400", "km", "COUNT", "2", "ASC")).isEqualTo("*2\r\n$7\r\nPalermo\r\n$9\r\nAgrigento\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYBOX", "400", "400", "km", "COUNT", "2", "ANY")).isEqualTo("*2\r\n$9\r\nAgrigento\r\n$7\r\nPalermo\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYBOX", "400", "400", "km", "COUNT", "2", "ANY", "DESC")).isEqualTo("*2\r\n$9\r\nAgrigento\r\n$7\r\nPalermo\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYBOX", "40000", "40000", "km", "ASC", "WITHDIST")).isEqualTo("*5\r\n*2\r\n$9\r\nAgrigento\r\n$9\r\n4379.1162\r\n*2\r\n$7\r\nCatania\r\n$9\r\n4449.6961\r\n*2\r\n$7\r\nPalermo\r\n$9\r\n4454.7332\r\n*2\r\n$5\r\nedge1\r\n$9\r\n4506.4666\r\n*2\r\n$5\r\nedge2\r\n$9\r\n4659.1422\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km")).isEqualTo("*0\r\n");
        assertThat(h.run("GEOSEARCH", "missing", "FROMMEMBER", "nope", "BYBOX", "400", "400", "km")).isEqualTo("*0\r\n");
    }

    @Test
    void argumentErrorsInRedisOrder() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo");
        assertThat(h.run("GEOSEARCH", "g", "FROMMEMBER", "nope", "BYBOX", "400", "400", "km")).isEqualTo("-ERR could not decode requested zset member\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "COUNT", "0")).isEqualTo("-ERR COUNT must be > 0\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "COUNT", "-1")).isEqualTo("-ERR COUNT must be > 0\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "COUNT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ANY")).isEqualTo("-ERR the ANY argument requires COUNT argument\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "-1", "km")).isEqualTo("-ERR radius cannot be negative\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "x", "km")).isEqualTo("-ERR need numeric radius\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "parsec")).isEqualTo("-ERR unsupported unit provided. please use M, KM, FT, MI\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYBOX", "x", "1", "km")).isEqualTo("-ERR need numeric width\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYBOX", "1", "x", "km")).isEqualTo("-ERR need numeric height\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYBOX", "-1", "1", "km")).isEqualTo("-ERR height or width cannot be negative\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYBOX", "1", "1", "pc")).isEqualTo("-ERR unsupported unit provided. please use M, KM, FT, MI\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "FROMMEMBER", "Palermo", "BYRADIUS", "1", "km")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOSEARCH", "g", "BYRADIUS", "1", "km")).isEqualTo("-ERR wrong number of arguments for 'geosearch' command\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "WITHDIST")).isEqualTo("-ERR wrong number of arguments for 'geosearch' command\r\n");
        assertThat(h.run("geosearch", "g", "FROMLONLAT", "15", "37", "WITHDIST")).isEqualTo("-ERR wrong number of arguments for 'geosearch' command\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "km", "BYBOX", "1", "1", "km")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "km", "STOREDIST")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "km", "STORE", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "200", "37", "BYRADIUS", "1", "km")).isEqualTo("-ERR invalid longitude,latitude pair 200.000000,37.000000\r\n");
        assertThat(h.run("GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "km", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "WITHDIST")).isEqualTo("-ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options\r\n");
        h.run("SET", "s", "x");
        assertThat(h.run("GEOSEARCH", "s", "FROMLONLAT", "200", "37", "BYRADIUS", "1", "km")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "s", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void storesResults() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania", "13.583333", "37.316667", "Agrigento");
        h.run("SET", "dst", "x", "EX", "100");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km")).isEqualTo(":3\r\n");
        assertThat(h.run("ZRANGE", "dst", "0", "-1", "WITHSCORES")).isEqualTo("*6\r\n$9\r\nAgrigento\r\n$16\r\n3479030013248308\r\n$7\r\nPalermo\r\n$16\r\n3479099956230698\r\n$7\r\nCatania\r\n$16\r\n3479447370796909\r\n");
        assertThat(h.run("TTL", "dst")).isEqualTo(":-1\r\n");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "STOREDIST")).isEqualTo(":3\r\n");
        assertThat(h.run("ZRANGE", "dst", "0", "-1", "WITHSCORES")).isEqualTo("*6\r\n$7\r\nCatania\r\n$18\r\n56.441257870158204\r\n$9\r\nAgrigento\r\n$18\r\n130.42348706714702\r\n$7\r\nPalermo\r\n$18\r\n190.44242984775784\r\n");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "STOREDIST", "COUNT", "1", "DESC")).isEqualTo(":1\r\n");
        assertThat(h.run("ZRANGE", "dst", "0", "-1", "WITHSCORES")).isEqualTo("*2\r\n$7\r\nPalermo\r\n$18\r\n190.44242984775784\r\n");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "dst")).isEqualTo(":0\r\n");
        h.run("SET", "dst", "x");
        assertThat(h.run("GEOSEARCHSTORE", "dst", "missing", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "dst")).isEqualTo(":0\r\n");
    }

    @Test
    void georadiusForms() {
        h.run("GEOADD", "g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania", "13.583333", "37.316667", "Agrigento");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km")).isEqualTo("*3\r\n$9\r\nAgrigento\r\n$7\r\nPalermo\r\n$7\r\nCatania\r\n");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km", "WITHDIST", "WITHCOORD", "ASC")).isEqualTo("*3\r\n*3\r\n$7\r\nCatania\r\n$7\r\n56.4413\r\n*2\r\n$20\r\n15.08726745843887329\r\n$20\r\n37.50266842333162032\r\n*3\r\n$9\r\nAgrigento\r\n$8\r\n130.4235\r\n*2\r\n$19\r\n13.5833314061164856\r\n$20\r\n37.31666804993816555\r\n*3\r\n$7\r\nPalermo\r\n$8\r\n190.4424\r\n*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km", "WITHDIST", "COUNT", "1")).isEqualTo("*1\r\n*2\r\n$7\r\nCatania\r\n$7\r\n56.4413\r\n");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km", "STORE", "out")).isEqualTo(":3\r\n");
        assertThat(h.run("ZRANGE", "out", "0", "-1", "WITHSCORES")).isEqualTo("*6\r\n$9\r\nAgrigento\r\n$16\r\n3479030013248308\r\n$7\r\nPalermo\r\n$16\r\n3479099956230698\r\n$7\r\nCatania\r\n$16\r\n3479447370796909\r\n");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km", "STOREDIST", "out", "DESC")).isEqualTo(":3\r\n");
        assertThat(h.run("ZRANGE", "out", "0", "-1", "WITHSCORES")).isEqualTo("*6\r\n$7\r\nCatania\r\n$18\r\n56.441257870158204\r\n$9\r\nAgrigento\r\n$18\r\n130.42348706714702\r\n$7\r\nPalermo\r\n$18\r\n190.44242984775784\r\n");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km", "STORE", "out", "WITHDIST")).isEqualTo("-ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options\r\n");
        assertThat(h.run("GEORADIUS_RO", "g", "15", "37", "200", "km", "STORE", "out")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEORADIUS_RO", "g", "15", "37", "200", "km", "WITHHASH")).isEqualTo("*3\r\n*2\r\n$9\r\nAgrigento\r\n:3479030013248308\r\n*2\r\n$7\r\nPalermo\r\n:3479099956230698\r\n*2\r\n$7\r\nCatania\r\n:3479447370796909\r\n");
        assertThat(h.run("GEORADIUS", "missing", "15", "37", "200", "km")).isEqualTo("*0\r\n");
        assertThat(h.run("GEORADIUS", "missing", "15", "37", "200", "km", "STORE", "out")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "out")).isEqualTo(":0\r\n");
        assertThat(h.run("GEORADIUS", "missing", "15", "37", "200", "parsec")).isEqualTo("-ERR unsupported unit provided. please use M, KM, FT, MI\r\n");
        assertThat(h.run("GEORADIUS", "g", "15", "37", "200", "km", "FROMMEMBER", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER", "g", "Palermo", "100", "km", "WITHDIST")).isEqualTo("*2\r\n*2\r\n$9\r\nAgrigento\r\n$7\r\n90.9778\r\n*2\r\n$7\r\nPalermo\r\n$6\r\n0.0000\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER", "g", "nope", "100", "km")).isEqualTo("-ERR could not decode requested zset member\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER", "missing", "nope", "100", "parsec")).isEqualTo("*0\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER", "missing", "nope", "x", "km", "COUNT", "0")).isEqualTo("-ERR COUNT must be > 0\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER", "g", "Palermo", "100", "km", "COUNT", "0")).isEqualTo("-ERR COUNT must be > 0\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER_RO", "g", "Palermo", "300", "km", "DESC")).isEqualTo("*3\r\n$7\r\nCatania\r\n$9\r\nAgrigento\r\n$7\r\nPalermo\r\n");
        assertThat(h.run("GEORADIUSBYMEMBER", "g", "Palermo", "300", "km", "STOREDIST", "o2")).isEqualTo(":3\r\n");
        assertThat(h.run("ZRANGE", "o2", "0", "-1", "WITHSCORES")).isEqualTo("*6\r\n$7\r\nPalermo\r\n$1\r\n0\r\n$9\r\nAgrigento\r\n$18\r\n90.977753537996037\r\n$7\r\nCatania\r\n$18\r\n166.27415156960032\r\n");
        assertThat(h.run("GEORADIUS", "g", "0", "0", "20000", "km", "ASC")).isEqualTo("*3\r\n$9\r\nAgrigento\r\n$7\r\nCatania\r\n$7\r\nPalermo\r\n");
        assertThat(h.run("GEORADIUS", "g", "0", "0", "20000", "km", "DESC", "COUNT", "2")).isEqualTo("*2\r\n$7\r\nPalermo\r\n$7\r\nCatania\r\n");
    }
}

package io.nioredis.value.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeoFormatTest {

    @Test
    void invalidPairNumbersAsRedisPrintsThem() {
        // Checked against redis-server 7.0.15 ("ERR invalid longitude,latitude pair 200.000000,100.000000").
        assertThat(GeoFormat.printfDefault(200)).isEqualTo("200.000000");
        assertThat(GeoFormat.printfDefault(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(GeoFormat.printfDefault(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(GeoFormat.printfDefault(180.0000001)).isEqualTo("180.000000");
        assertThat(GeoFormat.printfDefault(-85.06)).isEqualTo("-85.060000");
    }

    @Test
    void distancesHaveFourDecimals() {
        assertThat(GeoFormat.distance(166274.15156960033)).isEqualTo("166274.1516");
        assertThat(GeoFormat.distance(0)).isEqualTo("0.0000");
        assertThat(GeoFormat.distance(0.00005)).isEqualTo("0.0001"); // 0.00005 is a little above in binary
        assertThat(GeoFormat.distance(0.125)).isEqualTo("0.1250");
        assertThat(GeoFormat.distance(1e20)).isEqualTo("100000000000000000000.0000");
        assertThat(GeoFormat.fixed(-0.0, 4)).isEqualTo("-0.0000");
    }

    @Test
    void coordinatesHaveSeventeenDecimalsWithoutTrailingZeros() {
        assertThat(GeoFormat.coordinate(180)).isEqualTo("180");
        assertThat(GeoFormat.coordinate(-0.0)).isEqualTo("0");
        assertThat(GeoFormat.coordinate(0.5)).isEqualTo("0.5");
        assertThat(GeoFormat.coordinate(0x1p-18)).isEqualTo("0.00000381469726562"); // a tie, rounded to even
        assertThat(GeoFormat.coordinate(1e-18)).isEqualTo("0");
    }

    @Test
    void unitsInAnyCase() {
        assertThat(GeoUnit.parse("Km".getBytes(StandardCharsets.US_ASCII))).isEqualTo(GeoUnit.KM);
        assertThat(GeoUnit.parse("M".getBytes(StandardCharsets.US_ASCII))).isEqualTo(GeoUnit.M);
        assertThat(GeoUnit.parse("mI".getBytes(StandardCharsets.US_ASCII))).isEqualTo(GeoUnit.MI);
        assertThat(GeoUnit.parse("ft".getBytes(StandardCharsets.US_ASCII))).isEqualTo(GeoUnit.FT);
        assertThat(GeoUnit.parse("yd".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(GeoUnit.parse("kms".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(GeoUnit.parse(new byte[0])).isNull();
    }
}

package io.nioredis.value.bitmap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitOffsetArgumentTest {

    private static long parse(String s) {
        return BitOffsetArgument.parse(s.getBytes(US_ASCII));
    }

    private static long parse(String s, int bits) {
        return BitOffsetArgument.parse(s.getBytes(US_ASCII), bits, BitOffsetArgument.DEFAULT_MAX_BULK_LENGTH);
    }

    @Test
    void acceptsOffsetsBelowFourGigabits() {
        assertThat(parse("0")).isZero();
        assertThat(parse("7")).isEqualTo(7);
        assertThat(parse("4294967295")).isEqualTo(4294967295L);
    }

    @Test
    void refusesWhatRedisRefuses() {
        // Checked against redis-server 7.0.15: each gives "ERR bit offset is not an integer or out of range".
        for (String bad : new String[] {"4294967296", "-1", "", "01", "+1", " 1", "1 ", "1.5", "0x10", "#1",
                "99999999999999999999", "-9223372036854775808", "9223372036854775808"}) {
            assertThat(parse(bad)).as(bad).isEqualTo(-1);
        }
    }

    @Test
    void hashFormMultipliesByTheFieldWidth() {
        assertThat(parse("#3", 8)).isEqualTo(24);
        assertThat(parse("#0", 64)).isZero();
        assertThat(parse("17", 8)).isEqualTo(17);
        assertThat(parse("#", 8)).isEqualTo(-1);
        assertThat(parse("#-1", 8)).isEqualTo(-1);
        assertThat(parse("#536870912", 8)).isEqualTo(-1);
        assertThat(parse("#536870911", 8)).isEqualTo(4294967288L);
        assertThat(parse("#4611686018427387904", 2)).isEqualTo(-1); // wraps to a negative, as in C
    }

    @Test
    void mastersAreNotLimited() {
        assertThat(BitOffsetArgument.parse("4294967296".getBytes(US_ASCII), 0, Long.MAX_VALUE)).isEqualTo(4294967296L);
    }
}

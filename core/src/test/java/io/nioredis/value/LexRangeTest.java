package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LexRangeTest {
    private final LexRange range = new LexRange();

    private boolean parse(String min, String max) {
        byte[] b = (min + max).getBytes(StandardCharsets.ISO_8859_1);
        return range.parse(b, 0, min.length(), min.length(), max.length());
    }

    private static byte[] m(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void validItems() {
        assertThat(parse("[b", "(d")).isTrue();
        assertThat(range.aboveMin(m("b"))).isTrue();
        assertThat(range.aboveMin(m("a"))).isFalse();
        assertThat(range.belowMax(m("c"))).isTrue();
        assertThat(range.belowMax(m("d"))).isFalse();
        assertThat(parse("-", "+")).isTrue();
        assertThat(range.aboveMin(m(""))).isTrue();
        assertThat(range.belowMax(m("\u00ff"))).isTrue();
        assertThat(parse("[", "+")).isTrue(); // "[" is the empty string, inclusive
        assertThat(range.aboveMin(m(""))).isTrue();
    }

    @Test
    void invalidItemsAsRedis() {
        assertThat(parse("", "+")).isFalse();
        assertThat(parse("b", "+")).isFalse();
        assertThat(parse("-a", "+")).isFalse();
        assertThat(parse("-", "+x")).isFalse();
        assertThat(parse("-\u0000x", "+")).isTrue(); // read as a C string: "-" then the end
    }

    @Test
    void emptyRanges() {
        assertThat(parse("+", "-")).isTrue();
        assertThat(range.isEmpty()).isTrue();
        assertThat(parse("-", "-")).isTrue();
        assertThat(range.isEmpty()).isTrue();
        assertThat(parse("[a", "(a")).isTrue();
        assertThat(range.isEmpty()).isTrue();
        assertThat(parse("[a", "[a")).isTrue();
        assertThat(range.isEmpty()).isFalse();
        assertThat(parse("[b", "[a")).isTrue();
        assertThat(range.isEmpty()).isTrue();
    }
}

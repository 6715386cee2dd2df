package io.nioredis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cases checked against Redis's KEYS on the same keys. */
class GlobPatternTest {
    private static boolean match(String pattern, String s) {
        byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return GlobPattern.matches(p, 0, p.length, b, 0, b.length, false);
    }

    @Test
    void wildcards() {
        assertThat(match("*", "anything")).isTrue();
        assertThat(match("h?llo", "hello")).isTrue();
        assertThat(match("h?llo", "hllo")).isFalse();
        assertThat(match("h*llo", "hllo")).isTrue();
        assertThat(match("h*llo", "heeeello")).isTrue();
        assertThat(match("*a*b", "xaxxb")).isTrue();
        assertThat(match("*a*b", "xaxxbx")).isFalse();
        assertThat(match("a**", "a")).isTrue();
    }

    @Test
    void classesRangesAndEscapes() {
        assertThat(match("h[ae]llo", "hallo")).isTrue();
        assertThat(match("h[ae]llo", "hillo")).isFalse();
        assertThat(match("h[^e]llo", "hallo")).isTrue();
        assertThat(match("h[^e]llo", "hello")).isFalse();
        assertThat(match("h[a-b]llo", "hbllo")).isTrue();
        assertThat(match("h[b-a]llo", "hallo")).isTrue();
        assertThat(match("h\\*llo", "h*llo")).isTrue();
        assertThat(match("h\\*llo", "hello")).isFalse();
        assertThat(match("[\\]]", "]")).isTrue();
        assertThat(match("a[bc", "ab")).isTrue();
    }

    @Test
    void emptyStringMatchesOnlyTheEmptyPattern() {
        assertThat(match("", "")).isTrue();
        assertThat(match("*", "")).isFalse();
        assertThat(match("", "a")).isFalse();
    }

    @Test
    void pathologicalPatternIsFast() {
        String s = "a".repeat(5000);
        long start = System.nanoTime();
        assertThat(match("*a*a*a*a*a*a*a*a*a*b", s)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void noCase() {
        byte[] p = "FOO*".getBytes(StandardCharsets.US_ASCII);
        byte[] s = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertThat(GlobPattern.matches(p, 0, p.length, s, 0, s.length, true)).isTrue();
        assertThat(GlobPattern.matches(p, 0, p.length, s, 0, s.length, false)).isFalse();
    }
}

package io.nioredis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void splitsAtRunsOfBlanksAndIgnoresThemAtTheEnds() {
        assertThat(Words.split("0 200\t 800", " \t")).containsExactly("0", "200", "800");
        assertThat(Words.split("  50 99 ", " ")).containsExactly("50", "99");
        assertThat(Words.split(" \t ", " \t")).isEmpty();
        assertThat(Words.split("", " ")).isEmpty();
        assertThat(Words.split("a\nb", " \t")).containsExactly("a\nb");
    }

    @Test
    void givesWhatTheRegularExpressionGivesOnTrimmedText() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "ab \t\n";
        for (int round = 0; round < 10_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String trimmed = text.toString().strip();
            String[] expected = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
            assertThat(Words.split(trimmed, " \t")).as("seed %d, text [%s]", seed, trimmed).containsExactly(expected);
        }
    }
}

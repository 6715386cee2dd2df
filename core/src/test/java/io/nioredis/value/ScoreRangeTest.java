package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreRangeTest {
    @Test
    void inclusiveAndExclusiveEnds() {
        ScoreRange r = new ScoreRange().set(1, true, 3, false);
        assertThat(r.contains(1)).isFalse();
        assertThat(r.contains(2)).isTrue();
        assertThat(r.contains(3)).isTrue();
        assertThat(r.isEmpty()).isFalse();
    }

    @Test
    void emptyAsRedisZslIsInRange() {
        assertThat(new ScoreRange().set(3, false, 1, false).isEmpty()).isTrue();
        assertThat(new ScoreRange().set(2, false, 2, false).isEmpty()).isFalse();
        assertThat(new ScoreRange().set(2, true, 2, false).isEmpty()).isTrue();
        assertThat(new ScoreRange().set(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
                .contains(Double.POSITIVE_INFINITY)).isTrue();
    }
}

package io.nioredis.evict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvictionPoolTest {
    @Test
    void keepsTheBestSixteenAndHandsOutTheBestFirst() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        EvictionPool pool = new EvictionPool();
        TreeMap<Long, String> all = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            long score = random.nextLong() >>> 1;
            all.put(score, "k" + i);
            pool.offer(score, ("k" + i).getBytes(), i % 3);
        }
        List<String> expected = new ArrayList<>(all.descendingMap().values()).subList(0, EvictionPool.SIZE);
        List<String> taken = new ArrayList<>();
        while (pool.size() > 0) {
            taken.add(new String(pool.takeBest()));
        }
        assertThat(taken).as("seed %d", seed).isEqualTo(expected);
    }

    @Test
    void fullPoolAcceptsOnlyCandidatesBetterThanItsWorst() {
        EvictionPool pool = new EvictionPool();
        for (int i = 0; i < EvictionPool.SIZE; i++) {
            assertThat(pool.mayAccept(0)).isTrue();
            pool.offer(10 + i, ("k" + i).getBytes(), 0);
        }
        assertThat(pool.mayAccept(10)).isFalse();
        assertThat(pool.mayAccept(11)).isTrue();
    }

    @Test
    void aKeyOfferedAgainIsHeldOnceWithItsNewScore() {
        EvictionPool pool = new EvictionPool();
        pool.offer(5, "a".getBytes(), 0);
        pool.offer(7, "b".getBytes(), 0);
        pool.offer(9, "a".getBytes(), 0);
        pool.offer(1, "a".getBytes(), 1); // same name, other database: another key
        assertThat(pool.size()).isEqualTo(3);
        assertThat(new String(pool.takeBest())).isEqualTo("a");
        assertThat(pool.lastDb).isEqualTo(0);
        assertThat(new String(pool.takeBest())).isEqualTo("b");
        assertThat(new String(pool.takeBest())).isEqualTo("a");
        assertThat(pool.lastDb).isEqualTo(1);
    }
}

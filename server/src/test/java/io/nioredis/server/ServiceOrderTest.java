package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServiceOrderTest {
    /** A ready client: when it was last served, and its place in the ready list as the select gave it. */
    private record Ready(long lastServed, int reported) {
    }

    private static final ServiceOrder.Stamp<Ready> LAST_SERVED = Ready::lastServed;

    @Test
    void theClientThatWaitedLongestGoesFirstAndTiesKeepTheSelectsOrder() {
        List<Ready> ready = new ArrayList<>(List.of(
                new Ready(7, 0), new Ready(3, 1), new Ready(0, 2), new Ready(3, 3), new Ready(9, 4), new Ready(0, 5)));

        new ServiceOrder<>(LAST_SERVED).sort(ready);

        assertThat(ready).extracting(Ready::reported).containsExactly(2, 5, 1, 3, 0, 4);
    }

    @Test
    void theClientServedLastInATurnIsFirstInTheTurnItGetsBackIn() {
        // Fifty clients served in turn in order 1..50; the fiftieth missed the next turn, which served the
        // other 49 (stamps 51..99), and epoll then reports it behind them.
        List<Ready> ready = new ArrayList<>();
        for (int client = 1; client < 50; client++) {
            ready.add(new Ready(50 + client, client));
        }
        ready.add(new Ready(50, 50));

        new ServiceOrder<>(LAST_SERVED).sort(ready);

        assertThat(ready.get(0).reported()).isEqualTo(50);
        assertThat(ready.subList(1, 50)).extracting(Ready::reported).isSorted();
    }

    @Test
    void manyRandomListsComeOutAsAStableSortWould() {
        Random random = new Random(16);
        ServiceOrder<Ready> order = new ServiceOrder<>(LAST_SERVED); // one sorter, grown past its first size
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(round < 250 ? 70 : 2_000);
            List<Ready> ready = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ready.add(new Ready(random.nextInt(round % 2 == 0 ? 5 : 1_000_000), i));
            }
            List<Ready> expected = new ArrayList<>(ready);
            expected.sort(Comparator.comparingLong(Ready::lastServed)); // List.sort is stable

            order.sort(ready);

            assertThat(ready).isEqualTo(expected);
        }
    }

    @Test
    void heapSortSortsWhatArraysSortSorts() {
        Random random = new Random(25);
        for (int n : new int[] {0, 1, 2, 3, 17, 64, 1_000}) {
            long[] values = random.longs(n, -5, 5 + n).toArray();
            long[] expected = values.clone();
            Arrays.sort(expected);

            ServiceOrder.heapSort(values, n);

            assertThat(values).containsExactly(expected);
        }
    }
}

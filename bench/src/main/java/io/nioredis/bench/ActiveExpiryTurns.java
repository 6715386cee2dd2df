package io.nioredis.bench;

import io.nioredis.store.ActiveExpiry;
import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import java.util.Arrays;

/**
 * How long the event loop's turns get when {@code N} keys (default 1M) expire at the same millisecond:
 * runs {@link ActiveExpiry#runTurn}, the routine the event loop calls once per turn, until every key is
 * gone, and prints the number of turns and the longest ones. The baseline is the same deletion without a
 * budget, i.e. what one turn would cost if expiry ran to completion.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.nioredis.bench.ActiveExpiryTurns [N] [rounds]}
 */
public final class ActiveExpiryTurns {
    private ActiveExpiryTurns() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long deadline = 1_000_000L;
        for (int round = 1; round <= rounds; round++) {
            // The first rounds warm the JIT up; every round is printed so that can be seen.
            Databases budgeted = load(n, deadline);
            ActiveExpiry expiry = new ActiveExpiry(budgeted);
            long[] turns = new long[n / ActiveExpiry.BATCH + 2];
            int count = 0;
            long start = System.nanoTime();
            while (budgeted.nextDeadline() <= deadline) {
                long t0 = System.nanoTime();
                expiry.runTurn(deadline);
                turns[count++] = System.nanoTime() - t0;
            }
            long total = System.nanoTime() - start;
            long[] sorted = Arrays.copyOf(turns, count);
            Arrays.sort(sorted);

            Databases unbounded = load(n, deadline);
            ActiveExpiry all = new ActiveExpiry(unbounded, System::nanoTime, Long.MAX_VALUE / 4);
            long t0 = System.nanoTime();
            all.runTurn(deadline);
            long oneTurn = System.nanoTime() - t0;

            System.out.printf("round %d: %d keys expired in %d turns of budget %.1f ms, total %.1f ms;"
                            + " turn p50 %.3f ms, p99 %.3f ms, max %.3f ms | baseline without budget:"
                            + " one turn of %.1f ms%n",
                    round, n, count, ActiveExpiry.DEFAULT_BUDGET_NANOS / 1e6, total / 1e6,
                    sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6, sorted[count - 1] / 1e6,
                    oneTurn / 1e6);
        }
    }

    private static Databases load(int n, long deadline) {
        Databases databases = new Databases(() -> deadline);
        Keyspace keyspace = databases.get(0);
        byte[] scratch = new byte[32];
        byte[] value = {'a', 'b', 'c'};
        for (int i = 0; i < n; i++) {
            int len = Keys.write(scratch, i);
            int slot = keyspace.addString(scratch, 0, len, value, 0, value.length, StringEntry.BY_VALUE);
            keyspace.setDeadline(slot, deadline);
        }
        System.gc();
        return databases;
    }
}

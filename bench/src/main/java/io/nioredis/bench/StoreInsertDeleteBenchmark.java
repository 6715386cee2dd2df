package io.nioredis.bench;

import io.nioredis.store.Clock;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceStats;
import io.nioredis.store.SipHash;
import io.nioredis.store.StringEntry;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Insert of an absent key and delete of a present one, each on its own, on a store of {@code keys} keys:
 * one invocation inserts (or deletes) the 256 keys of a pool, and an untimed per-invocation fixture
 * puts the store back, so that it stays at {@code keys} keys. Timing 256 operations per invocation keeps
 * JMH's per-invocation timer cost out of the figure. Baseline: {@code HashMap<String, byte[]>}.
 *
 * <p>Forks, iterations and heap are set as in {@link StoreBenchmark} (see there why) so that the 10M-key
 * figures come with an error below the score; on a quiet machine, pinned to one CPU:
 * <pre>
 * taskset -c 1 java -jar bench/target/benchmarks.jar StoreInsertDeleteBenchmark -p keys=10000000 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class StoreInsertDeleteBenchmark {
    static final byte[] VALUE = {'a', 'b', 'c'};
    /** Keys inserted or deleted per invocation; a quarter of the smallest store. */
    static final int BATCH = 256;

    /** A keyspace of {@code keys} keys and pools of present and absent keys. */
    @State(Scope.Thread)
    public abstract static class NioredisStore {
        @Param({"1000", "1000000", "10000000"})
        public int keys;

        Keyspace keyspace;
        byte[][] present;
        byte[][] absent;
        final int[] slots = new int[BATCH];

        @Setup(Level.Trial)
        public void load() {
            keyspace = new Keyspace(SipHash.PROCESS, Clock.SYSTEM, new KeyspaceStats());
            byte[] scratch = new byte[32];
            for (int i = 0; i < keys; i++) {
                int len = Keys.write(scratch, i);
                keyspace.addString(scratch, 0, len, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
            }
            while (keyspace.rehashSteps(1024)) {
                // a store that grew past a power of two is still moving buckets: finish before timing
            }
            present = pool(Keys.distinct(0, keys, BATCH, 42));
            absent = pool(Keys.distinct(keys, Integer.MAX_VALUE - keys, BATCH, 43));
        }

        private static byte[][] pool(long[] numbers) {
            byte[][] out = new byte[numbers.length][];
            for (int i = 0; i < numbers.length; i++) {
                out[i] = Keys.bytes(numbers[i]);
            }
            return out;
        }
    }

    /** After each timed insert, deletes the inserted keys again (untimed). */
    @State(Scope.Thread)
    public static class NioredisInsert extends NioredisStore {
        @TearDown(Level.Invocation)
        public void undo() {
            for (int slot : slots) {
                keyspace.delete(slot);
            }
        }
    }

    /** After each timed delete, puts the deleted keys back (untimed). */
    @State(Scope.Thread)
    public static class NioredisDelete extends NioredisStore {
        @TearDown(Level.Invocation)
        public void undo() {
            for (byte[] k : present) {
                keyspace.addString(k, 0, k.length, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
            }
        }
    }

    @State(Scope.Thread)
    public abstract static class BaselineStore {
        @Param({"1000", "1000000", "10000000"})
        public int keys;

        HashMap<String, byte[]> map;
        String[] present;
        String[] absent;

        @Setup(Level.Trial)
        public void load() {
            map = new HashMap<>();
            for (int i = 0; i < keys; i++) {
                map.put(Keys.string(i), VALUE.clone());
            }
            present = pool(Keys.distinct(0, keys, BATCH, 42));
            absent = pool(Keys.distinct(keys, Integer.MAX_VALUE - keys, BATCH, 43));
        }

        private static String[] pool(long[] numbers) {
            String[] out = new String[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                out[i] = Keys.string(numbers[i]);
            }
            return out;
        }
    }

    @State(Scope.Thread)
    public static class BaselineInsert extends BaselineStore {
        @TearDown(Level.Invocation)
        public void undo() {
            for (String k : absent) {
                map.remove(k);
            }
        }
    }

    @State(Scope.Thread)
    public static class BaselineDelete extends BaselineStore {
        @TearDown(Level.Invocation)
        public void undo() {
            for (String k : present) {
                map.put(k, VALUE.clone());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int insert(NioredisInsert n) {
        int last = 0;
        for (int i = 0; i < BATCH; i++) {
            byte[] k = n.absent[i];
            last = n.slots[i] = n.keyspace.addString(k, 0, k.length, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int insertBaseline(BaselineInsert b) {
        for (String k : b.absent) {
            b.map.put(k, VALUE.clone());
        }
        return b.map.size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int delete(NioredisDelete n) {
        int deleted = 0;
        for (byte[] k : n.present) {
            if (n.keyspace.delete(k, 0, k.length)) {
                deleted++;
            }
        }
        return deleted;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int deleteBaseline(BaselineDelete b) {
        int deleted = 0;
        for (String k : b.present) {
            if (b.map.remove(k) != null) {
                deleted++;
            }
        }
        return deleted;
    }
}

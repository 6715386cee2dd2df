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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of single inserts into a growing store, sampled one by one, so that the percentiles show
 * what one unlucky request pays when the table has to grow. The dict starts at exactly a power of two, so
 * the first insert starts an incremental rehash and every insert after it moves one bucket; the
 * {@code HashMap} baseline moves all its entries at once when it resizes. Read p0.999 and p1.00 (max).
 *
 * <p>Each iteration starts again from {@code keys} keys, so the store grows by whatever one iteration
 * inserts (a few million keys), and the runs include the garbage collection that growth brings.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class RehashLatencyBenchmark {
    static final byte[] VALUE = {'a', 'b', 'c'};

    /** The store under test only, so that the other one's live data does not lengthen its GC pauses. */
    @State(Scope.Thread)
    public static class Nioredis {
        @Param({"1048576"})
        public int keys;

        Keyspace keyspace;
        final byte[] scratch = new byte[32];
        long next;

        @Setup(Level.Iteration)
        public void setUp() {
            keyspace = null;
            System.gc();
            keyspace = new Keyspace(SipHash.PROCESS, Clock.SYSTEM, new KeyspaceStats());
            for (int i = 0; i < keys; i++) {
                int len = Keys.write(scratch, i);
                keyspace.addString(scratch, 0, len, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
            }
            next = keys;
        }
    }

    @State(Scope.Thread)
    public static class Baseline {
        @Param({"1048576"})
        public int keys;

        HashMap<String, byte[]> map;
        long next;

        @Setup(Level.Iteration)
        public void setUp() {
            map = null;
            System.gc();
            map = new HashMap<>();
            for (int i = 0; i < keys; i++) {
                map.put(Keys.string(i), VALUE);
            }
            next = keys;
        }
    }

    @Benchmark
    public int insert(Nioredis n) {
        int len = Keys.write(n.scratch, n.next++);
        return n.keyspace.addString(n.scratch, 0, len, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
    }

    @Benchmark
    public Object insertBaseline(Baseline b) {
        return b.map.put(Keys.string(b.next++), VALUE);
    }
}

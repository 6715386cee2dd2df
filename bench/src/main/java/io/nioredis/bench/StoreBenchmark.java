package io.nioredis.bench;

import io.nioredis.store.Clock;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceStats;
import io.nioredis.store.SipHash;
import io.nioredis.store.StringEntry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single operations on a store of {@code keys} string keys ({@code key:<i>}, 3-byte values): the
 * {@link Keyspace} (dict + expiry heap, as commands use it) against {@code HashMap<String, byte[]>}.
 * Keys are drawn from a pool of 4096 random keys built in setup, so the measured code builds none; the
 * HashMap's String keys therefore come with their hash code cached, which a server reading keys off the
 * wire does not get ({@code getHitBaselineFromBytes} shows that case).
 *
 * <p>Insert and delete are measured as a pair ({@code putNewThenDelete}): one alone would grow or empty
 * the store during the measurement, so the pair keeps it at {@code keys} keys.
 *
 * <p>The defaults below are what the 10M-key figures need for JMH's error (the 99.9% interval's half
 * width) to come out below the score: with 5 iterations of one fork the interval is 3.9 standard
 * deviations wide (Student's t for 4 degrees of freedom is 8.6), and at 10M keys the figure also moves
 * from fork to fork with where the heap lands (TLB and cache misses dominate). 3 forks of 10 two-second
 * iterations make the half width 0.7 standard deviations of 30 samples taken across heap layouts; the
 * heap is touched up front so that no page fault lands in a measured iteration, and setup finishes the
 * dict's rehash so that every iteration measures the same table. On a quiet machine, pinned to one CPU:
 * <pre>
 * taskset -c 1 java -jar bench/target/benchmarks.jar StoreBenchmark -p keys=10000000 -prof gc
 * </pre>
 * (about 9 benchmarks x 3 forks x (30 s measured + 10 s warmup + 15 s setup): 20 minutes). For the small
 * stores a quick look is enough: {@code -p keys=1000,1000000 -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class StoreBenchmark {
    static final byte[] VALUE = {'a', 'b', 'c'};

    /** Keys shared by both stores' states. */
    @State(Scope.Thread)
    public static class Sample {
        @Param({"1000", "1000000", "10000000"})
        public int keys;

        long[] hits;
        long[] misses;
        int next;

        @Setup
        public void setUp() {
            hits = Keys.sample(0, keys, 42);
            misses = Keys.sample(keys, Integer.MAX_VALUE - keys, 43);
        }

        int nextIndex() {
            return next = (next + 1) & (Keys.POOL - 1);
        }
    }

    @State(Scope.Thread)
    public static class Nioredis {
        Keyspace keyspace;
        byte[][] hitKeys;
        byte[][] missKeys;

        @Setup
        public void setUp(Sample sample) {
            keyspace = new Keyspace(SipHash.PROCESS, Clock.SYSTEM, new KeyspaceStats());
            byte[] scratch = new byte[32];
            for (int i = 0; i < sample.keys; i++) {
                int len = Keys.write(scratch, i);
                keyspace.addString(scratch, 0, len, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
            }
            while (keyspace.rehashSteps(1024)) {
                // a store that grew past a power of two is still moving buckets: finish before timing
            }
            hitKeys = new byte[Keys.POOL][];
            missKeys = new byte[Keys.POOL][];
            for (int i = 0; i < Keys.POOL; i++) {
                hitKeys[i] = Keys.bytes(sample.hits[i]);
                missKeys[i] = Keys.bytes(sample.misses[i]);
            }
        }
    }

    @State(Scope.Thread)
    public static class Baseline {
        HashMap<String, byte[]> map;
        String[] hitKeys;
        String[] missKeys;

        @Setup
        public void setUp(Sample sample) {
            map = new HashMap<>();
            for (int i = 0; i < sample.keys; i++) {
                map.put(Keys.string(i), VALUE.clone());
            }
            hitKeys = new String[Keys.POOL];
            missKeys = new String[Keys.POOL];
            for (int i = 0; i < Keys.POOL; i++) {
                hitKeys[i] = Keys.string(sample.hits[i]);
                missKeys[i] = Keys.string(sample.misses[i]);
            }
        }
    }

    @Benchmark
    public Object getHit(Sample s, Nioredis n) {
        byte[] k = n.hitKeys[s.nextIndex()];
        return n.keyspace.entry(n.keyspace.lookup(k, 0, k.length));
    }

    @Benchmark
    public Object getHitBaseline(Sample s, Baseline b) {
        return b.map.get(b.hitKeys[s.nextIndex()]);
    }

    /**
     * The HashMap as a server would have to use it: the key arrives as bytes, so a String is built (and
     * its hash computed) per lookup; {@link #getHitBaseline} gets a String whose hash is already cached.
     */
    @Benchmark
    public Object getHitBaselineFromBytes(Sample s, Nioredis n, Baseline b) {
        byte[] k = n.hitKeys[s.nextIndex()];
        return b.map.get(new String(k, 0, k.length, StandardCharsets.ISO_8859_1));
    }

    @Benchmark
    public int getMiss(Sample s, Nioredis n) {
        byte[] k = n.missKeys[s.nextIndex()];
        return n.keyspace.lookup(k, 0, k.length);
    }

    @Benchmark
    public Object getMissBaseline(Sample s, Baseline b) {
        return b.map.get(b.missKeys[s.nextIndex()]);
    }

    /** As SET does for a value of the same length: the bytes are copied into the packed entry. */
    @Benchmark
    public int putOverwrite(Sample s, Nioredis n) {
        byte[] k = n.hitKeys[s.nextIndex()];
        int slot = n.keyspace.lookup(k, 0, k.length);
        n.keyspace.setString(slot, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
        return slot;
    }

    @Benchmark
    public Object putOverwriteBaseline(Sample s, Baseline b) {
        return b.map.put(b.hitKeys[s.nextIndex()], VALUE);
    }

    /** As SET of an absent key (looked up, then added), followed by its deletion. */
    @Benchmark
    public int putNewThenDelete(Sample s, Nioredis n) {
        byte[] k = n.missKeys[s.nextIndex()];
        if (n.keyspace.lookup(k, 0, k.length) >= 0) {
            throw new IllegalStateException("a miss key is present");
        }
        int slot = n.keyspace.addStringAfterMiss(k, 0, k.length, VALUE, 0, VALUE.length, StringEntry.BY_VALUE);
        n.keyspace.delete(slot);
        return slot;
    }

    @Benchmark
    public Object putNewThenDeleteBaseline(Sample s, Baseline b) {
        String k = b.missKeys[s.nextIndex()];
        b.map.put(k, VALUE.clone());
        return b.map.remove(k);
    }
}

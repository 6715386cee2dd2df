package io.nioredis.bench;

import io.nioredis.store.ExpiryHeap;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
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
 * Deadline operations on a heap of {@code entries} keys with random deadlines: {@link ExpiryHeap} (indexed,
 * primitive arrays) against {@code java.util.PriorityQueue} of timer objects, where changing or removing
 * one key's deadline needs {@code remove(Object)}, a linear scan. The heap stays at {@code entries}
 * entries: an add is paired with the removal of the same key, a pop with re-adding the popped key later.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpiryHeapBenchmark {
    /** Deadlines are spread over a day of milliseconds. */
    static final long SPREAD = 86_400_000L;

    @State(Scope.Thread)
    public static class Sample {
        @Param({"1000000"})
        public int entries;

        final SplittableRandom random = new SplittableRandom(42);
        int[] slots;
        long[] deadlines;
        int next;

        @Setup
        public void setUp() {
            slots = new int[Keys.POOL];
            deadlines = new long[Keys.POOL];
            for (int i = 0; i < Keys.POOL; i++) {
                slots[i] = random.nextInt(entries);
                deadlines[i] = random.nextLong(SPREAD);
            }
        }

        int nextIndex() {
            return next = (next + 1) & (Keys.POOL - 1);
        }
    }

    @State(Scope.Thread)
    public static class Indexed {
        final ExpiryHeap heap = new ExpiryHeap();
        long now;

        @Setup
        public void setUp(Sample s) {
            SplittableRandom random = new SplittableRandom(7);
            for (int slot = 0; slot < s.entries; slot++) {
                heap.set(slot, random.nextLong(SPREAD));
            }
        }
    }

    /** A key's timer as a plain Java server would keep it, so that it can be found for remove(Object). */
    static final class Timer implements Comparable<Timer> {
        long deadline;

        Timer(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public int compareTo(Timer o) {
            return Long.compare(deadline, o.deadline);
        }
    }

    @State(Scope.Thread)
    public static class Baseline {
        final PriorityQueue<Timer> queue = new PriorityQueue<>();
        Timer[] timers;
        final Timer spare = new Timer(0);
        long now;

        @Setup
        public void setUp(Sample s) {
            SplittableRandom random = new SplittableRandom(7);
            timers = new Timer[s.entries];
            for (int slot = 0; slot < s.entries; slot++) {
                timers[slot] = new Timer(random.nextLong(SPREAD));
                queue.add(timers[slot]);
            }
        }
    }

    @Benchmark
    public boolean addThenRemove(Sample s, Indexed h) {
        int i = s.nextIndex();
        int slot = s.entries + i;
        h.heap.set(slot, s.deadlines[i]);
        return h.heap.remove(slot);
    }

    @Benchmark
    public boolean addThenRemoveBaseline(Sample s, Baseline b) {
        int i = s.nextIndex();
        b.spare.deadline = s.deadlines[i];
        b.queue.add(b.spare);
        return b.queue.remove(b.spare);
    }

    @Benchmark
    public long updateDeadline(Sample s, Indexed h) {
        int i = s.nextIndex();
        h.heap.set(s.slots[i], s.deadlines[i]);
        return h.heap.peekDeadline();
    }

    @Benchmark
    public boolean updateDeadlineBaseline(Sample s, Baseline b) {
        int i = s.nextIndex();
        Timer t = b.timers[s.slots[i]];
        b.queue.remove(t);
        t.deadline = s.deadlines[i];
        return b.queue.add(t);
    }

    /** Takes the earliest deadline off the top and gives that key a deadline later than every other. */
    @Benchmark
    public int popExpired(Indexed h) {
        int slot = h.heap.peekSlot();
        h.heap.remove(slot);
        h.heap.set(slot, SPREAD + ++h.now);
        return slot;
    }

    @Benchmark
    public boolean popExpiredBaseline(Baseline b) {
        Timer t = b.queue.poll();
        t.deadline = SPREAD + ++b.now;
        return b.queue.add(t);
    }
}

package io.nioredis.bench;

import io.nioredis.rdb.Crc64;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RDB checksum over one chunk of a save (64 KB, what the snapshot's writer thread checksums at a time):
 * {@link Crc64}, eight bytes a step, against one table lookup per byte, the loop it replaced.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Crc64Benchmark {
    private static final long[] TABLE = byteTable();

    byte[] chunk;

    @Setup
    public void setUp() {
        chunk = new byte[64 << 10];
        new SplittableRandom(42).nextBytes(chunk);
    }

    @Benchmark
    public long eightBytesAStep() {
        return Crc64.update(0, chunk, 0, chunk.length);
    }

    @Benchmark
    public long oneByteAStep() {
        long crc = 0;
        for (byte b : chunk) {
            crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
        }
        return crc;
    }

    private static long[] byteTable() {
        long poly = Long.reverse(0xad93d23594c935a9L);
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
            }
            table[n] = crc;
        }
        return table;
    }
}

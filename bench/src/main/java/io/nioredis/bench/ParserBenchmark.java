package io.nioredis.bench;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespParser;
import java.nio.ByteBuffer;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing one buffer of requests: {@link RespParser} (views into the buffer) against
 * {@link PlainRespDecoder} (a String per line, a byte[] per argument) on the same bytes. One operation
 * parses every request in the frame, so {@code pipeline-16} is 16 requests per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {
    @Param({"get", "set-3B", "set-1KB", "pipeline-16", "bulk-1MB", "inline-ping"})
    public String frame;

    private byte[] bytes;
    private ByteBuffer buffer;
    private final RespParser parser = new RespParser();

    @Setup
    public void setUp() {
        bytes = Frames.named(frame);
        buffer = ByteBuffer.wrap(bytes);
    }

    @Benchmark
    public int nioredis(Blackhole bh) {
        buffer.limit(bytes.length).position(0);
        int requests = 0;
        while (parser.parse(buffer) == RespParser.REQUEST) {
            Request r = parser.request();
            bh.consume(r.offset(r.argc() - 1));
            bh.consume(r.length(r.argc() - 1));
            requests++;
        }
        return requests;
    }

    @Benchmark
    public int baseline(Blackhole bh) {
        PlainRespDecoder decoder = new PlainRespDecoder(bytes);
        int requests = 0;
        List<byte[]> args;
        while ((args = decoder.next()) != null) {
            bh.consume(args);
            requests++;
        }
        return requests;
    }
}

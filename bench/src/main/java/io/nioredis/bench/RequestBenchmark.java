package io.nioredis.bench;

import io.nioredis.store.Clock;
import io.nioredis.config.Config;
import io.nioredis.ServerState;
import io.nioredis.command.builtin.BuiltinCommands;
import io.nioredis.client.Client;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Dispatcher;
import io.nioredis.resp.RespParser;
import io.nioredis.resp.RespWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The whole core for one request on an in-memory connection, no sockets: parse it from a ByteBuffer with
 * {@link RespParser}, run it with the {@link Dispatcher} against a keyspace of {@code keys} keys, and encode
 * the reply with {@link RespWriter}. The baseline does the same job the plain way: {@link PlainRespDecoder},
 * a {@code HashMap<String, byte[]>} and replies built as Strings.
 *
 * <p>INCR is another family's command; when this build has no {@code incr} in its table, the
 * {@code incr} case fails its setup with a message and JMH goes on with the others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBenchmark {
    @Param({"get-hit", "get-miss", "set-overwrite", "incr"})
    public String command;

    @Param({"1000"})
    public int keys;

    private final ServerState state = new ServerState(new Config(), Clock.SYSTEM);
    private final Client client = new Client(1, state);
    private final RespParser parser = new RespParser();
    private final RespWriter out = new RespWriter();
    private Dispatcher dispatcher;
    private byte[] bytes;
    private ByteBuffer input;

    private final Map<String, byte[]> map = new HashMap<>();

    @Setup
    public void setUp() {
        CommandTable table = BuiltinCommands.table();
        dispatcher = new Dispatcher(table);
        String key = "key:" + (keys / 2);
        switch (command) {
            case "get-hit":
                bytes = Frames.command("GET", key);
                break;
            case "get-miss":
                bytes = Frames.command("GET", "absent:1");
                break;
            case "set-overwrite":
                bytes = Frames.command("SET", key, "xyz");
                break;
            case "incr":
                byte[] incr = "incr".getBytes(StandardCharsets.US_ASCII);
                if (table.lookup(incr, 0, incr.length) == null) {
                    throw new IllegalStateException("INCR is not in this build's command table; case skipped");
                }
                bytes = Frames.command("INCR", "counter");
                break;
            default:
                throw new IllegalArgumentException(command);
        }
        input = ByteBuffer.wrap(bytes);
        for (int i = 0; i < keys; i++) {
            run(Frames.command("SET", "key:" + i, "abc"));
            map.put("key:" + i, new byte[] {'a', 'b', 'c'});
        }
        run(Frames.command("SET", "counter", "0"));
        map.put("counter", new byte[] {'0'});
    }

    private void run(byte[] request) {
        ByteBuffer in = ByteBuffer.wrap(request);
        parser.parse(in);
        out.reset();
        dispatcher.execute(client, parser.request(), out);
    }

    @Benchmark
    public int nioredis() {
        input.limit(bytes.length).position(0);
        out.reset();
        parser.parse(input);
        dispatcher.execute(client, parser.request(), out);
        return out.size();
    }

    @Benchmark
    public int baseline() {
        List<byte[]> args = new PlainRespDecoder(bytes).next();
        String name = new String(args.get(0), StandardCharsets.US_ASCII).toLowerCase();
        String key = new String(args.get(1), StandardCharsets.UTF_8);
        byte[] reply;
        switch (name) {
            case "get": {
                byte[] v = map.get(key);
                reply = v == null ? "$-1\r\n".getBytes(StandardCharsets.US_ASCII) : bulk(v);
                break;
            }
            case "set":
                map.put(key, args.get(2));
                reply = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
                break;
            case "incr": {
                long n = Long.parseLong(new String(map.get(key), StandardCharsets.US_ASCII)) + 1;
                map.put(key, Long.toString(n).getBytes(StandardCharsets.US_ASCII));
                reply = (":" + n + "\r\n").getBytes(StandardCharsets.US_ASCII);
                break;
            }
            default:
                throw new IllegalStateException(name);
        }
        return reply.length;
    }

    private static byte[] bulk(byte[] v) {
        byte[] header = ("$" + v.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] reply = new byte[header.length + v.length + 2];
        System.arraycopy(header, 0, reply, 0, header.length);
        System.arraycopy(v, 0, reply, header.length, v.length);
        reply[reply.length - 2] = '\r';
        reply[reply.length - 1] = '\n';
        return reply;
    }
}

package io.nioredis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RespParserTest {
    private static final String[] SAMPLES = {
        "*1\r\n$4\r\nPING\r\n",
        "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n",
        "*2\r\n$3\r\nGET\r\n$0\r\n\r\n",
        "*2\r\n$4\r\nECHO\r\n$4\r\n\r\n\r\n\r\n",
        "PING\r\n",
        "SET  key   \"a b\\x41\\n\"  'it\\'s'\r\n",
        "GET k\n",
        "*0\r\n*1\r\n$4\r\nPING\r\n",
        "\r\n\r\nECHO x\r\n",
    };

    /** Feeds {@code frames} in chunks of the given sizes, keeping partial requests like the event loop. */
    private static List<List<String>> parse(byte[] bytes, int[] cuts) {
        RespParser parser = new RespParser();
        List<List<String>> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(bytes.length + 16);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            buf.put(bytes, from, to - from);
            from = to;
            buf.flip();
            int r;
            while ((r = parser.parse(buf)) == RespParser.REQUEST) {
                out.add(args(parser.request()));
            }
            assertThat(r).isEqualTo(RespParser.NEED_MORE);
            buf.compact();
        }
        assertThat(buf.position()).as("bytes left over").isZero();
        return out;
    }

    private static List<String> args(Request r) {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < r.argc(); i++) {
            a.add(new String(r.array(), r.offset(i), r.length(i), StandardCharsets.ISO_8859_1));
        }
        return a;
    }

    private static List<List<String>> parseWhole(String s) {
        return parse(s.getBytes(StandardCharsets.ISO_8859_1), new int[0]);
    }

    @Test
    void parsesEachSample() {
        assertThat(parseWhole(SAMPLES[0])).containsExactly(List.of("PING"));
        assertThat(parseWhole(SAMPLES[1])).containsExactly(List.of("SET", "key", "value"));
        assertThat(parseWhole(SAMPLES[2])).containsExactly(List.of("GET", ""));
        assertThat(parseWhole(SAMPLES[3])).containsExactly(List.of("ECHO", "\r\n\r\n"));
        assertThat(parseWhole(SAMPLES[4])).containsExactly(List.of("PING"));
        assertThat(parseWhole(SAMPLES[5])).containsExactly(List.of("SET", "key", "a bA\n", "it's"));
        assertThat(parseWhole(SAMPLES[6])).containsExactly(List.of("GET", "k"));
        assertThat(parseWhole(SAMPLES[7])).containsExactly(List.of("PING"));
        assertThat(parseWhole(SAMPLES[8])).containsExactly(List.of("ECHO", "x"));
    }

    @Test
    void everySplitPointGivesTheSameRequests() {
        for (String sample : SAMPLES) {
            byte[] bytes = sample.getBytes(StandardCharsets.ISO_8859_1);
            List<List<String>> whole = parseWhole(sample);
            for (int cut = 1; cut < bytes.length; cut++) {
                assertThat(parse(bytes, new int[] {cut})).as("%s cut at %d", sample, cut).isEqualTo(whole);
            }
        }
    }

    @Test
    void byteByByteGivesTheSameRequests() {
        String all = String.join("", SAMPLES);
        byte[] bytes = all.getBytes(StandardCharsets.ISO_8859_1);
        int[] cuts = new int[bytes.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertThat(parse(bytes, cuts)).isEqualTo(parseWhole(all));
    }

    @Test
    void partialRequestSurvivesBeingMovedToAnotherBuffer() {
        byte[] bytes = SAMPLES[1].getBytes(StandardCharsets.ISO_8859_1);
        RespParser parser = new RespParser();
        ByteBuffer first = ByteBuffer.wrap(bytes, 0, 20);
        assertThat(parser.parse(first)).isEqualTo(RespParser.NEED_MORE);
        // The owner moves the unparsed tail (from position) into a new buffer at a different offset.
        ByteBuffer moved = ByteBuffer.allocate(100);
        moved.position(7);
        moved = moved.slice();
        moved.put(bytes, first.position(), bytes.length - first.position());
        moved.flip();
        assertThat(parser.parse(moved)).isEqualTo(RespParser.REQUEST);
        assertThat(args(parser.request())).containsExactly("SET", "key", "value");
    }

    @Test
    void reportsTheBytesALargeBulkNeeds() {
        RespParser parser = new RespParser();
        ByteBuffer buf = ByteBuffer.wrap("*2\r\n$3\r\nSET\r\n$1000000\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parser.parse(buf)).isEqualTo(RespParser.NEED_MORE);
        assertThat(parser.bytesNeeded()).isEqualTo("*2\r\n$3\r\nSET\r\n$1000000\r\n".length() + 1_000_000 + 2);
    }

    @Test
    void randomPipelinesMatchAReferenceDecoder() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<List<String>> expected = new ArrayList<>();
            StringBuilder wire = new StringBuilder();
            int commands = 1 + random.nextInt(20);
            for (int c = 0; c < commands; c++) {
                List<String> args = new ArrayList<>();
                int argc = 1 + random.nextInt(5);
                wire.append('*').append(argc).append("\r\n");
                for (int a = 0; a < argc; a++) {
                    StringBuilder arg = new StringBuilder();
                    int len = random.nextInt(4) == 0 ? random.nextInt(3000) : random.nextInt(10);
                    for (int i = 0; i < len; i++) {
                        arg.append((char) random.nextInt(256));
                    }
                    args.add(arg.toString());
                    wire.append('$').append(len).append("\r\n").append(arg).append("\r\n");
                }
                expected.add(args);
            }
            byte[] bytes = wire.toString().getBytes(StandardCharsets.ISO_8859_1);
            int[] cuts = random.ints(random.nextInt(10), 1, bytes.length).sorted().distinct().toArray();
            assertThat(parse(bytes, cuts)).as("seed %d round %d", seed, round).isEqualTo(expected);
        }
    }

    private static byte[] error(String input) {
        RespParser parser = new RespParser();
        ByteBuffer buf = ByteBuffer.wrap(input.getBytes(StandardCharsets.ISO_8859_1));
        int r;
        while ((r = parser.parse(buf)) == RespParser.REQUEST) {
            // skip the valid requests before the error
        }
        assertThat(r).as("result for %s", input).isEqualTo(RespParser.ERROR);
        return parser.error();
    }

    private static String errorText(String input) {
        return new String(error(input), StandardCharsets.ISO_8859_1);
    }

    @Test
    void protocolErrorsAsRedis() {
        assertThat(errorText("*x\r\n")).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
        assertThat(errorText("*2147483648\r\n")).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
        assertThat(errorText("*01\r\n")).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
        assertThat(errorText("*1\r\n$x\r\n")).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
        assertThat(errorText("*1\r\n$-1\r\n")).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
        assertThat(errorText("*1\r\n$536870913\r\n")).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
        assertThat(errorText("*1\r\nx\r\n")).isEqualTo("-ERR Protocol error: expected '$', got 'x'\r\n");
        assertThat(errorText("PING\r\n*1\r\n:1\r\n")).isEqualTo("-ERR Protocol error: expected '$', got ':'\r\n");
        assertThat(errorText("SET \"a b\r\n")).isEqualTo("-ERR Protocol error: unbalanced quotes in request\r\n");
        assertThat(errorText("SET \"a\"b\r\n")).isEqualTo("-ERR Protocol error: unbalanced quotes in request\r\n");
        assertThat(errorText("SET 'a\r\n")).isEqualTo("-ERR Protocol error: unbalanced quotes in request\r\n");
    }

    @Test
    void oversizedLinesAreErrorsNotEndlessBuffering() {
        String longInline = "A".repeat(RespParser.INLINE_MAX + 1);
        assertThat(errorText(longInline)).isEqualTo("-ERR Protocol error: too big inline request\r\n");
        assertThat(errorText("*" + "1".repeat(RespParser.INLINE_MAX + 1)))
                .isEqualTo("-ERR Protocol error: too big mbulk count string\r\n");
        assertThat(errorText("*1\r\n$" + "1".repeat(RespParser.INLINE_MAX + 1)))
                .isEqualTo("-ERR Protocol error: too big bulk count string\r\n");
        // Below the limit an unterminated line just waits for more bytes.
        RespParser parser = new RespParser();
        ByteBuffer buf = ByteBuffer.wrap("A".repeat(RespParser.INLINE_MAX).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parser.parse(buf)).isEqualTo(RespParser.NEED_MORE);
    }

    @Test
    void configuredBulkLimitApplies() {
        RespParser parser = new RespParser();
        parser.maxBulkLength(10);
        ByteBuffer buf = ByteBuffer.wrap("*1\r\n$11\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parser.parse(buf)).isEqualTo(RespParser.ERROR);
        assertThat(new String(parser.error(), StandardCharsets.ISO_8859_1))
                .isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
    }

    @Test
    void emptyRequestsAreSkippedSilently() {
        assertThat(parseWhole("*0\r\n*-1\r\n*-7\r\n\r\n   \r\n")).isEmpty();
    }

    @Test
    void inlineNulEndsTheLineAsInC() {
        assertThat(parseWhole("ECHO a\u0000b c\r\n")).containsExactly(List.of("ECHO", "a"));
    }
}

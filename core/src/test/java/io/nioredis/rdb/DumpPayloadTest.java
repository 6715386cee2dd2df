package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.rdb.RdbValue.StringValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our DUMP payloads against the ones Redis 7.0.15 produced for the same values
 * (redis-7.0.15-dumps.txt, made by {@link RedisDumpCapture} from {@link RedisDumpSamples}).
 */
class DumpPayloadTest {
    private static final Map<String, byte[]> REDIS = loadRedisDumps();

    private static Map<String, byte[]> loadRedisDumps() {
        Map<String, byte[]> dumps = new LinkedHashMap<>();
        try (InputStream in = DumpPayloadTest.class.getResourceAsStream("redis-7.0.15-dumps.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                dumps.put(parts[0], HexFormat.of().parseHex(parts[2]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return dumps;
    }

    @Test
    void everySampleHasARedisDump() {
        assertThat(REDIS.keySet()).containsExactlyElementsOf(
                RedisDumpSamples.all().stream().map(RedisDumpSamples.Sample::name).toList());
    }

    @Test
    void readsWhatRedisDumped() throws Exception {
        for (RedisDumpSamples.Sample sample : RedisDumpSamples.all()) {
            RdbValue decoded = DumpPayload.restore(REDIS.get(sample.name()));
            if (sample.comparison() == RedisDumpSamples.Comparison.BYTES) {
                assertThat(ValueText.ordered(decoded)).as(sample.name()).isEqualTo(ValueText.ordered(sample.value()));
            } else {
                assertThat(ValueText.content(decoded)).as(sample.name()).isEqualTo(ValueText.content(sample.value()));
            }
        }
    }

    @Test
    void writesWhatRedisDumps() throws Exception {
        for (RedisDumpSamples.Sample sample : RedisDumpSamples.all()) {
            byte[] redis = REDIS.get(sample.name());
            byte[] ours = DumpPayload.create(sample.value(), EncodingLimits.DEFAULTS);
            if (sample.comparison() == RedisDumpSamples.Comparison.BYTES) {
                assertThat(ValueText.hex(ours)).as(sample.name()).isEqualTo(ValueText.hex(redis));
            } else {
                // A hash table's order is Redis's hash order: same type, same content.
                assertThat(ours[0]).as(sample.name()).isEqualTo(redis[0]);
                assertThat(ValueText.content(DumpPayload.restore(ours))).as(sample.name())
                        .isEqualTo(ValueText.content(DumpPayload.restore(redis)));
            }
        }
    }

    @Test
    void knownPayloadFromTheRedisDocumentation() throws Exception {
        // DUMP of "hello, dumping world!" as printed in Redis's RESTORE documentation (RDB version 6).
        byte[] payload = unescape("\\x00\\x15hello, dumping world!\\x06\\x00E\\xa0Z\\x82\\xd8r\\xc1\\xde");
        RdbValue value = DumpPayload.restore(payload);
        assertThat(((StringValue) value).bytes()).asString().isEqualTo("hello, dumping world!");
    }

    @Test
    void rejectsAWrongChecksumWithRedisText() {
        byte[] good = REDIS.get("str.hello");
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x40;
            assertThatThrownBy(() -> DumpPayload.verifyAndOpen(bad)).as("byte " + i)
                    .isInstanceOf(DumpPayloadException.class)
                    .hasMessage("ERR DUMP payload version or checksum are wrong");
        }
    }

    @Test
    void rejectsShortPayloads() {
        for (int len = 0; len < 10; len++) {
            byte[] shortOne = new byte[len];
            assertThatThrownBy(() -> DumpPayload.restore(shortOne)).isInstanceOf(DumpPayloadException.class);
        }
    }

    @Test
    void rejectsANewerVersionEvenWithARightChecksum() {
        byte[] newer = withFooter(new byte[] {0, 1, 'x'}, 11);
        assertThatThrownBy(() -> DumpPayload.restore(newer))
                .isInstanceOf(DumpPayloadException.class)
                .hasMessage(DumpPayload.VERSION_OR_CHECKSUM_WRONG);
    }

    @Test
    void acceptsOlderVersions() throws Exception {
        for (int version = 1; version <= 10; version++) {
            RdbValue value = DumpPayload.restore(withFooter(new byte[] {0, 1, 'x'}, version));
            assertThat(((StringValue) value).bytes()).containsExactly('x');
        }
    }

    @Test
    void ignoresBytesAfterTheValueAsRedis70Does() throws Exception {
        RdbValue value = DumpPayload.restore(withFooter(new byte[] {0, 1, 'x', 'y', 'z'}, 10));
        assertThat(((StringValue) value).bytes()).containsExactly('x');
    }

    @Test
    void everyTruncationOfEverySmallSampleIsAFormatError() {
        for (Map.Entry<String, byte[]> e : REDIS.entrySet()) {
            byte[] body = Arrays.copyOf(e.getValue(), e.getValue().length - 10);
            // Big payloads: a sample of cut points is enough.
            int step = Math.max(1, body.length / 97);
            for (int cut = 0; cut < body.length; cut += step) {
                byte[] truncated = withFooter(Arrays.copyOf(body, cut), 10);
                assertThatThrownBy(() -> DumpPayload.restore(truncated)).as(e.getKey() + " cut at " + cut)
                        .isInstanceOf(RdbFormatException.class);
            }
        }
    }

    @Test
    void corruptBytesUnderARightChecksumFailCleanlyOrDecode() {
        long seed = System.nanoTime();
        System.out.println("DumpPayloadTest.corruptBytesUnderARightChecksumFailCleanlyOrDecode seed=" + seed);
        Random random = new Random(seed);
        for (Map.Entry<String, byte[]> e : REDIS.entrySet()) {
            byte[] body = Arrays.copyOf(e.getValue(), e.getValue().length - 10);
            for (int trial = 0; trial < 30; trial++) {
                byte[] corrupt = body.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
                }
                try {
                    DumpPayload.restore(withFooter(corrupt, 10));
                } catch (RdbFormatException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (Exception | Error unexpected) {
                    throw new AssertionError(e.getKey() + " seed " + seed + " corrupt "
                            + ValueText.hex(corrupt), unexpected);
                }
            }
        }
    }

    static byte[] withFooter(byte[] body, int version) {
        byte[] out = Arrays.copyOf(body, body.length + 10);
        out[body.length] = (byte) version;
        out[body.length + 1] = (byte) (version >>> 8);
        long crc = Crc64.update(0, out, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            out[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return out;
    }

    /** redis-cli's escaped form: \xHH and literal characters. */
    private static byte[] unescape(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && s.charAt(i + 1) == 'x') {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(s.charAt(i));
            }
        }
        return out.toByteArray();
    }
}

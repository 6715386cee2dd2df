package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.rdb.EncodingLimits;
import io.nioredis.store.StringEntries;
import io.nioredis.store.StringEntry;
import io.nioredis.value.HashValue;
import io.nioredis.value.ListValue;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A big entry streamed by {@link ChunkedEntryWriter} is byte for byte what the whole-value path writes
 * (a string too long to compress in one piece excepted: verbatim, as with compression off), and it
 * reaches the sink in pieces of bounded size.
 */
class ChunkedEntryWriterTest {
    /** The largest piece: a full buffer plus the one element (or string piece) that overfilled it. */
    private static final int MAX_PIECE = ChunkedEntryWriter.FLUSH_BYTES + (64 << 10);

    private final Random random = new Random(7);

    @Test
    void aggregatesAreStreamedElementByElementWithTheWholeValuesBytes() throws Exception {
        ListValue list = new ListValue(bytes("biglist"));
        HashValue hash = new HashValue(bytes("bighash"));
        SortedSetValue zset = new SortedSetValue(bytes("bigzset"));
        SetValue set = new SetValue(bytes("bigset"));
        for (int i = 0; i < 100_000; i++) {
            byte[] e = bytes("element-" + i + "-" + "x".repeat(random.nextInt(40)));
            list.pushTail(e);
            hash.put(e, 0, e.length, bytes("v" + i), 0, ("v" + i).length(), 512, 64);
            if (zset.compact()) {
                zset.notCompact();
            }
            zset.add(random.nextInt(1000) - 500 + random.nextDouble(), e, 0, e.length, 128, 64);
            set.add(e, 0, e.length, 512);
        }
        for (Object entry : new Object[] {list, hash, zset, set}) {
            for (boolean compression : new boolean[] {true, false}) {
                assertStreamedAsWhole(entry, compression, 1_700_000_000_000L);
                assertStreamedAsWhole(entry, compression, -1);
            }
        }
    }

    @Test
    void compactEncodingsAndModerateStringsAreWrittenAsWhole() throws Exception {
        HashValue hash = new HashValue(bytes("smallhash"));
        SetValue ints = new SetValue(bytes("ints"));
        for (int i = 0; i < 100; i++) {
            hash.put(bytes("f" + i), 0, ("f" + i).length(), bytes("v"), 0, 1, 512, 64);
            ints.add(bytes(String.valueOf(i)), 0, String.valueOf(i).length(), 512);
        }
        byte[] text = bytes("abc".repeat(100_000)); // 300 KB, compressible: LZF as Redis writes it
        byte[] string = StringEntries.create(bytes("s"), 0, 1, text, 0, text.length, StringEntry.BY_VALUE);
        for (Object entry : new Object[] {hash, ints, string}) {
            assertStreamedAsWhole(entry, true, -1);
            assertStreamedAsWhole(entry, false, -1);
        }
    }

    @Test
    void longStringsAreCompressedInPiecesAsRedisCompressesThemWhole() throws Exception {
        byte[] random3 = new byte[3 << 20];
        byte[] noise = new byte[1 << 20];
        for (int i = 0; i < random3.length; i++) {
            random3[i] = (byte) ('a' + random.nextInt(3));
        }
        random.nextBytes(noise); // LZF gives up on it: verbatim, in pieces
        byte[] repeated = bytes("abcdefghijklmnopqrstuvwxy".repeat(200_000));
        for (byte[] text : new byte[][] {random3, noise, repeated, new byte[40_000]}) {
            byte[] string = StringEntries.create(bytes("big"), 0, 3, text, 0, text.length, StringEntry.BY_VALUE);
            for (boolean compression : new boolean[] {true, false}) {
                assertStreamedAsWhole(string, compression, 5);
            }
        }
    }

    private void assertStreamedAsWhole(Object entry, boolean compression, long deadline) throws Exception {
        assertThat(streamed(entry, compression, deadline))
                .as("%s compression %s", entry.getClass().getSimpleName(), compression)
                .isEqualTo(whole(entry, compression, deadline));
    }

    private static byte[] streamed(Object entry, boolean compression, long deadline) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int[] pieces = new int[1];
        long length = new ChunkedEntryWriter(EncodingLimits.DEFAULTS, compression).write(entry, deadline,
                (b, n) -> {
                    assertThat(n).isPositive().isLessThanOrEqualTo(MAX_PIECE);
                    sink.write(b, 0, n);
                    pieces[0]++;
                });
        assertThat(length).isEqualTo(sink.size());
        if (length > MAX_PIECE) {
            assertThat(pieces[0]).isGreaterThan(1);
        }
        return sink.toByteArray();
    }

    private static byte[] whole(Object entry, boolean compression, long deadline) {
        SnapshotEncoder out = RdbSnapshotEncoder.file(EncodingLimits.DEFAULTS, compression, new ChunkBuffers()).fragment();
        out.entry(entry, 0, deadline);
        return out.takeBytes();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

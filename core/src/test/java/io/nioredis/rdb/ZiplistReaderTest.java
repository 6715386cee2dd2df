package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZiplistReaderTest {
    @Test
    void decodesTheExampleFromZiplistC() throws Exception {
        // ziplist.c: "[0f 00 00 00] [0c 00 00 00] [02 00] [00 f3] [02 f6] [ff]" holds "2" and "5".
        byte[] zl = HexFormat.of().parseHex("0f0000000c0000000200" + "00f3" + "02f6" + "ff");
        assertThat(ZiplistReader.decode(zl)).containsExactly(b("2"), b("5"));
    }

    @Test
    void decodesEveryEncoding() throws Exception {
        List<Object> entries = List.of("hello", "x".repeat(100), "y".repeat(20000), 0L, 12L, 13L, -1L, 127L,
                -128L, 300L, -32768L, 70000L, -8388608L, 1L << 30, Long.MIN_VALUE, Long.MAX_VALUE, "z".repeat(300));
        List<byte[]> decoded = ZiplistReader.decode(build(entries));
        List<byte[]> expected = new ArrayList<>();
        entries.forEach(e -> expected.add(b(e.toString())));
        assertThat(decoded).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(decoded.get(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void rejectsCorruptZiplists() {
        byte[] good = build(List.of("ab", 5L));
        byte[] badPrevlen = good.clone();
        badPrevlen[10 + 4] = 9; // second entry's prevlen
        assertRejected(badPrevlen, "prevlen");
        byte[] badTotal = good.clone();
        badTotal[0]++;
        assertRejected(badTotal, "header says");
        byte[] badTail = good.clone();
        badTail[4]++;
        assertRejected(badTail, "tail offset");
        byte[] badCount = good.clone();
        badCount[8] = 5;
        assertRejected(badCount, "header counts 5");
        byte[] badEncoding = good.clone();
        badEncoding[11] = (byte) 0x90;
        assertRejected(badEncoding, "unknown string encoding");
        assertRejected(Arrays.copyOf(good, 5), "shorter");
    }

    @Test
    void randomGarbageFailsCleanly() {
        long seed = System.nanoTime();
        System.out.println("ZiplistReaderTest.randomGarbageFailsCleanly seed=" + seed);
        Random random = new Random(seed);
        byte[] good = build(List.of("hello", 5L, 70000L, "x".repeat(70)));
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bad = good.clone();
            bad[10 + random.nextInt(bad.length - 11)] = (byte) random.nextInt(256);
            try {
                ZiplistReader.decode(bad);
            } catch (RdbFormatException expected) {
                // fine
            }
        }
    }

    private static void assertRejected(byte[] zl, String why) {
        assertThatThrownBy(() -> ZiplistReader.decode(zl))
                .isInstanceOf(RdbFormatException.class)
                .hasMessageStartingWith("Ziplist integrity check failed")
                .hasMessageContaining(why);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A test-only ziplist encoder: String entries as strings, Long entries in the narrowest integer form. */
    static byte[] build(List<Object> entries) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int prevlen = 0;
        int tail = 10;
        for (Object e : entries) {
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            if (prevlen < 254) {
                entry.write(prevlen);
            } else {
                entry.write(0xFE);
                writeLe(entry, prevlen, 4);
            }
            if (e instanceof String s) {
                byte[] data = b(s);
                if (data.length < 64) {
                    entry.write(data.length);
                } else if (data.length < 16384) {
                    entry.write(0x40 | (data.length >>> 8));
                    entry.write(data.length & 0xff);
                } else {
                    entry.write(0x80);
                    for (int i = 3; i >= 0; i--) {
                        entry.write(data.length >>> (8 * i));
                    }
                }
                entry.writeBytes(data);
            } else {
                long v = (Long) e;
                if (v >= 0 && v <= 12) {
                    entry.write(0xF1 + (int) v);
                } else if (v == (byte) v) {
                    entry.write(0xFE);
                    writeLe(entry, v, 1);
                } else if (v == (short) v) {
                    entry.write(0xC0);
                    writeLe(entry, v, 2);
                } else if (v >= -(1 << 23) && v < (1 << 23)) {
                    entry.write(0xF0);
                    writeLe(entry, v, 3);
                } else if (v == (int) v) {
                    entry.write(0xD0);
                    writeLe(entry, v, 4);
                } else {
                    entry.write(0xE0);
                    writeLe(entry, v, 8);
                }
            }
            tail = 10 + body.size();
            prevlen = entry.size();
            body.writeBytes(entry.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLe(out, 10 + body.size() + 1, 4);
        writeLe(out, tail, 4);
        writeLe(out, entries.size(), 2);
        out.writeBytes(body.toByteArray());
        out.write(0xFF);
        return out.toByteArray();
    }

    private static void writeLe(ByteArrayOutputStream out, long v, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}

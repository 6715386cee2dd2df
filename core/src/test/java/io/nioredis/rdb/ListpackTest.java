package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListpackTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String hex(ListpackWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void encodesEachIntegerWidth() {
        // header (total bytes, count), entry, backlen, 0xff; list.small in the Redis samples covers these too
        assertThat(hex(new ListpackWriter().append(b("5")))).isEqualTo("0900000001000501ff");
        assertThat(hex(new ListpackWriter().append(b("127")))).isEqualTo("0900000001007f01ff");
        assertThat(hex(new ListpackWriter().append(b("128")))).isEqualTo("0a0000000100c08002ff");
        assertThat(hex(new ListpackWriter().append(b("-1")))).isEqualTo("0a0000000100dfff02ff");
        assertThat(hex(new ListpackWriter().append(b("-4096")))).isEqualTo("0a0000000100d00002ff");
        assertThat(hex(new ListpackWriter().append(b("4096")))).isEqualTo("0b0000000100f1001003ff");
        assertThat(hex(new ListpackWriter().append(b("-32768")))).isEqualTo("0b0000000100f1008003ff");
        assertThat(hex(new ListpackWriter().append(b("32768")))).isEqualTo("0c0000000100f200800004ff");
        assertThat(hex(new ListpackWriter().append(b("8388608")))).isEqualTo("0d0000000100f30000800005ff");
        assertThat(hex(new ListpackWriter().append(b("-9223372036854775808"))))
                .isEqualTo("110000000100f4000000000000008009ff");
    }

    @Test
    void encodesEachStringLengthForm() throws Exception {
        for (int len : new int[] {0, 1, 63, 64, 4095, 4096, 20000}) {
            byte[] s = new byte[len];
            Arrays.fill(s, (byte) 'x');
            byte[] lp = new ListpackWriter().append(s).toByteArray();
            int header = len < 64 ? 1 : len < 4096 ? 2 : 5;
            int entry = header + len;
            int backlen = entry <= 127 ? 1 : entry < 16383 ? 2 : 3;
            assertThat(lp.length).as("len " + len).isEqualTo(6 + entry + backlen + 1);
            assertThat(ListpackReader.decode(lp)).singleElement().isEqualTo(s);
        }
    }

    @Test
    void notCanonicalIntegersStayStrings() throws Exception {
        for (String s : List.of("007", "-0", "+1", " 1", "1 ", "9223372036854775808", "1.0", "")) {
            byte[] lp = new ListpackWriter().append(b(s)).toByteArray();
            assertThat(lp[6] & 0xC0).as(s).isEqualTo(0x80); // 6-bit string encoding
            assertThat(ListpackReader.decode(lp)).singleElement().isEqualTo(b(s));
        }
    }

    @Test
    void countSaturatesAt65535() throws Exception {
        ListpackWriter w = new ListpackWriter();
        for (int i = 0; i < 70000; i++) {
            w.appendInteger(i % 100);
        }
        byte[] lp = w.toByteArray();
        assertThat((lp[4] & 0xff) | (lp[5] & 0xff) << 8).isEqualTo(65535);
        assertThat(ListpackReader.decode(lp)).hasSize(70000);
    }

    @Test
    void roundTripsRandomElements() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ListpackTest.roundTripsRandomElements seed=" + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            List<byte[]> elements = new ArrayList<>();
            ListpackWriter w = new ListpackWriter();
            int n = random.nextInt(50);
            for (int i = 0; i < n; i++) {
                byte[] e = randomElement(random);
                elements.add(e);
                w.append(e);
            }
            byte[] lp = w.toByteArray();
            assertThat(w.bytes()).isEqualTo(lp.length);
            List<byte[]> decoded = ListpackReader.decode(lp);
            assertThat(decoded).as("seed " + seed).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(decoded.get(i)).as("seed " + seed).isEqualTo(elements.get(i));
            }
        }
    }

    static byte[] randomElement(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return Long.toString(random.nextLong() >> random.nextInt(64)).getBytes(StandardCharsets.US_ASCII);
            case 1:
                return Integer.toString(random.nextInt(20000) - 10000).getBytes(StandardCharsets.US_ASCII);
            case 2: {
                byte[] b = new byte[random.nextInt(5000)];
                random.nextBytes(b);
                return b;
            }
            default: {
                byte[] b = new byte[random.nextInt(80)];
                random.nextBytes(b);
                return b;
            }
        }
    }

    @Test
    void rejectsCorruptListpacks() {
        byte[] good = new ListpackWriter().append(b("hello")).append(b("12345")).toByteArray();
        assertRejected(Arrays.copyOf(good, 3), "shorter than its header");
        byte[] wrongTotal = good.clone();
        wrongTotal[0]++;
        assertRejected(wrongTotal, "header says");
        byte[] noEnd = good.clone();
        noEnd[noEnd.length - 1] = 0;
        assertRejected(noEnd, "no terminator");
        byte[] wrongCount = good.clone();
        wrongCount[4] = 3;
        assertRejected(wrongCount, "header counts 3");
        byte[] badBacklen = good.clone();
        badBacklen[6 + 6] = 7; // "hello" entry is 6 bytes; its backlen says 7
        assertRejected(badBacklen, "back-length");
        byte[] longString = good.clone();
        longString[6] = (byte) 0xBF; // a 63-byte string that does not fit
        assertRejected(longString, "past the end");
        byte[] unknown = good.clone();
        unknown[6] = (byte) 0xF5;
        assertRejected(unknown, "unknown entry encoding");
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] good = new ListpackWriter().append(b("x".repeat(100))).appendInteger(1L << 40).toByteArray();
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            if (cut >= 4) {
                // keep the header consistent so the entry parsing itself meets the cut
                truncated[0] = (byte) cut;
                truncated[1] = (byte) (cut >>> 8);
                if (cut > 0) {
                    truncated[cut - 1] = (byte) 0xff;
                }
            }
            assertThatThrownBy(() -> ListpackReader.decode(truncated)).isInstanceOf(RdbFormatException.class);
        }
    }

    private static void assertRejected(byte[] lp, String why) {
        assertThatThrownBy(() -> ListpackReader.decode(lp))
                .isInstanceOf(RdbFormatException.class)
                .hasMessageStartingWith("Listpack integrity check failed")
                .hasMessageContaining(why);
    }
}

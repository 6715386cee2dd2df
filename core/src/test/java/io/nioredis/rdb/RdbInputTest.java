package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RdbInputTest {
    private static RdbInput in(String hex) {
        return new RdbInput(HexFormat.of().parseHex(hex));
    }

    @Test
    void readsWhatTheOutputWrites() throws Exception {
        long seed = System.nanoTime();
        System.out.println("RdbInputTest.readsWhatTheOutputWrites seed=" + seed);
        Random random = new Random(seed);
        RdbOutput out = new RdbOutput();
        long[] lengths = new long[200];
        byte[][] strings = new byte[200][];
        double[] doubles = new double[200];
        for (int i = 0; i < 200; i++) {
            lengths[i] = random.nextLong() >>> random.nextInt(64);
            strings[i] = ListpackTest.randomElement(random);
            doubles[i] = random.nextBoolean() ? random.nextGaussian() * 1e6 : random.nextInt(1000);
            out.writeLength(lengths[i]);
            out.writeString(strings[i]);
            out.writeBinaryDouble(doubles[i]);
            out.writeStringDouble(doubles[i]);
            out.writeMillisecondTime(lengths[i]);
        }
        RdbInput in = new RdbInput(out.toByteArray());
        for (int i = 0; i < 200; i++) {
            assertThat(in.readLength()).as("seed " + seed).isEqualTo(lengths[i]);
            assertThat(in.readString()).as("seed " + seed).isEqualTo(strings[i]);
            assertThat(in.readBinaryDouble()).isEqualTo(doubles[i]);
            assertThat(in.readStringDouble()).isEqualTo(doubles[i]);
            assertThat(in.readMillisecondTime()).isEqualTo(lengths[i]);
        }
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void readsIntegerEncodingsAsDecimalText() throws Exception {
        assertThat(in("c0ff").readString()).asString().isEqualTo("-1");
        assertThat(in("c18000").readString()).asString().isEqualTo("128");
        assertThat(in("c2ffffff7f").readString()).asString().isEqualTo("2147483647");
    }

    @Test
    void truncationSaysWhatWasBeingRead() {
        assertThatThrownBy(() -> in("").readType())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("Truncated RDB data at offset 0");
        assertThatThrownBy(() -> in("05616263").readString())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("string of 5 bytes, 3 left");
        assertThatThrownBy(() -> in("80000001").readLength())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("a 32-bit length");
        assertThatThrownBy(() -> in("c180").readString())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("16-bit integer");
        assertThatThrownBy(() -> in("c30a1400").readString())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("LZF string of 10 compressed bytes");
        assertThatThrownBy(() -> in("0000").readBinaryDouble())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("binary double");
    }

    @Test
    void corruptEncodingsAreRefused() {
        assertThatThrownBy(() -> in("c4").readString())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("Unknown RDB string encoding type 4");
        assertThatThrownBy(() -> in("c0").readLength())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("where a length was expected");
        assertThatThrownBy(() -> in("82").readLength())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("Unknown length encoding 0x82");
        // An LZF string claiming a huge length is refused before allocating.
        assertThatThrownBy(() -> in("c3" + "01" + "80" + "7fffffff" + "00").readString())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("cannot come from 1");
        // A count that cannot fit in what is left.
        assertThatThrownBy(() -> in("80" + "7fffffff" + "00").readCount("list", 1))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("Corrupt list count 2147483647");
        assertThatThrownBy(() -> in("02" + "03" + "616263").readStringDouble())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("Invalid double");
    }

    @Test
    void readsAWindowOfAnArray() throws Exception {
        byte[] bytes = "xx\u0003abcyy".getBytes(StandardCharsets.ISO_8859_1);
        RdbInput in = new RdbInput(bytes, 2, 4);
        assertThat(in.readString()).asString().isEqualTo("abc");
        assertThat(in.atEnd()).isTrue();
        assertThatThrownBy(in::readType).isInstanceOf(RdbFormatException.class);
    }
}

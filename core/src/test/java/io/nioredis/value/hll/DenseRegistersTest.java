package io.nioredis.value.hll;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DenseRegistersTest {
    @Test
    void packsSixBitsFromTheLeastSignificantBitUp() {
        byte[] a = new byte[HyperLogLog.DENSE_SIZE];
        int regs = HyperLogLog.HEADER_SIZE;
        DenseRegisters.set(a, regs, 0, 0x3f);
        DenseRegisters.set(a, regs, 1, 0x01);
        assertThat(a[regs] & 0xff).isEqualTo(0x7f); // register 1's low 2 bits sit at the top of byte 0
        assertThat(a[regs + 1] & 0xff).isZero();
        DenseRegisters.set(a, regs, 1, 0x3c);
        assertThat(a[regs] & 0xff).isEqualTo(0x3f);
        assertThat(a[regs + 1] & 0xff).isEqualTo(0x0f);
        assertThat(DenseRegisters.get(a, regs, 1)).isEqualTo(0x3c);
    }

    @Test
    void theLastRegisterStaysInsideTheValue() {
        byte[] a = new byte[HyperLogLog.DENSE_SIZE];
        DenseRegisters.set(a, HyperLogLog.HEADER_SIZE, HyperLogLog.REGISTERS - 1, 51);
        assertThat(DenseRegisters.get(a, HyperLogLog.HEADER_SIZE, HyperLogLog.REGISTERS - 1)).isEqualTo(51);
        assertThat(a[a.length - 1] & 0xff).isEqualTo(51 << 2);
    }

    @Test
    void randomRegistersRoundTripAndFeedTheHistogram() {
        long seed = System.nanoTime();
        System.out.println("DenseRegistersTest seed " + seed);
        Random random = new Random(seed);
        byte[] a = new byte[3 + HyperLogLog.DENSE_SIZE];
        int regs = 3 + HyperLogLog.HEADER_SIZE;
        int[] model = new int[HyperLogLog.REGISTERS];
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                model[i] = random.nextInt(64);
                DenseRegisters.set(a, regs, i, model[i]);
            }
            int[] histogram = new int[64];
            int[] expected = new int[64];
            byte[] max = new byte[HyperLogLog.REGISTERS];
            DenseRegisters.histogram(a, regs, histogram);
            DenseRegisters.mergeInto(max, a, regs);
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                assertThat(DenseRegisters.get(a, regs, i)).isEqualTo(model[i]);
                assertThat(max[i]).isEqualTo((byte) model[i]);
                expected[model[i]]++;
            }
            assertThat(histogram).isEqualTo(expected);
        }
    }
}

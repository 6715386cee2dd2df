package io.nioredis.value.bitmap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BitfieldTest {

    @Test
    void answersAndWritesAsRedisDid() {
        var lines = RedisBitmapReplies.of("BITFIELD");
        assertThat(lines).hasSizeGreaterThan(300);
        for (var line : lines) {
            byte[] value = line.bytes(0);
            List<String> replies = new ArrayList<>();
            byte[] after = run(value, line.args(1), replies);
            assertThat(String.join(",", replies)).as(line.toString()).isEqualTo(line.fields()[2]);
            assertThat(RedisBitmapReplies.hex(after, after.length)).as(line.toString()).isEqualTo(line.fields()[3]);
        }
    }

    /** BITFIELD as the command layer is to run it: parse every subcommand, grow once, then run them in order. */
    private static byte[] run(byte[] value, String[] args, List<String> replies) {
        BitfieldRequest request = BitfieldRequest.parse(bytes(args), 0, args.length,
                BitOffsetArgument.DEFAULT_MAX_BULK_LENGTH);
        assertThat(request.error()).isNull();
        byte[] s = Arrays.copyOf(value, (int) Math.max(value.length, request.bytesNeeded()));
        for (BitfieldRequest.Op op : request.ops()) {
            Long reply = BitfieldRequest.run(op, s, 0, s.length);
            replies.add(reply == null ? "nil" : reply.toString());
        }
        return s;
    }

    private static byte[][] bytes(String[] args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(US_ASCII);
        }
        return out;
    }

    @Test
    void refusesRequestsAsRedisDoes() {
        // Each checked against redis-server 7.0.15 ("BITFIELD k" followed by these arguments).
        Object[][] cases = {
            {"get", BitfieldRequest.Failure.SYNTAX},
            {"overflow", BitfieldRequest.Failure.SYNTAX},
            {"get i8", BitfieldRequest.Failure.SYNTAX},
            {"set i8 0", BitfieldRequest.Failure.SYNTAX},
            {"foo", BitfieldRequest.Failure.SYNTAX},
            {"get i8 0 overflow", BitfieldRequest.Failure.SYNTAX},
            {"overflow bad get i8 0", BitfieldRequest.Failure.BAD_OVERFLOW},
            {"get u64 0", BitfieldRequest.Failure.BAD_TYPE},
            {"incrby i8 0 1 get u64 0", BitfieldRequest.Failure.BAD_TYPE},
            {"get i8 -1", BitfieldRequest.Failure.BAD_OFFSET},
            {"set i8 #x 1", BitfieldRequest.Failure.BAD_OFFSET},
            {"set i8 0 abc", BitfieldRequest.Failure.NOT_AN_INTEGER},
            {"set i8 0 1.5", BitfieldRequest.Failure.NOT_AN_INTEGER},
            {"overflow fail set i8 0 +5", BitfieldRequest.Failure.NOT_AN_INTEGER},
            {"incrby i8 0 99999999999999999999", BitfieldRequest.Failure.NOT_AN_INTEGER},
        };
        for (Object[] c : cases) {
            String[] args = ((String) c[0]).split(" ");
            assertThat(BitfieldRequest.parse(bytes(args), 0, args.length, BitOffsetArgument.DEFAULT_MAX_BULK_LENGTH)
                    .error()).as((String) c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void readOnlyRequestsAndTheirGrowth() {
        String[] none = {};
        assertThat(BitfieldRequest.parse(bytes(none), 0, 0, 1 << 29).isReadOnly()).isTrue();
        String[] gets = "get i8 0 overflow sat get u4 #3".split(" ");
        BitfieldRequest read = BitfieldRequest.parse(bytes(gets), 0, gets.length, 1 << 29);
        assertThat(read.isReadOnly()).isTrue();
        assertThat(read.ops()).extracting(BitfieldRequest.Op::offset).containsExactly(0L, 12L);
        String[] writes = "get i8 100 set u8 #1 -5 overflow fail incrby i16 20 1".split(" ");
        BitfieldRequest write = BitfieldRequest.parse(bytes(writes), 0, writes.length, 1 << 29);
        assertThat(write.isReadOnly()).isFalse();
        assertThat(write.bytesNeeded()).isEqualTo(5); // bit 35 is the farthest written; the GET does not count
        assertThat(write.ops().get(2).overflow()).isEqualTo(BitfieldOverflow.FAIL);
        assertThat(write.ops().get(1).overflow()).isEqualTo(BitfieldOverflow.WRAP);
    }

    @Test
    void parsesTypesAsRedisDoes() {
        assertThat(BitfieldType.parse("i64".getBytes(US_ASCII))).isEqualTo(new BitfieldType(true, 64));
        assertThat(BitfieldType.parse("u63".getBytes(US_ASCII))).isEqualTo(new BitfieldType(false, 63));
        assertThat(BitfieldType.parse("u1".getBytes(US_ASCII))).isEqualTo(new BitfieldType(false, 1));
        for (String bad : new String[] {"u64", "i65", "i0", "u", "", "I8", "i08", "i+8", "s8", "i-1", "i8 "}) {
            assertThat(BitfieldType.parse(bad.getBytes(US_ASCII))).as(bad).isNull();
        }
    }

    @Test
    void parsesOverflowInAnyCase() {
        assertThat(BitfieldOverflow.parse("sAt".getBytes(US_ASCII))).isEqualTo(BitfieldOverflow.SAT);
        assertThat(BitfieldOverflow.parse("fail".getBytes(US_ASCII))).isEqualTo(BitfieldOverflow.FAIL);
        assertThat(BitfieldOverflow.parse("wrapped".getBytes(US_ASCII))).isNull();
    }

    @Test
    void documentedExamples() {
        byte[] s = new byte[2];
        // "setting a 5 bits unsigned integer to value 23 at offset 7 ... |00000001|01110000|"
        assertThat(Bitfield.set(s, 0, s.length, new BitfieldType(false, 5), 7, 23, BitfieldOverflow.WRAP)).isZero();
        assertThat(s).containsExactly(0x01, 0x70);
        byte[] u2 = new byte[1];
        BitfieldType type = new BitfieldType(false, 2);
        assertThat(Bitfield.incrBy(u2, 0, u2.length, type, 102 - 102, 1, BitfieldOverflow.SAT)).isEqualTo(1);
        assertThat(Bitfield.incrBy(u2, 0, u2.length, type, 0, 5, BitfieldOverflow.SAT)).isEqualTo(3);
        assertThat(Bitfield.incrBy(u2, 0, u2.length, type, 0, 1, BitfieldOverflow.FAIL)).isNull();
        assertThat(Bitfield.incrBy(u2, 0, u2.length, type, 0, 1, BitfieldOverflow.WRAP)).isZero();
    }

    @Test
    void matchesBigIntegerModel() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("BitfieldTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 50_000; round++) {
            boolean signed = random.nextBoolean();
            int bits = 1 + random.nextInt(signed ? 64 : 63);
            BitfieldType type = new BitfieldType(signed, bits);
            long offset = random.nextInt(40);
            byte[] s = new byte[(int) Bitfield.bytesNeeded(offset, bits) + random.nextInt(3)];
            random.nextBytes(s);
            byte[] before = s.clone();
            BitfieldOverflow overflow = BitfieldOverflow.values()[random.nextInt(3)];
            long argument = interesting(random, bits);
            boolean incr = random.nextBoolean();

            BigInteger old = modelGet(before, offset, type);
            assertThat(Bitfield.get(s, 0, s.length, type, offset)).as("seed %d", seed).isEqualTo(old.longValue());
            BigInteger target = incr ? old.add(BigInteger.valueOf(argument))
                    : signed ? BigInteger.valueOf(argument) : unsigned(argument);
            BigInteger stored = fit(target, type, overflow);
            if (!incr && signed && bits < 64 && overflow == BitfieldOverflow.SAT
                    && BigInteger.valueOf((1L << (bits - 1)) - 1).subtract(target).bitLength() > 63) {
                // Redis's quirk: its "max - value" wraps for values this far below the type, and it saturates
                // to the maximum (checked: BITFIELD k OVERFLOW SAT SET i34 0 -9223372036854775808 stores 2^33-1).
                stored = BigInteger.valueOf((1L << (bits - 1)) - 1);
            }
            Long reply = incr ? Bitfield.incrBy(s, 0, s.length, type, offset, argument, overflow)
                    : Bitfield.set(s, 0, s.length, type, offset, argument, overflow);
            String what = String.format("seed %d: %s %s at %d, %d, %s, old %s", seed, incr ? "INCRBY" : "SET", type,
                    offset, argument, overflow, old);
            if (stored == null) {
                assertThat(reply).as(what).isNull();
                assertThat(s).as(what).isEqualTo(before);
                continue;
            }
            assertThat(reply).as(what).isEqualTo(incr ? stored.longValue() : old.longValue());
            assertThat(modelGet(s, offset, type)).as(what).isEqualTo(stored);
            for (long i = 0; i < s.length * 8L; i++) {
                if (i < offset || i >= offset + bits) {
                    assertThat(NaiveBits.bit(s, s.length, i)).as(what).isEqualTo(NaiveBits.bit(before, s.length, i));
                }
            }
        }
    }

    private static long interesting(Random random, int bits) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextInt(7) - 3;
            case 2 -> (1L << (bits - 1)) - random.nextInt(3);
            case 3 -> -(1L << (bits - 1)) + random.nextInt(3) - 1;
            case 4 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            default -> random.nextLong() >> random.nextInt(64);
        };
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static BigInteger modelGet(byte[] s, long offset, BitfieldType type) {
        BigInteger v = BigInteger.ZERO;
        for (int j = 0; j < type.bits(); j++) {
            v = v.shiftLeft(1).add(BigInteger.valueOf(NaiveBits.bit(s, s.length, offset + j)));
        }
        if (type.signed() && v.testBit(type.bits() - 1)) {
            v = v.subtract(BigInteger.ONE.shiftLeft(type.bits()));
        }
        return v;
    }

    /** The value stored for {@code target}, or null when OVERFLOW FAIL refuses it. */
    private static BigInteger fit(BigInteger target, BitfieldType type, BitfieldOverflow overflow) {
        BigInteger span = BigInteger.ONE.shiftLeft(type.bits());
        BigInteger min = type.signed() ? BigInteger.ONE.shiftLeft(type.bits() - 1).negate() : BigInteger.ZERO;
        BigInteger max = min.add(span).subtract(BigInteger.ONE);
        if (target.compareTo(min) >= 0 && target.compareTo(max) <= 0) {
            return target;
        }
        return switch (overflow) {
            case FAIL -> null;
            case SAT -> target.compareTo(max) > 0 ? max : min;
            case WRAP -> target.subtract(min).mod(span).add(min);
        };
    }
}

package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.rdb.RdbValue.HashEntry;
import io.nioredis.rdb.RdbValue.HashValue;
import io.nioredis.rdb.RdbValue.ListValue;
import io.nioredis.rdb.RdbValue.ScoredMember;
import io.nioredis.rdb.RdbValue.SetValue;
import io.nioredis.rdb.RdbValue.SortedSetValue;
import io.nioredis.rdb.RdbValue.StringValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RdbValueWriterTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] write(RdbValue value, EncodingLimits limits) {
        RdbOutput out = new RdbOutput();
        new RdbValueWriter(limits).write(out, value);
        return out.toByteArray();
    }

    private static EncodingLimits limits(int list, long packed, int intset, int hashEntries, int hashValue,
            int zsetEntries, int zsetValue) {
        return new EncodingLimits(list, packed, intset, hashEntries, hashValue, zsetEntries, zsetValue);
    }

    @Test
    void choosesTheEncodingRedisWould() {
        EncodingLimits d = EncodingLimits.DEFAULTS;
        assertThat(write(new SetValue(List.of(b("1"), b("-2"))), d)[0]).isEqualTo((byte) RdbType.SET_INTSET);
        assertThat(write(new SetValue(List.of(b("1"), b("01"))), d)[0]).isEqualTo((byte) RdbType.SET);
        EncodingLimits smallIntset = limits(-2, 1 << 30, 1, 512, 64, 128, 64);
        assertThat(write(new SetValue(List.of(b("1"), b("2"))), smallIntset)[0]).isEqualTo((byte) RdbType.SET);
        assertThat(write(new HashValue(List.of(new HashEntry(b("f"), b("v".repeat(64))))), d)[0])
                .isEqualTo((byte) RdbType.HASH_LISTPACK);
        assertThat(write(new HashValue(List.of(new HashEntry(b("f"), b("v".repeat(65))))), d)[0])
                .isEqualTo((byte) RdbType.HASH);
        assertThat(write(new SortedSetValue(List.of(new ScoredMember(b("m".repeat(64)), 1))), d)[0])
                .isEqualTo((byte) RdbType.ZSET_LISTPACK);
        assertThat(write(new SortedSetValue(List.of(new ScoredMember(b("m".repeat(65)), 1))), d)[0])
                .isEqualTo((byte) RdbType.ZSET_2);
        assertThat(write(new ListValue(List.of(b("a"))), d)[0]).isEqualTo((byte) RdbType.LIST_QUICKLIST_2);
    }

    @Test
    void negativeZeroScoreIsStoredAsIntegerZeroInListpacks() throws Exception {
        // Redis 7.0: ZADD z -0 m stores 0 (double2ll accepts -0), and so do we.
        byte[] ours = write(new SortedSetValue(List.of(new ScoredMember(b("m"), -0.0))), EncodingLimits.DEFAULTS);
        RdbInput in = new RdbInput(ours);
        in.readType();
        assertThat(ListpackReader.decode(in.readString())).extracting(String::new).containsExactly("m", "0");
    }

    @Test
    void packsListNodesByCountWhenFillIsPositive() throws Exception {
        List<byte[]> elements = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            elements.add(b("e" + i));
        }
        byte[] ours = write(new ListValue(elements), limits(3, 1 << 30, 512, 512, 64, 128, 64));
        RdbInput in = new RdbInput(ours);
        assertThat(in.readType()).isEqualTo(RdbType.LIST_QUICKLIST_2);
        assertThat(in.readLength()).isEqualTo(4); // 3 + 3 + 3 + 1
    }

    @Test
    void bigElementsGetPlainNodes() throws Exception {
        List<byte[]> elements = List.of(b("a"), b("x".repeat(100)), b("b"), b("c"));
        byte[] ours = write(new ListValue(elements), limits(-2, 100, 512, 512, 64, 128, 64));
        RdbInput in = new RdbInput(ours);
        in.readType();
        assertThat(in.readLength()).isEqualTo(3);
        assertThat(in.readLength()).isEqualTo(RdbType.QUICKLIST_NODE_PACKED);
        in.readString();
        assertThat(in.readLength()).isEqualTo(RdbType.QUICKLIST_NODE_PLAIN);
        assertThat(in.readString()).isEqualTo(b("x".repeat(100)));
        assertThat(ValueText.ordered(RdbValueReader.read(new RdbInput(ours))))
                .isEqualTo(ValueText.ordered(new ListValue(elements)));
    }

    @Test
    void roundTripsRandomValuesUnderRandomLimits() throws Exception {
        long seed = System.nanoTime();
        System.out.println("RdbValueWriterTest.roundTripsRandomValuesUnderRandomLimits seed=" + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 400; trial++) {
            EncodingLimits limits = random.nextInt(3) == 0 ? EncodingLimits.DEFAULTS
                    : limits(random.nextBoolean() ? -1 - random.nextInt(5) : 1 + random.nextInt(20),
                            1 + random.nextInt(3000), random.nextInt(40), random.nextInt(40), random.nextInt(70),
                            random.nextInt(40), random.nextInt(70));
            RdbValue value = randomValue(random);
            byte[] payload = DumpPayload.create(value, limits);
            RdbValue back = DumpPayload.restore(payload);
            boolean ordered = value instanceof ListValue || value instanceof StringValue
                    || payload[0] == RdbType.HASH_LISTPACK;
            assertThat(ordered ? ValueText.ordered(back) : ValueText.content(back))
                    .as("seed " + seed + " trial " + trial)
                    .isEqualTo(ordered ? ValueText.ordered(value) : ValueText.content(value));
        }
    }

    private static RdbValue randomValue(Random random) {
        int n = 1 + random.nextInt(random.nextBoolean() ? 10 : 300);
        switch (random.nextInt(5)) {
            case 0:
                return new StringValue(element(random));
            case 1: {
                List<byte[]> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(element(random));
                }
                return new ListValue(list);
            }
            case 2:
                return new SetValue(distinct(random, n));
            case 3: {
                List<HashEntry> entries = new ArrayList<>();
                for (byte[] field : distinct(random, n)) {
                    entries.add(new HashEntry(field, element(random)));
                }
                return new HashValue(entries);
            }
            default: {
                List<ScoredMember> members = new ArrayList<>();
                for (byte[] member : distinct(random, n)) {
                    members.add(new ScoredMember(member, score(random)));
                }
                return new SortedSetValue(members);
            }
        }
    }

    private static List<byte[]> distinct(Random random, int n) {
        boolean integers = random.nextBoolean();
        Set<ByteBuffer> seen = new HashSet<>();
        List<byte[]> out = new ArrayList<>();
        while (out.size() < n) {
            byte[] e = integers ? Long.toString(random.nextLong() >> random.nextInt(60)).getBytes(StandardCharsets.US_ASCII)
                    : element(random);
            if (seen.add(ByteBuffer.wrap(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static byte[] element(Random random) {
        return random.nextInt(10) == 0 ? new byte[0] : ListpackTest.randomElement(random);
    }

    private static double score(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return random.nextInt(100);
            case 1:
                return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2:
                return Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
            case 3:
                return (double) (random.nextLong() >> random.nextInt(64));
            default:
                return random.nextGaussian() * 1000;
        }
    }
}

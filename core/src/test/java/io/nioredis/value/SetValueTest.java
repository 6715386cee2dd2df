package io.nioredis.value;

import io.nioredis.store.StringEntry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random adds and removes against a HashSet, plus random members and a full scan. */
class SetValueTest {
    @Test
    void randomOperationsMatchHashSet() {
        long seed = System.nanoTime();
        System.out.println("SetValueTest seed " + seed);
        Random random = new Random(seed);
        SetValue set = new SetValue(bytes("k"));
        Set<String> model = new HashSet<>();
        long emptyMemory = set.memoryUsage();
        for (int op = 0; op < 30_000; op++) {
            String member = Integer.toString(random.nextInt(2000));
            byte[] m = bytes(member);
            if (random.nextInt(3) < 2) {
                assertThat(set.add(m, 0, m.length)).isEqualTo(model.add(member));
            } else {
                assertThat(set.remove(m, 0, m.length)).isEqualTo(model.remove(member));
            }
            assertThat(set.size()).isEqualTo(model.size());
            assertThat(set.contains(m, 0, m.length)).isEqualTo(model.contains(member));
            if (!model.isEmpty() && op % 100 == 0) {
                assertThat(model).contains(member(set, set.randomSlot()));
            }
        }
        Set<String> scanned = new HashSet<>();
        long cursor = 0;
        do {
            cursor = set.scan(cursor, slot -> scanned.add(member(set, slot)));
        } while (cursor != 0);
        assertThat(scanned).isEqualTo(model);
        for (String member : model) {
            byte[] m = bytes(member);
            set.remove(m, 0, m.length);
        }
        assertThat(set.size()).isZero();
        assertThat(set.randomSlot()).isEqualTo(-1);
        assertThat(set.memoryUsage()).isLessThanOrEqualTo(emptyMemory + 64 * 1024);
    }

    @Test
    void emptyMemberAndBinaryMembers() {
        SetValue set = new SetValue(bytes("k"));
        byte[] bin = {0, '\r', '\n', (byte) 0xff};
        assertThat(set.add(bin, 0, 0)).isTrue();
        assertThat(set.add(bin, 0, 4)).isTrue();
        assertThat(set.add(bin, 0, 4)).isFalse();
        assertThat(set.contains(bin, 0, 0)).isTrue();
        assertThat(set.typeName()).isEqualTo("set");
    }

    private static String member(SetValue set, int slot) {
        byte[] e = set.entry(slot);
        return new String(e, StringEntry.keyOffset(e), StringEntry.keyLength(e), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void copyIsDeep() {
        SetValue set = new SetValue(bytes("k"));
        for (int i = 0; i < 100; i++) {
            byte[] m = bytes("e" + i);
            set.add(m, 0, m.length);
        }
        SetValue copy = set.copy(bytes("k2"));
        assertThat(copy.size()).isEqualTo(100);
        assertThat(copy.memoryUsage()).isPositive();
        byte[] e5 = bytes("e5");
        copy.remove(e5, 0, e5.length);
        assertThat(set.contains(e5, 0, e5.length)).isTrue();
        assertThat(copy.contains(e5, 0, e5.length)).isFalse();
    }
}

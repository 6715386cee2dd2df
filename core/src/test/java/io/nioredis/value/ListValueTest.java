package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void copyIsDeepAndUnderTheNewKey() {
        ListValue list = new ListValue("a".getBytes(StandardCharsets.US_ASCII));
        list.pushTail("x".getBytes(StandardCharsets.US_ASCII));
        list.pushTail("y".getBytes(StandardCharsets.US_ASCII));
        ListValue copy = (ListValue) list.copy("b".getBytes(StandardCharsets.US_ASCII));
        list.get(0)[0] = 'z';
        list.popTail();
        assertThat(copy.key()).containsExactly('b');
        assertThat(copy.size()).isEqualTo(2);
        assertThat(new String(copy.get(0), StandardCharsets.US_ASCII)).isEqualTo("x");
        assertThat(copy.memoryUsage()).isPositive();
    }

    @Test
    void bothEndsInOrder() {
        ListValue list = new ListValue(b("k"));
        list.pushTail(b("b"));
        list.pushHead(b("a"));
        list.pushTail(b("c"));
        assertThat(list.size()).isEqualTo(3);
        assertThat(s(list.get(0)) + s(list.get(1)) + s(list.get(2))).isEqualTo("abc");
        assertThat(s(list.popTail())).isEqualTo("c");
        assertThat(s(list.popHead())).isEqualTo("a");
        assertThat(s(list.popHead())).isEqualTo("b");
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.typeName()).isEqualTo("list");
    }

    @Test
    void memoryGrowsWithElementsAndShrinksBack() {
        ListValue list = new ListValue(b("k"));
        long empty = list.memoryUsage();
        for (int i = 0; i < 10_000; i++) {
            list.pushTail(new byte[100]);
        }
        assertThat(list.memoryUsage()).isGreaterThan(empty + 10_000 * 100);
        list.trim(5_000, 5_000);
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.memoryUsage()).isEqualTo(empty);
    }

    /** Random operations against an ArrayList; the seed is printed so that a failure can be replayed. */
    @Test
    void randomOperationsMatchAnArrayList() {
        long seed = System.nanoTime();
        System.out.println("ListValueTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            ListValue list = new ListValue(b("k"));
            List<String> model = new ArrayList<>();
            int ops = 2_000;
            for (int op = 0; op < ops; op++) {
                String element = Integer.toString(random.nextInt(50));
                int size = model.size();
                switch (random.nextInt(10)) {
                    case 0, 1 -> {
                        list.pushHead(b(element));
                        model.add(0, element);
                    }
                    case 2, 3 -> {
                        list.pushTail(b(element));
                        model.add(element);
                    }
                    case 4 -> {
                        if (size > 0) {
                            assertThat(s(list.popHead())).as("seed %d", seed).isEqualTo(model.remove(0));
                        }
                    }
                    case 5 -> {
                        if (size > 0) {
                            assertThat(s(list.popTail())).as("seed %d", seed).isEqualTo(model.remove(size - 1));
                        }
                    }
                    case 6 -> {
                        int at = random.nextInt(size + 1);
                        list.insert(at, b(element));
                        model.add(at, element);
                    }
                    case 7 -> {
                        if (size > 0) {
                            int at = random.nextInt(size);
                            list.remove(at);
                            model.remove(at);
                        }
                    }
                    case 8 -> {
                        if (size > 0) {
                            int at = random.nextInt(size);
                            list.set(at, b(element));
                            model.set(at, element);
                        }
                    }
                    default -> {
                        if (random.nextInt(10) == 0) {
                            int fromHead = random.nextInt(size / 4 + 1);
                            int fromTail = random.nextInt(size / 4 + 1);
                            list.trim(fromHead, fromTail);
                            model.subList(size - fromTail, size).clear();
                            model.subList(0, fromHead).clear();
                        } else {
                            boolean[] doomed = new boolean[size];
                            for (int i = 0; i < size; i++) {
                                doomed[i] = model.get(i).equals(element);
                            }
                            list.removeMarked(doomed);
                            model.removeIf(element::equals);
                        }
                    }
                }
                assertThat(list.size()).as("seed %d", seed).isEqualTo(model.size());
            }
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                contents.add(s(list.get(i)));
            }
            assertThat(contents).as("seed %d", seed).isEqualTo(model);
        }
    }
}

package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.RespWriter;
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

    @Test
    void smallElementsArePacked() {
        ListValue tens = new ListValue(b("k"));
        ListValue ints = new ListValue(b("k"));
        long empty = tens.memoryUsage();
        for (int i = 0; i < 100_000; i++) {
            tens.pushTail(b(String.format("%010d", i).replace('0', 'x')));
            ints.pushTail(b(Integer.toString(i % 100)));
        }
        // A 10-byte string packs into 12 bytes, a small integer into 2, plus node and ring overheads.
        assertThat((tens.memoryUsage() - empty) / 100_000.0).isBetween(12.0, 12.2);
        assertThat((ints.memoryUsage() - empty) / 100_000.0).isBetween(2.0, 2.1);
        assertThat(tens.listpackBytes()).isLessThan(tens.memoryUsage());
    }

    @Test
    void nodesSplitAsRedisFillsThem() {
        // Redis 7.0 (DEBUG OBJECT ql_nodes): 10 pushes of 1..10 under fill 2 make 5 nodes; 1000 10-byte
        // strings under the default -2 (8 KB) make 2 (681 fit the first), and under -1 (4 KB) make 3.
        ListValue two = new ListValue(b("k"), 2);
        for (int i = 1; i <= 10; i++) {
            two.pushTail(b(Integer.toString(i)));
        }
        assertThat(two.nodeCount()).isEqualTo(5);
        ListValue eightKb = new ListValue(b("k"));
        ListValue fourKb = new ListValue(b("k"), -1);
        for (int i = 0; i < 1000; i++) {
            eightKb.pushHead(b("abcdefghij"));
            fourKb.pushTail(b("abcdefghij"));
        }
        assertThat(eightKb.nodeCount()).isEqualTo(2);
        assertThat(fourKb.nodeCount()).isEqualTo(3);
        assertThat(eightKb.fill()).isEqualTo(-2);
    }

    @Test
    void integersKeepTheirTextAndCompareByValue() {
        ListValue list = new ListValue(b("k"));
        String[] elements = {"0", "-1", "127", "128", "-4096", "4095", "32767", "-32768", "8388607", "-8388608",
            "2147483647", "-2147483648", "9223372036854775807", "-9223372036854775808", "007", "-0", "+1", "1.0",
            "9223372036854775808", "x".repeat(63), "y".repeat(64), "z".repeat(4095), "w".repeat(4096), ""};
        for (String e : elements) {
            list.pushTail(b(e));
        }
        int i = 0;
        for (long h = list.first(); h != ListValue.NONE; h = list.next(h), i++) {
            byte[] e = b(elements[i]);
            assertThat(s(list.element(h))).isEqualTo(elements[i]);
            boolean isInt = ListValue.isInteger(e, 0, e.length);
            long v = isInt ? io.nioredis.text.Ascii.parseLong(e, 0, e.length) : 0;
            assertThat(list.matches(h, e, 0, e.length, isInt, v)).isTrue();
            byte[] other = b(elements[(i + 1) % elements.length]);
            boolean otherInt = ListValue.isInteger(other, 0, other.length);
            long ov = otherInt ? io.nioredis.text.Ascii.parseLong(other, 0, other.length) : 0;
            assertThat(list.matches(h, other, 0, other.length, otherInt, ov)).isFalse();
        }
        assertThat(i).isEqualTo(elements.length);
        RespWriter out = new RespWriter();
        list.writeRange(0, list.size() - 1, out);
        assertThat(bulks(out)).containsExactly(elements);
    }

    @Test
    void moveWithinOneListRotates() {
        ListValue list = new ListValue(b("k"), 1);
        for (String e : new String[] {"a", "b", "c"}) {
            list.pushTail(b(e));
        }
        RespWriter out = new RespWriter();
        ListValue.move(list, false, list, true, out);
        ListValue.move(list, true, list, true, out);
        assertThat(bulks(out)).containsExactly("c", "c");
        assertThat(contents(list)).containsExactly("c", "a", "b");
        ListValue single = new ListValue(b("s"));
        single.pushTail(b("only"));
        ListValue.move(single, true, single, false, new RespWriter());
        assertThat(contents(single)).containsExactly("only");
    }

    /**
     * Random operations against an ArrayList, with small node limits so nodes fill, split and empty; the
     * seed is printed so that a failure can be replayed.
     */
    @Test
    void randomOperationsMatchAnArrayList() {
        long seed = System.nanoTime();
        System.out.println("ListValueTest seed " + seed);
        Random random = new Random(seed);
        int[] fills = {1, 2, 3, 5, 16, -1, -2};
        for (int round = 0; round < 40; round++) {
            int fill = fills[round % fills.length];
            ListValue list = new ListValue(b("k"), fill);
            ListValue other = new ListValue(b("o"), fill);
            List<String> model = new ArrayList<>();
            List<String> otherModel = new ArrayList<>();
            int ops = 3_000;
            for (int op = 0; op < ops; op++) {
                String element = randomElement(random);
                int size = model.size();
                String where = "seed " + seed + " round " + round + " op " + op;
                switch (random.nextInt(16)) {
                    case 0, 1 -> {
                        list.pushHead(b(element));
                        model.add(0, element);
                    }
                    case 2, 3 -> {
                        byte[] framed = b("<" + element + ">");
                        list.push(false, framed, 1, framed.length - 2);
                        model.add(element);
                    }
                    case 4 -> {
                        if (size > 0) {
                            assertThat(s(list.popHead())).as(where).isEqualTo(model.remove(0));
                        }
                    }
                    case 5 -> {
                        if (size > 0) {
                            RespWriter out = new RespWriter();
                            list.popTo(false, out);
                            assertThat(bulks(out)).as(where).containsExactly(model.remove(size - 1));
                        }
                    }
                    case 6 -> {
                        if (size > 0 && random.nextBoolean()) {
                            int pivot = random.nextInt(size);
                            boolean after = random.nextBoolean();
                            byte[] framed = b("(" + element + ")");
                            list.insert(pivot, after, framed, 1, framed.length - 2);
                            model.add(after ? pivot + 1 : pivot, element);
                        } else {
                            int at = random.nextInt(size + 1);
                            list.insert(at, b(element));
                            model.add(at, element);
                        }
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
                            byte[] framed = b("[" + element + "]");
                            list.set(at, framed, 1, framed.length - 2);
                            model.set(at, element);
                        }
                    }
                    case 9 -> {
                        if (size > 0) {
                            long index = random.nextInt(2 * size) - size; // negative counts from the tail
                            int at = list.position(index);
                            RespWriter out = new RespWriter();
                            list.writeElement(at, out);
                            assertThat(bulks(out)).as(where).containsExactly(model.get(index < 0 ? (int) (size + index) : (int) index));
                            assertThat(s(list.get(at))).as(where).isEqualTo(model.get(at));
                        }
                        assertThat(list.position(size)).isEqualTo(-1);
                        assertThat(list.position(-size - 1)).isEqualTo(-1);
                    }
                    case 10 -> {
                        if (size > 0) {
                            int from = random.nextInt(size);
                            int to = from + random.nextInt(size - from);
                            RespWriter out = new RespWriter();
                            list.writeRange(from, to, out);
                            assertThat(bulks(out)).as(where).isEqualTo(model.subList(from, to + 1));
                            assertThat(strings(list.range(from, to))).as(where).isEqualTo(model.subList(from, to + 1));
                        }
                    }
                    case 11 -> {
                        if (size > 0) {
                            boolean fromHead = random.nextBoolean();
                            boolean toHead = random.nextBoolean();
                            boolean self = random.nextInt(4) == 0;
                            ListValue dest = self ? list : other;
                            List<String> destModel = self ? model : otherModel;
                            String moved = fromHead ? model.remove(0) : model.remove(size - 1);
                            if (toHead) {
                                destModel.add(0, moved);
                            } else {
                                destModel.add(moved);
                            }
                            RespWriter out = new RespWriter();
                            ListValue.move(list, fromHead, dest, toHead, out);
                            assertThat(bulks(out)).as(where).containsExactly(moved);
                        }
                    }
                    case 12 -> {
                        // Walk both ways by handle, as LPOS and LREM do.
                        List<String> forward = new ArrayList<>();
                        for (long h = list.first(); h != ListValue.NONE; h = list.next(h)) {
                            forward.add(s(list.element(h)));
                        }
                        List<String> backward = new ArrayList<>();
                        for (long h = list.last(); h != ListValue.NONE; h = list.previous(h)) {
                            backward.add(0, s(list.element(h)));
                        }
                        assertThat(forward).as(where).isEqualTo(model);
                        assertThat(backward).as(where).isEqualTo(model);
                    }
                    case 13 -> {
                        if (random.nextInt(8) == 0) {
                            ListValue copy = (ListValue) list.copy(b("c"));
                            list = copy;
                        }
                        assertThat(list.memoryUsage()).as(where).isGreaterThanOrEqualTo(list.listpackBytes());
                    }
                    default -> {
                        if (random.nextInt(10) == 0) {
                            int fromHead = random.nextInt(size / 4 + 1);
                            int fromTail = random.nextInt(size / 4 + 1);
                            if (random.nextInt(20) == 0) {
                                fromHead = size;
                            }
                            list.trim(fromHead, Math.min(fromTail, size - Math.min(fromHead, size)));
                            model.subList(size - Math.min(fromTail, size - Math.min(fromHead, size)), size).clear();
                            model.subList(0, Math.min(fromHead, model.size())).clear();
                        } else if (size > 0) {
                            boolean[] doomed = new boolean[size];
                            for (int i = 0; i < size; i++) {
                                doomed[i] = model.get(i).equals(element) || random.nextInt(20) == 0;
                            }
                            list.removeMarked(doomed);
                            List<String> kept = new ArrayList<>();
                            for (int i = 0; i < size; i++) {
                                if (!doomed[i]) {
                                    kept.add(model.get(i));
                                }
                            }
                            model.clear();
                            model.addAll(kept);
                        }
                    }
                }
                assertThat(list.size()).as(where).isEqualTo(model.size());
                assertThat(list.isEmpty()).as(where).isEqualTo(model.isEmpty());
            }
            assertThat(contents(list)).as("seed %d", seed).isEqualTo(model);
            assertThat(contents(other)).as("seed %d", seed).isEqualTo(otherModel);
            if (fill > 0) {
                assertThat(list.nodeCount()).as("seed %d", seed).isGreaterThanOrEqualTo((model.size() + fill - 1) / fill);
            }
        }
    }

    /** Mostly small strings and integers (so elements repeat), sometimes long ones that fill a node. */
    private static String randomElement(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return Long.toString(random.nextLong());
            case 1:
                return Integer.toString(random.nextInt(20_000) - 10_000);
            case 2:
                return "x".repeat(random.nextInt(300));
            case 3:
                return random.nextInt(50) == 0 ? "y".repeat(5000 + random.nextInt(5000)) : "e" + random.nextInt(30);
            default:
                return Integer.toString(random.nextInt(50));
        }
    }

    private static List<String> contents(ListValue list) {
        List<String> out = new ArrayList<>();
        for (byte[] e : list.elements()) {
            out.add(s(e));
        }
        return out;
    }

    private static List<String> strings(byte[][] elements) {
        List<String> out = new ArrayList<>();
        for (byte[] e : elements) {
            out.add(s(e));
        }
        return out;
    }

    /** The bulk strings written to {@code out}, in order. */
    private static List<String> bulks(RespWriter out) {
        String text = new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
        List<String> result = new ArrayList<>();
        int p = 0;
        while (p < text.length()) {
            assertThat(text.charAt(p)).isEqualTo('$');
            int eol = text.indexOf("\r\n", p);
            int len = Integer.parseInt(text.substring(p + 1, eol));
            result.add(text.substring(eol + 2, eol + 2 + len));
            p = eol + 2 + len + 2;
        }
        return result;
    }
}

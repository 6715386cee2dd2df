package io.nioredis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestKeysTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String found(RequestKeys args, byte[] b, int i) {
        return new String(b, args.offsets()[i], args.lengths()[i], StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsTheSecondElementOfEachCompleteRequest() {
        byte[] b = bytes("*2\r\n$3\r\nGET\r\n$5\r\nkey:1\r\n*3\r\n$3\r\nSET\r\n$2\r\nk2\r\n$0\r\n\r\n"
                + "*2\r\n$4\r\nINCR\r\n$0\r\n\r\n");
        RequestKeys args = new RequestKeys(8);
        assertThat(args.scan(b, 0, b.length)).isEqualTo(3);
        assertThat(found(args, b, 0)).isEqualTo("key:1");
        assertThat(found(args, b, 1)).isEqualTo("k2");
        assertThat(found(args, b, 2)).isEmpty();
    }

    @Test
    void stopsAtTheFirstRequestItCannotReadWhole() {
        String two = "*2\r\n$3\r\nGET\r\n$1\r\na\r\n";
        RequestKeys args = new RequestKeys(8);
        // every cut of the second request leaves only the first, and nothing is read past the end given
        String text = two + two;
        byte[] b = bytes(text + "garbage past the end");
        for (int end = two.length(); end < text.length(); end++) {
            assertThat(args.scan(b, 0, end)).as("cut at %d", end).isEqualTo(1);
        }
        assertThat(args.scan(b, 0, text.length())).isEqualTo(2);
        // an inline request, a one-element request, a null or malformed bulk, a bulk longer than the buffer
        for (String stop : new String[] {"PING\r\n", "*1\r\n$4\r\nPING\r\n", "*2\r\n$3\r\nGET\r\n$-1\r\n",
                "*2\r\n$3\r\nGET\r\n$x\r\n", "*2\r\n$3\r\nGET\r\n$99\r\nab\r\n", "*2\n$3\r\nGET\r\n$1\r\na\r\n"}) {
            byte[] s = bytes(two + stop + two);
            assertThat(args.scan(s, 0, s.length)).as(stop).isEqualTo(1);
        }
    }

    @Test
    void findsMembersAndTheKeysOfMultiKeyCommands() {
        byte[] b = bytes("*3\r\n$4\r\nSADD\r\n$1\r\ns\r\n$2\r\nm1\r\n"
                + "*5\r\n$4\r\nmset\r\n$2\r\nk1\r\n$2\r\nv1\r\n$2\r\nk2\r\n$2\r\nv2\r\n"
                + "*3\r\n$4\r\nMGET\r\n$2\r\nk3\r\n$2\r\nk4\r\n"
                + "*3\r\n$3\r\nSET\r\n$2\r\nk5\r\n$1\r\nv\r\n");
        RequestKeys args = new RequestKeys(8);
        assertThat(args.scan(b, 0, b.length)).isEqualTo(6);
        String[] keys = new String[6];
        for (int i = 0; i < 6; i++) {
            keys[i] = found(args, b, i);
        }
        assertThat(keys).containsExactly("s", "k1", "k2", "k3", "k4", "k5");
        assertThat(new String(b, args.memberOffsets()[0], args.memberLengths()[0], StandardCharsets.ISO_8859_1))
                .isEqualTo("m1");
        assertThat(args.memberOffsets()[1]).isEqualTo(-1); // MSET's values are not members
        assertThat(args.memberOffsets()[3]).isEqualTo(-1);
        assertThat(args.memberOffsets()[5]).as("SET's value counts as a member, harmlessly").isPositive();
        // the keys of a request cut short are not counted
        assertThat(args.scan(b, 0, b.length - 3)).isEqualTo(5);
    }

    @Test
    void looksUpNoMoreKeysThanItsCapacity() {
        byte[] b = bytes("*2\r\n$3\r\nGET\r\n$1\r\na\r\n".repeat(5));
        assertThat(new RequestKeys(3).scan(b, 0, b.length)).isEqualTo(3);
        assertThat(new RequestKeys(3).scan(b, 20, b.length)).as("from the second request").isEqualTo(3);
        byte[] mset = bytes("*5\r\n$4\r\nMSET\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n".repeat(2));
        assertThat(new RequestKeys(3).scan(mset, 0, mset.length)).as("keys, not requests").isEqualTo(3);
    }
}

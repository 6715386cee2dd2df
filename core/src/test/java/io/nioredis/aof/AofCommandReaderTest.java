package io.nioredis.aof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AofCommandReaderTest {
    private static final String FILE = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n#TS:1700000000\r\n"
            + "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n";

    private static List<String> read(byte[] bytes, int limit, AofCommandReader.Status[] end) {
        AofCommandReader r = new AofCommandReader(bytes, 0, limit);
        List<String> commands = new ArrayList<>();
        AofCommandReader.Status s;
        while ((s = r.next()) == AofCommandReader.Status.COMMAND) {
            StringBuilder b = new StringBuilder();
            for (byte[] a : r.argv()) {
                b.append(b.length() == 0 ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            }
            commands.add(b.toString());
        }
        end[0] = s;
        return commands;
    }

    @Test
    void readsCommandsAndSkipsAnnotations() {
        AofCommandReader.Status[] end = new AofCommandReader.Status[1];
        byte[] bytes = FILE.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(bytes, bytes.length, end)).containsExactly("SELECT 0", "SET k hello", "INCR n");
        assertThat(end[0]).isEqualTo(AofCommandReader.Status.END);
    }

    @Test
    void aFileCutAnywhereIsTruncatedUnlessCutBetweenCommands() {
        byte[] bytes = FILE.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> boundaries = List.of(0, 23, 39, 70, bytes.length);
        for (int cut = 0; cut <= bytes.length; cut++) {
            AofCommandReader.Status[] end = new AofCommandReader.Status[1];
            List<String> got = read(bytes, cut, end);
            if (boundaries.contains(cut)) {
                assertThat(end[0]).as("cut at %d", cut).isEqualTo(AofCommandReader.Status.END);
            } else {
                assertThat(end[0]).as("cut at %d", cut).isEqualTo(AofCommandReader.Status.TRUNCATED);
            }
            assertThat(got.size()).as("cut at %d", cut).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void somethingElseIsABadFormat() {
        for (String bad : new String[] {"SET k v\r\n", "*0\r\n", "*1\r\n+OK\r\n", "*x\r\n", "*1\r\n$-3\r\n"}) {
            AofCommandReader.Status[] end = new AofCommandReader.Status[1];
            byte[] bytes = bad.getBytes(StandardCharsets.ISO_8859_1);
            read(bytes, bytes.length, end);
            assertThat(end[0]).as(bad).isEqualTo(AofCommandReader.Status.BAD_FORMAT);
        }
    }
}

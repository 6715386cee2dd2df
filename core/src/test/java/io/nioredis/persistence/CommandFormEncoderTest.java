package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An AOF base in command form, per type, against the bytes Redis 7.0.15 wrote for the same keys with
 * {@code aof-use-rdb-preamble no} after BGREWRITEAOF. Where Redis's iteration order is not nioredis's (a set
 * of strings, a hash table), the commands are compared as sets of arguments.
 */
class CommandFormEncoderTest {
    private static final String SELECT_0 = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n";

    /** The base a server holding what {@code commands} made would write. */
    private static String base(CommandHarness h, String[]... commands) {
        for (String[] c : commands) {
            h.run(c);
        }
        return new String(CommandFormEncoder.wholeDataset(h.state.databases), StandardCharsets.ISO_8859_1);
    }

    private static String base(String[]... commands) {
        return base(new CommandHarness(), commands);
    }

    private static String[] c(String... args) {
        return args;
    }

    @Test
    void anEmptyDatasetIsAnEmptyFile() {
        assertThat(base()).isEmpty();
    }

    @Test
    void stringsAreSetAndDeadlinesArePexpireat() {
        assertThat(base(c("SET", "s2", "12345"))).isEqualTo(SELECT_0 + "*3\r\n$3\r\nSET\r\n$2\r\ns2\r\n$5\r\n12345\r\n");
        assertThat(base(c("SET", "s3", ""))).isEqualTo(SELECT_0 + "*3\r\n$3\r\nSET\r\n$2\r\ns3\r\n$0\r\n\r\n");
        assertThat(base(c("SET", "e1", "v"), c("PEXPIREAT", "e1", "99999999999999"))).isEqualTo(SELECT_0
                + "*3\r\n$3\r\nSET\r\n$2\r\ne1\r\n$1\r\nv\r\n*3\r\n$9\r\nPEXPIREAT\r\n$2\r\ne1\r\n$14\r\n99999999999999\r\n");
    }

    @Test
    void eachDatabaseIsSelectedOnce() {
        assertThat(base(c("SELECT", "3"), c("SET", "in3", "yes"), c("SET", "also", "x")))
                .startsWith("*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*3\r\n$3\r\nSET\r\n")
                .containsOnlyOnce("SELECT");
    }

    @Test
    void listsAreRpushedInBatchesOf64() {
        assertThat(base(c("RPUSH", "l1", "a", "b", "3", "-7", "c"))).isEqualTo(SELECT_0
                + "*7\r\n$5\r\nRPUSH\r\n$2\r\nl1\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\n3\r\n$2\r\n-7\r\n$1\r\nc\r\n");
        String[] push = new String[72];
        push[0] = "RPUSH";
        push[1] = "big";
        StringBuilder first = new StringBuilder("*66\r\n$5\r\nRPUSH\r\n$3\r\nbig\r\n");
        StringBuilder second = new StringBuilder("*8\r\n$5\r\nRPUSH\r\n$3\r\nbig\r\n");
        for (int i = 1; i <= 70; i++) {
            push[i + 1] = String.valueOf(i);
            (i <= 64 ? first : second).append('$').append(String.valueOf(i).length()).append("\r\n").append(i)
                    .append("\r\n");
        }
        assertThat(base(push)).isEqualTo(SELECT_0 + first + second);
    }

    @Test
    void setsAreSadded() {
        assertThat(base(c("SADD", "si", "3", "1", "2", "-5"))).isEqualTo(SELECT_0
                + "*6\r\n$4\r\nSADD\r\n$2\r\nsi\r\n$2\r\n-5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        // Redis wrote "*5 SADD ss z y x": its hash table's order, not ours.
        List<List<String>> commands = parse(base(c("SADD", "ss", "x", "y", "z")));
        assertThat(commands).hasSize(2);
        assertThat(commands.get(1).subList(0, 2)).containsExactly("SADD", "ss");
        assertThat(commands.get(1).subList(2, 5)).containsExactlyInAnyOrder("x", "y", "z");
        Set<String> members = new HashSet<>();
        List<List<String>> big = parse(base(bigCommand("SADD", "bigs", i -> List.of(String.valueOf(i)))));
        assertThat(big).hasSize(3);
        assertThat(big.get(1)).hasSize(66);
        assertThat(big.get(2)).hasSize(8);
        for (List<String> cmd : big.subList(1, 3)) {
            members.addAll(cmd.subList(2, cmd.size()));
        }
        assertThat(members).hasSize(70);
    }

    @Test
    void sortedSetScoresAreWrittenAsPercentPoint17g() {
        assertThat(base(c("ZADD", "z1", "0.1", "m1", "1", "m2", "-2.5", "m3", "inf", "m4", "1e20", "m5", "1.5e-7",
                "m6", "100", "77"))).isEqualTo(SELECT_0 + "*16\r\n$4\r\nZADD\r\n$2\r\nz1\r\n$4\r\n-2.5\r\n$2\r\nm3\r\n"
                + "$22\r\n1.4999999999999999e-07\r\n$2\r\nm6\r\n$19\r\n0.10000000000000001\r\n$2\r\nm1\r\n$1\r\n1\r\n"
                + "$2\r\nm2\r\n$3\r\n100\r\n$2\r\n77\r\n$5\r\n1e+20\r\n$2\r\nm5\r\n$3\r\ninf\r\n$2\r\nm4\r\n");
        List<List<String>> big = parse(base(bigCommand("ZADD", "bigz", i -> List.of(String.valueOf(i), "m" + i))));
        assertThat(big.get(1)).hasSize(130).startsWith("ZADD", "bigz", "1", "m1", "2", "m2");
        assertThat(big.get(2)).containsExactly("ZADD", "bigz", "65", "m65", "66", "m66", "67", "m67", "68", "m68",
                "69", "m69", "70", "m70");
    }

    @Test
    void hashesAreHmset() {
        assertThat(base(c("HSET", "h1", "f1", "v1", "f2", "22", "33", "v3"))).isEqualTo(SELECT_0
                + "*8\r\n$5\r\nHMSET\r\n$2\r\nh1\r\n$2\r\nf1\r\n$2\r\nv1\r\n$2\r\nf2\r\n$2\r\n22\r\n$2\r\n33\r\n$2\r\nv3\r\n");
        List<List<String>> big = parse(base(bigCommand("HSET", "bigh", i -> List.of("f" + i, "v" + i))));
        assertThat(big.get(1)).hasSize(130).startsWith("HMSET", "bigh");
        assertThat(big.get(2)).hasSize(14).startsWith("HMSET", "bigh");
    }

    @Test
    void streamsAreXaddedWithTheirIdsGroupsConsumersAndPendingEntries() {
        CommandHarness h = new CommandHarness();
        h.clock.set(1796046869142L);
        String expected = SELECT_0
                + "*7\r\n$4\r\nXADD\r\n$2\r\nx1\r\n$3\r\n1-1\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n"
                + "*5\r\n$4\r\nXADD\r\n$2\r\nx1\r\n$3\r\n2-0\r\n$1\r\nc\r\n$1\r\n4\r\n"
                + "*7\r\n$6\r\nXSETID\r\n$2\r\nx1\r\n$3\r\n2-0\r\n$12\r\nENTRIESADDED\r\n$1\r\n3\r\n"
                + "$12\r\nMAXDELETEDID\r\n$3\r\n1-2\r\n"
                + "*7\r\n$6\r\nXGROUP\r\n$6\r\nCREATE\r\n$2\r\nx1\r\n$2\r\ng0\r\n$3\r\n2-0\r\n$11\r\nENTRIESREAD\r\n"
                + "$2\r\n-1\r\n"
                + "*7\r\n$6\r\nXGROUP\r\n$6\r\nCREATE\r\n$2\r\nx1\r\n$2\r\ng1\r\n$3\r\n2-0\r\n$11\r\nENTRIESREAD\r\n"
                + "$1\r\n3\r\n"
                + "*12\r\n$6\r\nXCLAIM\r\n$2\r\nx1\r\n$2\r\ng1\r\n$2\r\nc1\r\n$1\r\n0\r\n$3\r\n1-1\r\n$4\r\nTIME\r\n"
                + "$13\r\n1796046869142\r\n$10\r\nRETRYCOUNT\r\n$1\r\n1\r\n$6\r\nJUSTID\r\n$5\r\nFORCE\r\n"
                + "*12\r\n$6\r\nXCLAIM\r\n$2\r\nx1\r\n$2\r\ng1\r\n$2\r\nc1\r\n$1\r\n0\r\n$3\r\n2-0\r\n$4\r\nTIME\r\n"
                + "$13\r\n1796046869142\r\n$10\r\nRETRYCOUNT\r\n$1\r\n1\r\n$6\r\nJUSTID\r\n$5\r\nFORCE\r\n"
                + "*5\r\n$6\r\nXGROUP\r\n$14\r\nCREATECONSUMER\r\n$2\r\nx1\r\n$2\r\ng1\r\n$4\r\nidle\r\n";
        assertThat(base(h, c("XADD", "x1", "1-1", "a", "1", "b", "2"), c("XADD", "x1", "1-2", "a", "3"),
                c("XADD", "x1", "2-0", "c", "4"), c("XDEL", "x1", "1-2"), c("XGROUP", "CREATE", "x1", "g1", "0"),
                c("XGROUP", "CREATECONSUMER", "x1", "g1", "idle"),
                c("XREADGROUP", "GROUP", "g1", "c1", "COUNT", "2", "STREAMS", "x1", ">"),
                c("XGROUP", "CREATE", "x1", "g0", "$"))).isEqualTo(expected);
    }

    @Test
    void anEmptyStreamIsAddedAndTrimmedAtOnce() {
        assertThat(base(c("XADD", "xe", "MAXLEN", "0", "5-5", "a", "b"))).isEqualTo(SELECT_0
                + "*7\r\n$4\r\nXADD\r\n$2\r\nxe\r\n$6\r\nMAXLEN\r\n$1\r\n0\r\n$3\r\n0-1\r\n$1\r\nx\r\n$1\r\ny\r\n"
                + "*7\r\n$6\r\nXSETID\r\n$2\r\nxe\r\n$3\r\n5-5\r\n$12\r\nENTRIESADDED\r\n$1\r\n1\r\n"
                + "$12\r\nMAXDELETEDID\r\n$3\r\n0-0\r\n");
    }

    /** One command adding 70 items, {@code item} giving each item's arguments. */
    private static String[] bigCommand(String command, String key,
            java.util.function.IntFunction<List<String>> item) {
        List<String> args = new ArrayList<>(List.of(command, key));
        for (int i = 1; i <= 70; i++) {
            args.addAll(item.apply(i));
        }
        return args.toArray(String[]::new);
    }

    /** The commands of a file, each as its arguments. */
    static List<List<String>> parse(String file) {
        List<List<String>> commands = new ArrayList<>();
        int at = 0;
        while (at < file.length()) {
            int eol = file.indexOf("\r\n", at);
            int count = Integer.parseInt(file.substring(at + 1, eol));
            at = eol + 2;
            List<String> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                eol = file.indexOf("\r\n", at);
                int len = Integer.parseInt(file.substring(at + 1, eol));
                args.add(file.substring(eol + 2, eol + 2 + len));
                at = eol + 2 + len + 2;
            }
            commands.add(args);
        }
        return commands;
    }
}

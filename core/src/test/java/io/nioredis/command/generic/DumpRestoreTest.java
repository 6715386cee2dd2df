package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DUMP payloads and RESTORE's options and refusals, byte for byte as real Redis 7.0. */
class DumpRestoreTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void dumpIsRedisSerialization() {
        h.run("set", "s", "hello");
        h.run("set", "n", "12345");
        h.run("rpush", "l", "a", "b", "1", "2");
        h.run("hset", "h", "f", "v", "g", "1");
        h.run("zadd", "z", "1", "a", "2.5", "b", "-inf", "c");
        h.run("sadd", "st", "3", "1", "2");
        assertThat(h.run("dump", "s")).isEqualTo("$17\r\n\u0000\u0005hello\n\u0000cr\u00dfve4 \n\r\n");
        assertThat(h.run("dump", "n")).isEqualTo("$14\r\n\u0000\u00c190\n\u0000\u009d\u0094\u00ea'\u0093\u00fc\u0008\u00b9\r\n");
        assertThat(h.run("dump", "l")).isEqualTo("$31\r\n\u0012\u0001\u0002\u0011\u0011\u0000\u0000\u0000\u0004\u0000\u0081a\u0002\u0081b\u0002\u0001\u0001\u0002\u0001\u00ff\n\u0000mrq>\u009bCH+\r\n");
        assertThat(h.run("dump", "h")).isEqualTo("$30\r\n\u0010\u0012\u0012\u0000\u0000\u0000\u0004\u0000\u0081f\u0002\u0081v\u0002\u0081g\u0002\u0001\u0001\u00ff\n\u0000#\u00c1\u00a5\u00e3]\u00fa\u00e8\u001c\r\n");
        assertThat(h.run("dump", "z")).isEqualTo("$41\r\n\u0011\u001d\u001d\u0000\u0000\u0000\u0006\u0000\u0081c\u0002\u0084-inf\u0005\u0081a\u0002\u0001\u0001\u0081b\u0002\u00832.5\u0004\u00ff\n\u00009\u00923\u009b\u00e1\u001f2=\r\n");
        assertThat(h.run("dump", "st")).isEqualTo("$26\r\n\u000b\u000e\u0002\u0000\u0000\u0000\u0003\u0000\u0000\u0000\u0001\u0000\u0002\u0000\u0003\u0000\n\u0000\u00a5\u0002\\\u00e2mnM\u001b\r\n");
        assertThat(h.run("dump", "missing")).isEqualTo("$-1\r\n");
    }

    /** A list is dumped node for node as it is packed (Redis's payload, list-max-listpack-size 3, after LPUSH). */
    @Test
    void dumpWritesTheListsOwnNodes() {
        h.run("config", "set", "list-max-listpack-size", "3");
        h.run("rpush", "q", "a", "b", "c", "d", "e", "f", "g");
        h.run("lpush", "q", "100");
        h.run("config", "set", "list-max-listpack-size", "-2"); // the list keeps the fill it was made with
        String hex = "120402090900000001006401ff0210100000000300816102816202816302ff0210100000000300816402816502"
                + "816602ff020a0a0000000100816702ff0a00a284437c4ca5eff2";
        assertThat(h.run("dump", "q")).isEqualTo("$" + hex.length() / 2 + "\r\n" + latin1(hex) + "\r\n");
    }

    private static String latin1(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append((char) Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return b.toString();
    }

    @Test
    void restoreOptionsAndErrors() {
        h.run("set", "s", "hello");
        assertThat(h.run(latin1("restore", "s", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n"))).isEqualTo("-BUSYKEY Target key name already exists.\r\n");
        assertThat(h.run(latin1("restore", "s", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "replace"))).isEqualTo("+OK\r\n");
        assertThat(h.run("get", "s")).isEqualTo("$5\r\nhello\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \u000b"))).isEqualTo("-ERR DUMP payload version or checksum are wrong\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\u000b\u0000cr\u00dfve4 \n"))).isEqualTo("-ERR DUMP payload version or checksum are wrong\r\n");
        assertThat(h.run("restore", "n", "0", "\u0000\u0001")).isEqualTo("-ERR DUMP payload version or checksum are wrong\r\n");
        assertThat(h.run(latin1("restore", "n", "-1", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n"))).isEqualTo("-ERR Invalid TTL value, must be >= 0\r\n");
        assertThat(h.run(latin1("restore", "n", "x", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n"))).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "idletime", "-1"))).isEqualTo("-ERR Invalid IDLETIME value, must be >= 0\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "freq", "256"))).isEqualTo("-ERR Invalid FREQ value, must be >= 0 and <= 255\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "idletime", "1", "freq", "2"))).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "freq", "2", "idletime", "1"))).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "foo"))).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "idletime"))).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run(latin1("restore", "n", "0", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "freq", "x"))).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("exists", "n")).isEqualTo(":0\r\n");
        assertThat(h.run(latin1("restore", "s", "1000", "\u0000\u0005hello\n\u0000cr\u00dfve4 \n", "absttl", "replace"))).isEqualTo("+OK\r\n");
        assertThat(h.run("exists", "s")).isEqualTo(":0\r\n");
    }

    /** Arguments as ISO-8859-1 bytes, so that every char is one byte as redis-cli would send it. */
    private static byte[][] latin1(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return out;
    }

}

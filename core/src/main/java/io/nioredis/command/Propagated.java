package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.text.Ascii;

/**
 * Builds the argument vectors commands hand to {@link io.nioredis.client.Client#propagateAs} and
 * {@code propagateAlso}: Redis's verbs spelled as its shared objects spell them (upper case), numbers in
 * decimal, arguments copied out of the request (whose buffer is reused). Used only while a sink listens.
 */
public final class Propagated {
    public static final byte[] SET = word("SET");
    public static final byte[] PXAT = word("PXAT");
    public static final byte[] KEEPTTL = word("KEEPTTL");
    public static final byte[] DEL = word("DEL");
    public static final byte[] UNLINK = word("UNLINK");
    public static final byte[] PEXPIREAT = word("PEXPIREAT");
    public static final byte[] PERSIST = word("PERSIST");
    public static final byte[] HSET = word("HSET");
    public static final byte[] ABSTTL = word("ABSTTL");
    public static final byte[] SREM = word("SREM");
    public static final byte[] LPOP = word("LPOP");
    public static final byte[] RPOP = word("RPOP");
    public static final byte[] LMOVE = word("LMOVE");
    public static final byte[] RPOPLPUSH = word("RPOPLPUSH");
    public static final byte[] ZPOPMIN = word("ZPOPMIN");
    public static final byte[] ZPOPMAX = word("ZPOPMAX");

    private Propagated() {}

    private static byte[] word(String w) {
        return w.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The vector of the given parts, each copied so that no two units share an array. */
    public static byte[][] of(byte[]... parts) {
        byte[][] argv = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            argv[i] = parts[i].clone();
        }
        return argv;
    }

    /** Argument {@code i} of the request, copied. */
    public static byte[] arg(Request request, int i) {
        return request.copy(i);
    }

    /** A number as Redis writes it in a command: decimal ASCII. */
    public static byte[] number(long v) {
        byte[] b = new byte[Ascii.decimalLength(v)];
        Ascii.writeLong(b, 0, v);
        return b;
    }

    /** DEL, or UNLINK when the lazyfree setting {@code lazySetting} is on, as Redis deletes for a command. */
    public static byte[] deletion(io.nioredis.client.Client client, String lazySetting) {
        return client.server().config.getBoolean(lazySetting) ? UNLINK : DEL;
    }

    /** The whole request, copied, with the arguments for which {@code skip} is true left out. */
    public static byte[][] without(Request request, java.util.function.IntPredicate skip) {
        int n = 0;
        for (int i = 0; i < request.argc(); i++) {
            if (!skip.test(i)) {
                n++;
            }
        }
        byte[][] argv = new byte[n][];
        n = 0;
        for (int i = 0; i < request.argc(); i++) {
            if (!skip.test(i)) {
                argv[n++] = request.copy(i);
            }
        }
        return argv;
    }
}
